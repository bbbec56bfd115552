import Foundation
import WaymarkModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PreviousOutput {
  /// Whether the output folder holds exactly the files recorded, each still the one recorded,
  /// and nothing else: no other file, link or folder (an empty one included), so that keeping it
  /// is keeping what the recorded build published. Regular dot-files at its top level
  /// (`.gitkeep`) are allowed: every publish carries them over as they are.
  public func isWhole() async -> Bool {
    guard !records.isEmpty else { return false }
    var folders: Set<String> = []
    for path in records.keys {
      var parent = path[...]
      while let slash = parent.lastIndex(of: "/") {
        parent = parent[..<slash]
        guard folders.insert(String(parent)).inserted else { break }
      }
    }
    // The top level here; each folder of it (`api/`, `search/`, `catalog/`, `docs/`) on a core of its own.
    var subfolders: [String]? = []
    guard var fileCount = census(relative: "", folders: folders, subfolders: &subfolders) else { return false }
    let counts = await withTaskGroup(of: Int?.self) { group in
      for subfolder in subfolders ?? [] {
        group.addTask { [self, folders] in
          var nested: [String]?
          return census(relative: subfolder, folders: folders, subfolders: &nested)
        }
      }
      return await group.reduce(into: [Int?]()) { $0.append($1) }
    }
    for count in counts {
      guard let count else { return false }
      fileCount += count
    }
    return fileCount == records.count
  }

  /// Lists the folder `relative` (root-relative, "" for the root) and, unless its subfolders are
  /// collected into `subfolders`, everything below it: how many files it holds; nil at the first
  /// entry that is neither a recorded file still intact nor a folder holding one. Each entry is
  /// looked at from its folder (`fstatat`), not by its whole path.
  private func census(relative: String, folders: Set<String>, subfolders: inout [String]?) -> Int? {
    guard let listing = opendir(relative.isEmpty ? folder.path : location(of: relative)) else { return nil }
    defer { closedir(listing) }
    let descriptor = dirfd(listing)
    var fileCount = 0
    while let entry = readdir(listing) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      if name == "." || name == ".." { continue }
      let path = relative.isEmpty ? name : relative + "/" + name
      var info = stat()
      guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
      let type = info.st_mode & S_IFMT
      if relative.isEmpty, name.hasPrefix("."), records[name] == nil, type == S_IFREG { continue }
      if type == S_IFDIR, folders.contains(path) {
        if subfolders != nil {
          subfolders?.append(path)
          continue
        }
        var nested: [String]?
        guard let count = census(relative: path, folders: folders, subfolders: &nested) else { return nil }
        fileCount += count
        continue
      }
      guard type == S_IFREG, let record = records[path], Self.matches(record, info) else { return nil }
      fileCount += 1
    }
    return fileCount
  }
}
