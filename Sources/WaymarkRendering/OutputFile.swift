import WaymarkModel

/// One file of the built site: its path relative to the output folder and its bytes.
public struct OutputFile: Sendable, Hashable {
  /// The path relative to the output folder, with `/` separators.
  public var path: String
  /// The file's contents.
  public var bytes: [UInt8]
  /// The key of what a page was rendered from (its layouts, model and path), when the sink
  /// keys pages (`OutputSink.keysPages`): the build cache records it with the file.
  package var source: MemoKey?
  /// The key of what the page's model was built from, when the page has one (see `OutputRecord.inputs`).
  package var inputs: MemoKey?
  /// Whether the sink already holds this file from a previous build (`OutputSink.claim`):
  /// then `bytes` is empty and the sink uses its own copy.
  package var isClaimed = false

  /// Creates an output file.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// A page the sink claimed from a previous build (`OutputSink.claim`): no bytes of its own.
  package static func claimed(path: String, source: MemoKey?, inputs: MemoKey?) -> OutputFile {
    var file = OutputFile(path: path, bytes: [])
    file.source = source
    file.inputs = inputs
    file.isClaimed = true
    return file
  }

  /// Creates a text output file.
  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }
}
