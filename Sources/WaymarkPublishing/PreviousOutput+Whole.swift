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
  public var isWhole: Bool {
    guard !records.isEmpty else { return false }
    var folders: Set<String> = []
    for path in records.keys {
      var parent = path[...]
      while let slash = parent.lastIndex(of: "/") {
        parent = parent[..<slash]
        guard folders.insert(String(parent)).inserted else { break }
      }
    }
    var fileCount = 0
    guard census(relative: "", folders: folders, fileCount: &fileCount) else { return false }
    return fileCount == records.count
  }

  /// Checks the folder `relative` (root-relative, "" for the root) and everything below it,
  /// counting the files; false at the first entry that is not recorded or not intact.
  private func census(relative: String, folders: Set<String>, fileCount: inout Int) -> Bool {
    guard let listing = opendir(relative.isEmpty ? folder.path : location(of: relative)) else { return false }
    defer { closedir(listing) }
    while let entry = readdir(listing) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      if name == "." || name == ".." { continue }
      if relative.isEmpty, name.hasPrefix("."), records[name] == nil,
        SiteWriter.fileType(location(of: name)) == S_IFREG
      {
        continue
      }
      let path = relative.isEmpty ? name : relative + "/" + name
      if folders.contains(path) {
        guard census(relative: path, folders: folders, fileCount: &fileCount) else { return false }
        continue
      }
      guard let record = records[path], isIntact(record) else { return false }
      fileCount += 1
    }
    return true
  }
}
