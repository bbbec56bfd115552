import StructuredData

/// A scalar's text and how it was written.
public struct YAMLScalar: Sendable, Hashable {
  /// The scalar's text after YAML's folding and escapes.
  public var text: String
  /// How the scalar was written; only plain scalars are resolved to non-strings.
  public var style: YAMLScalarStyle

  /// Creates a scalar.
  public init(text: String, style: YAMLScalarStyle) {
    self.text = text
    self.style = style
  }
}

/// How a scalar was written in the source.
public enum YAMLScalarStyle: String, Sendable, Hashable {
  case plain, singleQuoted, doubleQuoted, literal, folded
}
