/// What the build cache remembers of one published file: what made it, its bytes' digest, and
/// which file on disk it is, so a later build can link it into its new site instead of
/// rendering or writing it again, once it has checked the file is still the one recorded.
public struct OutputRecord: Sendable, Hashable, CacheRecordCodable {
  /// The path relative to the output folder.
  public var path: String
  /// The key of what the file was rendered from (a page's layouts, model and path); nil for
  /// files known only by their bytes.
  public var source: MemoKey?
  /// The key of what a page's model was built from (`SiteRenderer.Page.inputsKey`), when known:
  /// a page whose inputs are unchanged is taken without building its model.
  public var inputs: MemoKey?
  /// The SHA-256 of the file's bytes.
  public var digest: MemoKey
  /// The file's size in bytes.
  public var size: Int
  /// The file's device and inode numbers and its modification time (nanoseconds since 1970)
  /// when it was published: a file replaced or written since no longer matches.
  public var device: UInt64
  public var inode: UInt64
  public var modified: Int64
  /// Whether scanning the file for credentials found nothing at all (`RenderedSecretScan`):
  /// only such files are linked again unscanned; the others are always rendered and scanned.
  public var isClean: Bool

  /// Creates a record.
  public init(
    path: String, source: MemoKey?, inputs: MemoKey? = nil, digest: MemoKey, size: Int, device: UInt64,
    inode: UInt64, modified: Int64, isClean: Bool
  ) {
    self.path = path
    self.source = source
    self.inputs = inputs
    self.digest = digest
    self.size = size
    self.device = device
    self.inode = inode
    self.modified = modified
    self.isClean = isClean
  }

  /// The key the record is stored under: its path's.
  public static func key(path: String) -> MemoKey {
    var hasher = MemoHasher("output-path")
    hasher.add(path)
    return hasher.finish()
  }

  public func write(to writer: inout CacheRecordWriter) {
    writer.add(path)
    writer.add(source)
    writer.add(inputs)
    writer.add(digest)
    writer.add(size)
    writer.add(device)
    writer.add(inode)
    writer.add(Int(modified))
    writer.add(isClean)
  }

  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    self.init(
      path: try reader.string(), source: try reader.optional(MemoKey.self), inputs: try reader.optional(MemoKey.self),
      digest: try reader.key(),
      size: try reader.int(), device: try reader.uint(), inode: try reader.uint(), modified: Int64(try reader.int()),
      isClean: try reader.bool())
  }
}
