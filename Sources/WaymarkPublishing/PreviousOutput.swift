import Foundation
import WaymarkLoading
import WaymarkModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The output folder as the build cache recorded it when it was published: the files a build
/// may link into its staging folder instead of rendering or writing them again.
///
/// A record is used only while its file is still the one recorded (same device, inode, size
/// and modification time, checked with `lstat`, never through a link): a file written,
/// replaced or removed since is rendered and written afresh.
public struct PreviousOutput: Sendable {
  /// The output folder.
  public let folder: URL
  /// The records by path.
  public let records: [String: OutputRecord]
  /// The paths of the records by their inputs' key (`OutputRecord.inputs`), each list sorted.
  public let pathsByInputs: [MemoKey: [String]]

  /// The records of `folder`.
  public init(folder: URL, records: [String: OutputRecord]) {
    self.folder = folder.standardizedFileURL
    self.records = records
    var paths: [MemoKey: [String]] = [:]
    for (path, record) in records {
      if let inputs = record.inputs { paths[inputs, default: []].append(path) }
    }
    pathsByInputs = paths.mapValues { $0.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
  }

  /// No previous output.
  public static func none(_ folder: URL) -> PreviousOutput { PreviousOutput(folder: folder, records: [:]) }

  /// The record of the file at `path` rendered from `source` (its model's key or its inputs'),
  /// when it is still on disk as recorded.
  public func reusable(path: String, source: MemoKey) -> OutputRecord? {
    guard let record = records[path], record.source == source || record.inputs == source, record.isClean,
      isIntact(record)
    else { return nil }
    return record
  }

  /// The records of every file made as the group keyed `inputs`, when each is still on disk as
  /// recorded; nil when there is none or one is not.
  public func reusableGroup(inputs: MemoKey) -> [OutputRecord]? {
    guard let paths = pathsByInputs[inputs], !paths.isEmpty else { return nil }
    var found: [OutputRecord] = []
    found.reserveCapacity(paths.count)
    for path in paths {
      guard let record = reusable(path: path, source: inputs) else { return nil }
      found.append(record)
    }
    return found
  }

  /// The record of the file at `path` whose bytes have `digest`, when it is still on disk as recorded.
  public func reusable(path: String, digest: MemoKey) -> OutputRecord? {
    guard let record = records[path], record.digest == digest, record.isClean, isIntact(record) else { return nil }
    return record
  }

  /// The absolute path of `path` in the output folder.
  public func location(of path: String) -> String {
    folder.path + "/" + path
  }

  /// Whether the file `record` names is still the one recorded.
  public func isIntact(_ record: OutputRecord) -> Bool {
    guard RootPath.normalized(record.path) == record.path else { return false }
    var info = stat()
    guard lstat(location(of: record.path), &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
    return Self.matches(record, info)
  }

  /// Whether `info` is the `stat` of the file `record` names, as recorded.
  static func matches(_ record: OutputRecord, _ info: stat) -> Bool {
    UInt64(info.st_dev) == record.device && UInt64(info.st_ino) == record.inode
      && Int(info.st_size) == record.size && modified(info) == record.modified
  }

  /// A file's modification time in nanoseconds since 1970.
  static func modified(_ info: stat) -> Int64 {
    #if canImport(Darwin)
      Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
    #else
      Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    #endif
  }
}
