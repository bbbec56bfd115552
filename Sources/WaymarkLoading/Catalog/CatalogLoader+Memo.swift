import Foundation
import WaymarkModel

extension CatalogLoader {
  /// The key of a catalog file read from the site: its path and bytes.
  package static func memoKey(path: String, bytes: [UInt8]) -> MemoKey {
    var hasher = MemoHasher("catalog-file")
    hasher.add(path)
    hasher.add(bytes)
    return hasher.finish()
  }

  /// The file's result as an earlier build parsed the same bytes at the same path, if stored.
  static func memoized(_ file: SourceFile, in memo: CacheTable?) -> FileResult? {
    guard let memo, var reader = memo.reader(for: memoKey(path: file.path, bytes: file.bytes)) else { return nil }
    do {
      let hasFile = try reader.bool()
      var result = FileResult(path: file.path, file: hasFile ? file : nil)
      result.documents = try reader.array(of: CatalogDocument.self)
      result.diagnostics = try reader.array(of: Diagnostic.self)
      guard reader.isAtEnd else { return nil }
      result.memoEntry = memo.entry(memoKey(path: file.path, bytes: file.bytes)).map {
        (memoKey(path: file.path, bytes: file.bytes), Array($0))
      }
      return result
    } catch {
      return nil
    }
  }

  /// The entry to store for `result`, parsed from `file`: only a result that read nothing but
  /// the file (no placeholder in any document, no URL), which its bytes alone decide.
  static func memoEntry(for result: FileResult, file: SourceFile, hadPlaceholders: Bool) -> (MemoKey, [UInt8])? {
    guard !hadPlaceholders, result.substitutedFiles.isEmpty, result.requests.isEmpty, !LocationResolver.isURL(file.path)
    else { return nil }
    var writer = CacheRecordWriter()
    writer.add(result.file != nil)
    writer.add(result.documents)
    writer.add(result.diagnostics)
    return (memoKey(path: file.path, bytes: file.bytes), writer.bytes)
  }
}

extension CatalogDocument: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) {
    writer.add(path)
    writer.add(index)
    writer.add(line)
    writer.add(value)
    writer.add(sourceMap)
    writer.add(substitutedPaths)
  }

  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    self.init(
      path: try reader.string(), index: try reader.int(), line: try reader.int(), value: try reader.value(),
      sourceMap: try reader.value(), substitutedPaths: try reader.array(of: String.self))
  }
}
