import StructuredData
import YAML

/// Where an entity's document was read.
public struct EntitySource: Sendable, Hashable {
  /// The file, relative to the site root.
  public var path: String
  /// The 1-based line where the document starts.
  public var line: Int
  /// Where each field of the document is written.
  public var sourceMap: YAMLSourceMap
  /// For a file `waymark fetch` fetched (`path` is its URL), the SHA-256 `waymark.lock` records.
  public var fetchedSHA256: String?

  /// Creates a source.
  public init(path: String, line: Int, sourceMap: YAMLSourceMap, fetchedSHA256: String? = nil) {
    self.path = path
    self.line = line
    self.sourceMap = sourceMap
    self.fetchedSHA256 = fetchedSHA256
  }

  /// The location of the field at `path` (or its nearest written ancestor).
  public func location(of field: ValuePath) -> SourceLocation {
    SourceLocation(path: path, position: sourceMap.position(of: field) ?? SourcePosition(line: line, column: 1))
  }
}
