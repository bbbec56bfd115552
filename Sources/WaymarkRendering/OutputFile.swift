/// One file of the built site: its path relative to the output folder and its bytes.
public struct OutputFile: Sendable, Hashable {
  /// The path relative to the output folder, with `/` separators.
  public var path: String
  /// The file's contents.
  public var bytes: [UInt8]

  /// Creates an output file.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// Creates a text output file.
  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }
}
