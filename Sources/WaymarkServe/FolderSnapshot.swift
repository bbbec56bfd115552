import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the polling watcher compares: each file and folder in scope with its type, size,
/// modification time and inode (a file replaced by a rename has a new inode).
struct FolderSnapshot: Sendable, Equatable {
  struct Stamp: Sendable, Equatable {
    var type: UInt32
    var size: Int64
    var seconds: Int
    var nanoseconds: Int
    var inode: UInt64
  }

  private(set) var entries: [String: Stamp] = [:]

  /// Walks `scope` (folder links are listed, not entered; files behind links are stamped by their target).
  static func take(_ scope: WatchScope) -> FolderSnapshot {
    var snapshot = FolderSnapshot()
    snapshot.walk("", scope)
    return snapshot
  }

  private mutating func walk(_ folder: String, _ scope: WatchScope) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: scope.absolute(folder))) ?? []
    for name in names where !name.hasPrefix(".") {
      let path = folder.isEmpty ? name : folder + "/" + name
      guard scope.matters(path) else { continue }
      var info = stat()
      guard lstat(scope.absolute(path), &info) == 0 else { continue }
      let isFolder = info.st_mode & S_IFMT == S_IFDIR
      if info.st_mode & S_IFMT == S_IFLNK { _ = stat(scope.absolute(path), &info) }
      entries[path] = Stamp(info)
      if isFolder { walk(path, scope) }
    }
  }

  /// The paths that appeared, vanished or changed between `self` and `later`, sorted.
  func changes(to later: FolderSnapshot) -> [String] {
    var changed = Set<String>()
    for (path, stamp) in later.entries where entries[path] != stamp { changed.insert(path) }
    for path in entries.keys where later.entries[path] == nil { changed.insert(path) }
    return changed.sorted()
  }
}

extension FolderSnapshot.Stamp {
  init(_ info: stat) {
    #if canImport(Darwin)
      let modified = info.st_mtimespec
    #else
      let modified = info.st_mtim
    #endif
    self.init(
      type: UInt32(info.st_mode & S_IFMT), size: Int64(info.st_size), seconds: Int(modified.tv_sec),
      nanoseconds: Int(modified.tv_nsec), inode: UInt64(info.st_ino))
  }
}
