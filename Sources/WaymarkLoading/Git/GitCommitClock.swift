import Foundation
import WaymarkModel

/// The committer time of the commit checked out in the git work tree holding a site root, read
/// from the repository's files without running git: the build's "now" when none is configured.
///
/// `HEAD` is followed to its commit (through loose refs and `packed-refs`), the commit object is
/// read (loose, or from a pack, rebuilt from deltas when stored as one), and its `committer`
/// line's epoch seconds are the time. Anything unreadable gives nil and the build falls back.
public struct GitCommitClock: Sendable {
  /// The site root.
  public let root: URL

  /// Creates a reader for the work tree holding `root`.
  public init(root: URL) {
    self.root = root
  }

  /// The `HEAD` commit's committer time, or nil when the root is not in a readable git work tree.
  public func headCommitTime() -> Timestamp? {
    guard let repository = GitDirectory.enclosing(root), let id = Self.headCommit(repository),
      let commit = GitObjectStore(commonDirectory: repository.commonDirectory).object(id), commit.type == "commit"
    else { return nil }
    return Self.committerTime(commit.content)
  }

  /// The commit `HEAD` names, following symbolic refs.
  static func headCommit(_ repository: GitDirectory) -> String? {
    var target = GitDirectory.readLine(repository.gitDirectory.appendingPathComponent("HEAD"))
    for _ in 0..<5 {
      guard let value = target else { return nil }
      guard value.hasPrefix("ref:") else { return isObjectID(value) ? value.lowercased() : nil }
      let name = value.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
      guard name.hasPrefix("refs/") || name == "HEAD", !name.split(separator: "/").contains("..") else { return nil }
      target = ref(name, in: repository)
    }
    return nil
  }

  /// A ref's value: its loose file (the worktree's own, then the shared one), else its `packed-refs` line.
  private static func ref(_ name: String, in repository: GitDirectory) -> String? {
    for folder in [repository.gitDirectory, repository.commonDirectory] {
      if let value = GitDirectory.readLine(folder.appendingPathComponent(name)) { return value }
    }
    let packed = repository.commonDirectory.appendingPathComponent("packed-refs")
    guard let data = GitDirectory.read(packed, limit: 256 << 20) else { return nil }
    for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
      let fields = line.split(separator: " ", maxSplits: 1)
      if fields.count == 2, fields[1] == name { return String(fields[0]) }
    }
    return nil
  }

  private static func isObjectID(_ text: String) -> Bool {
    (text.count == 40 || text.count == 64) && text.allSatisfy(\.isHexDigit)
  }

  /// The epoch seconds of the header's `committer NAME <EMAIL> SECONDS ZONE` line.
  static func committerTime(_ content: [UInt8]) -> Timestamp? {
    for line in content.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      if line.isEmpty { return nil }
      let text = String(decoding: line, as: UTF8.self)
      guard text.hasPrefix("committer "), let closing = text.lastIndex(of: ">") else { continue }
      let fields = text[text.index(after: closing)...].split(separator: " ")
      guard fields.count == 2, let seconds = Int64(fields[0]), abs(seconds) < 253_402_300_800 else { return nil }
      return Timestamp(millisecondsSinceEpoch: seconds * 1000)
    }
    return nil
  }
}
