/// A layout compiled for `LayoutProgramRenderer`: the tokens swift-mustache parses the same
/// text into, for the tags the built-in layouts use (variables, sections, comments, partials).
package struct LayoutProgram: Sendable {
  /// One token.
  package indirect enum Node: Sendable {
    /// Text, output as it is.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(Name, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(Name, [Node])
    /// `{{^name}}…{{/name}}`.
    case invertedSection(Name, [Node])
    /// `{{> name}}`; a standalone one carries its line's indentation.
    case partial(String, indentation: [UInt8]?)
  }

  /// A tag's name as Mustache looks it up: `.`, `a`, `a.b`, or `.a` (the innermost object only).
  package struct Name: Sendable {
    /// The dot-separated parts; empty for `.`.
    package var parts: [String]
    /// Whether the lookup starts at the innermost object rather than climbing the stack.
    package var fromInnermost: Bool

    /// The name as written in a tag.
    package init(_ text: String) {
      parts = text == "." ? [] : text.split(separator: ".").map(String.init)
      fromInnermost = text.first == "."
    }
  }

  /// The tokens, in order.
  package var nodes: [Node]
}

extension LayoutProgram {
  /// The partials its tags name, inside sections too, in order.
  package var partialNames: [String] { Self.partialNames(in: nodes) }

  private static func partialNames(in nodes: [Node]) -> [String] {
    nodes.flatMap { node -> [String] in
      switch node {
      case .partial(let name, _): return [name]
      case .section(_, let children), .invertedSection(_, let children): return partialNames(in: children)
      case .text, .variable: return []
      }
    }
  }
}
