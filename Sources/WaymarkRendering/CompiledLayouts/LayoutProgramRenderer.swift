import WaymarkModel

/// Renders `LayoutProgram`s over a `LayoutValue` into bytes, exactly as swift-mustache renders the
/// same layout over the same model: the same lookups up the context stack, the same section and
/// inverted-section rules, the same escaping and the same partial indentation.
///
/// A `{{variable}}` naming a list or an object, which swift-mustache prints as Swift's
/// description of a collection, is `Unrenderable`: the page is left to swift-mustache.
package struct LayoutProgramRenderer: Sendable {
  /// A value this renderer does not print the way swift-mustache would.
  package struct Unrenderable: Error {}

  /// The partials by name, as `{{> name}}` finds them.
  package let partials: [String: LayoutProgram]

  /// Creates a renderer whose `{{> name}}` tags find `partials`.
  package init(partials: [String: LayoutProgram]) {
    self.partials = partials
  }

  /// The bytes of `program` rendered over `value`.
  package func render(_ program: LayoutProgram, _ value: LayoutValue) throws(Unrenderable) -> [UInt8] {
    var run = Run(partials: partials, stack: [value])
    run.output.reserveCapacity(16 << 10)
    try run.render(program.nodes, indentation: nil)
    return run.output
  }

  private struct Run {
    let partials: [String: LayoutProgram]
    var stack: [LayoutValue]
    var output: [UInt8] = []

    /// Renders `nodes` as one template render: with a non-empty indentation, each token whose
    /// output starts a line (this render's output so far ends with a lone `\n`) is indented.
    mutating func render(_ nodes: [LayoutProgram.Node], indentation: [UInt8]?) throws(Unrenderable) {
      guard let indentation, !indentation.isEmpty else {
        for node in nodes { try render(node, indentation: indentation) }
        return
      }
      let start = output.count
      for node in nodes {
        let count = output.count
        let startsLine =
          count > start && output[count - 1] == 0x0A && !(count - 2 >= start && output[count - 2] == 0x0D)
        try render(node, indentation: indentation)
        if startsLine, output.count > count { output.insert(contentsOf: indentation, at: count) }
      }
    }

    mutating func render(_ node: LayoutProgram.Node, indentation: [UInt8]?) throws(Unrenderable) {
      switch node {
      case .text(let bytes):
        output.append(contentsOf: bytes)
      case .variable(let name, let escaped):
        guard let value = lookup(name) else { return }
        try print(value, escaped: escaped)
      case .section(let name, let children):
        guard let value = lookup(name) else { return }
        switch value {
        case .array(let elements):
          for element in elements { try render(children, indentation: indentation, in: element) }
        case .bool(let flag):
          if flag { try render(children, indentation: indentation) }
        default:
          try render(children, indentation: indentation, in: value)
        }
      case .invertedSection(let name, let children):
        switch lookup(name) {
        case nil: try render(children, indentation: indentation)
        case .array(let elements)?:
          if elements.isEmpty { try render(children, indentation: indentation, in: .array([])) }
        case .bool(let flag)?: if !flag { try render(children, indentation: indentation) }
        default: break
        }
      case .partial(let name, let indented):
        guard let partial = partials[name] else { return }
        try render(partial.nodes, indentation: indented.map { (indentation ?? []) + $0 } ?? indentation)
      }
    }

    /// Renders `nodes` with `value` pushed on the context stack.
    mutating func render(
      _ nodes: [LayoutProgram.Node], indentation: [UInt8]?, in value: LayoutValue
    ) throws(Unrenderable) {
      stack.append(value)
      try render(nodes, indentation: indentation)
      stack.removeLast()
    }

    /// The value `name` finds: its first part in the innermost object that has it (or only the
    /// innermost with a leading `.`), the other parts inside that.
    func lookup(_ name: LayoutProgram.Name) -> LayoutValue? {
      guard let first = name.parts.first else { return stack.last }
      var found: LayoutValue?
      var index = stack.count - 1
      while index >= 0 {
        if case .object(let members) = stack[index], let member = members[first] {
          found = member
          break
        }
        if name.fromInnermost { break }
        index -= 1
      }
      guard var value = found else { return nil }
      for part in name.parts.dropFirst() {
        guard case .object(let members) = value, let member = members[part] else { return nil }
        value = member
      }
      return value
    }

    /// Prints a scalar as `String(describing:)` does, escaped for HTML unless `escaped` is false.
    mutating func print(_ value: LayoutValue, escaped: Bool) throws(Unrenderable) {
      switch value {
      case .string(let text):
        if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
      case .int(let number): output.append(contentsOf: String(number).utf8)
      case .double(let number): output.append(contentsOf: number.description.utf8)
      case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
      case .array, .object: throw Unrenderable()
      }
    }
  }
}
