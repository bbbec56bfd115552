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
    // The listing names every entry and its type; the records' `lstat`s run beside it, on every core.
    let listed = Task { [self, folders] in
      var fileCount = 0
      return census(relative: "", folders: folders, fileCount: &fileCount) ? fileCount : nil
    }
    let intact = await Array(records.values).concurrentlyInSlices(minimumSlice: 4096) { slice in
      slice.allSatisfy(isIntact)
    }
    return await listed.value == records.count && !intact.contains(false)
  }

  /// Lists the folder `relative` (root-relative, "" for the root) and everything below it,
  /// counting the files; false at the first entry that is neither a recorded file nor a folder
  /// holding one.
  private func census(relative: String, folders: Set<String>, fileCount: inout Int) -> Bool {
    guard let listing = opendir(relative.isEmpty ? folder.path : location(of: relative)) else { return false }
    defer { closedir(listing) }
    while let entry = readdir(listing) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      if name == "." || name == ".." { continue }
      let path = relative.isEmpty ? name : relative + "/" + name
      var type = entry.pointee.d_type
      if type == UInt8(DT_UNKNOWN) {
        switch SiteWriter.fileType(location(of: path)) {
        case S_IFDIR: type = UInt8(DT_DIR)
        case S_IFREG: type = UInt8(DT_REG)
        default: return false
        }
      }
      if relative.isEmpty, name.hasPrefix("."), records[name] == nil, type == UInt8(DT_REG) { continue }
      if type == UInt8(DT_DIR), folders.contains(path) {
        guard census(relative: path, folders: folders, fileCount: &fileCount) else { return false }
        continue
      }
      // Whether a recorded file is still the very file is `isIntact`'s to say.
      guard type == UInt8(DT_REG), records[path] != nil else { return false }
      fileCount += 1
    }
    return true
  }
}
