import Foundation
import WaymarkLoading
import WaymarkModel
import WaymarkRendering

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension StagedSite {
  /// Puts the previous output's file of `record` at its path in the staging folder as a hard
  /// link (no bytes copied or written); false when it cannot (the file is gone, another file
  /// system), and the caller writes the file instead.
  ///
  /// The linked file is shared with the previous output until the swap, so nothing may ever
  /// write into a staged file in place: `write` replaces a file rather than truncating it.
  public func link(_ record: OutputRecord, from previous: PreviousOutput) -> Bool {
    guard let relative = RootPath.normalized(record.path), relative == record.path else { return false }
    let source = previous.location(of: relative)
    let target = folder.path + "/" + relative
    // A staging folder that was the spare may hold this very file (a link to it) already.
    var info = stat()
    if lstat(target, &info) == 0, UInt64(info.st_dev) == record.device, UInt64(info.st_ino) == record.inode {
      return true
    }
    for attempt in 0..<3 {
      if systemLink(source, target) == 0 { return true }
      switch errno {
      case ENOENT where attempt == 0:
        guard (try? makeParents(of: relative)) != nil else { return false }
      case EEXIST:
        guard clear(target, relative: relative) else { return false }
      default: return false
      }
    }
    return false
  }

  /// Writes `bytes` as a new file at `path` in the staging folder, making its folders, and
  /// returns what the cache records of it.
  public func writeRecorded(
    _ bytes: [UInt8], at path: String, source: MemoKey?, inputs: MemoKey? = nil, digest: MemoKey, isClean: Bool
  ) throws(SiteWriter.Failure) -> OutputRecord {
    guard let relative = RootPath.normalized(path) else {
      throw SiteWriter.Failure(description: "refusing to write outside the output folder: \(path)")
    }
    let target = folder.path + "/" + relative
    var info = writeNewFile(bytes, atPath: target, relative: relative)
    if info == nil, errno == ENOENT {
      try makeParents(of: relative)
      info = writeNewFile(bytes, atPath: target, relative: relative)
    }
    guard let info else { throw SiteWriter.Failure(description: SiteWriter.errnoText("write", target)) }
    return OutputRecord(
      path: path, source: source, inputs: inputs, digest: digest, size: Int(info.st_size), device: UInt64(info.st_dev),
      inode: UInt64(info.st_ino), modified: PreviousOutput.modified(info), isClean: isClean)
  }

  /// Creates every folder above `relative` in the staging folder that does not exist yet.
  func makeParents(of relative: String) throws(SiteWriter.Failure) {
    var path = folder.path
    var partial = ""
    for part in relative.split(separator: "/").dropLast() {
      path += "/" + part
      partial += (partial.isEmpty ? "" : "/") + part
      try makeFolder(path, relative: partial)
    }
  }

  /// Writes `bytes` to a new file at `path` (`relative`, mode 0644), replacing (never
  /// truncating) any file already there, since a staged file may be a link to the previous
  /// output's; its `stat` once written, or nil (with `errno` set).
  func writeNewFile(_ bytes: [UInt8], atPath path: String, relative: String) -> stat? {
    var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
    if descriptor < 0, errno == EEXIST, clear(path, relative: relative) {
      descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
    }
    guard descriptor >= 0 else { return nil }
    let written = bytes.withUnsafeBytes { buffer -> Bool in
      guard let base = buffer.baseAddress else { return true }
      var offset = 0
      while offset < buffer.count {
        let count = systemWrite(descriptor, base + offset, buffer.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += count
      }
      return true
    }
    var info = stat()
    let described = fstat(descriptor, &info) == 0
    let code = errno
    guard close(descriptor) == 0, written, described else {
      errno = code
      return nil
    }
    return info
  }
}

private func systemLink(_ source: String, _ target: String) -> Int32 { link(source, target) }

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}

extension StagedSite {
  /// The file of `record` as staged (a page linked from the previous output), read back for a
  /// caller that keeps the site's files in memory.
  public func read(_ record: OutputRecord) throws(SiteWriter.Failure) -> OutputFile {
    let path = folder.path + "/" + record.path
    guard let bytes = SiteWriter.readRegularFile(atPath: path) else {
      throw SiteWriter.Failure(description: "cannot read \(path)")
    }
    return OutputFile(path: record.path, bytes: bytes)
  }
}

extension StagedSite {
  /// Removes what the earlier site in a staging folder that was the spare held and the new one
  /// does not (`paths`, relative to it): its files, then its folders left empty.
  public func keepOnly(_ paths: Set<String>) {
    guard let earlier else { return }
    for file in earlier.files where !paths.contains(file) {
      let path = folder.path + "/" + file
      if SiteWriter.fileType(path) != S_IFDIR { unlink(path) }
    }
    // Only a folder that holds no kept path can be left empty: the rest are not tried.
    var kept: Set<Substring> = []
    for path in paths {
      var parent = Substring(path)
      while let slash = parent.lastIndex(of: "/") {
        parent = parent[..<slash]
        guard kept.insert(parent).inserted else { break }
      }
    }
    let emptied = earlier.folders.filter { !kept.contains(Substring($0)) }
    for relative in emptied.sorted(by: { $0.utf8.count > $1.utf8.count }) { rmdir(folder.path + "/" + relative) }
  }

  /// The files and folders under `folder` (relative to it), never following a link.
  static func listing(of folder: String) -> EarlierSite {
    var listing = EarlierSite(files: [], folders: [])
    var pending = [""]
    while let relative = pending.popLast() {
      let path = relative.isEmpty ? folder : folder + "/" + relative
      guard let directory = opendir(path) else { continue }
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        guard name != ".", name != ".." else { continue }
        let child = relative.isEmpty ? name : relative + "/" + name
        let type = entry.pointee.d_type
        let isFolder =
          type == UInt8(DT_DIR) || (type == UInt8(DT_UNKNOWN) && SiteWriter.fileType(folder + "/" + child) == S_IFDIR)
        if isFolder {
          listing.folders.insert(child)
          pending.append(child)
        } else {
          listing.files.insert(child)
        }
      }
      closedir(directory)
    }
    return listing
  }
}
