import StructuredData

/// Reads YAML text into position-carrying node trees, on libyaml's event API.
///
/// The loader never throws and never traps on input: every problem (syntax, nesting too deep,
/// alias expansion too large, unknown tag, duplicate key) becomes a located `YAMLProblem`.
public struct YAMLLoader: Sendable {
  /// Bounds that keep hostile input from exhausting time or memory.
  public struct Limits: Sendable, Hashable {
    /// The deepest nesting of sequences and mappings accepted.
    public var maximumDepth: Int
    /// The most nodes a document may expand to once aliases are followed ("billion laughs").
    public var maximumExpandedNodes: Int

    /// Creates limits.
    public init(maximumDepth: Int = 512, maximumExpandedNodes: Int = 1_000_000) {
      self.maximumDepth = maximumDepth
      self.maximumExpandedNodes = maximumExpandedNodes
    }
  }

  /// The bounds in force.
  public var limits: Limits

  /// Creates a loader.
  public init(limits: Limits = Limits()) {
    self.limits = limits
  }

  /// Reads every document of `text`.
  public func load(_ text: String) -> YAMLStream {
    load(bytes: Array(text.utf8))
  }

  /// Reads every document of the UTF-8 (or UTF-16 with a BOM) `bytes`.
  public func load(bytes: [UInt8]) -> YAMLStream {
    if let nul = bytes.firstIndex(of: 0) {
      // libyaml stops silently at a NUL; say where it is instead of returning a truncated tree.
      return YAMLStream(
        documents: [],
        problems: [
          YAMLProblem(
            code: "yaml.syntax", message: "the file contains a NUL byte, which YAML does not allow",
            position: Self.position(ofOffset: nul, in: bytes))
        ])
    }
    var builder = YAMLTreeBuilder(limits: limits)
    return builder.build(bytes: bytes)
  }

  /// The 1-based position of a byte offset, counting columns in Unicode scalars.
  static func position(ofOffset offset: Int, in bytes: [UInt8]) -> SourcePosition {
    var line = 1
    var column = 1
    var index = 0
    while index < offset && index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return SourcePosition(line: line, column: column)
  }
}
