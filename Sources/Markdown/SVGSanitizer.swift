/// Reduces an SVG document (a diagram tool's output) to drawing elements that cannot run script or
/// load from elsewhere, for inlining into a page.
///
/// Kept: the `<svg>` element and below, drawing and text elements, gradients, markers, titles.
/// Dropped with their content: `script`, `foreignObject`, `style`, and every element not on the
/// list; dropped attributes: `on…`, `href`/`xlink:href` other than `#fragment`, `style` with `url(`
/// or `expression(`, any value mentioning `javascript:`. Comments, the XML declaration and the
/// doctype go. One linear scan.
enum SVGSanitizer {
  static let elements: Set<String> = [
    "svg", "g", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line", "text", "tspan", "title", "desc",
    "defs", "lineargradient", "radialgradient", "stop", "marker", "clippath", "symbol", "use", "a",
  ]

  static func sanitize(_ svg: String) -> String {
    let scalars = Array(svg.unicodeScalars)
    var out = String.UnicodeScalarView()
    var index = 0
    var skipping: (name: String, depth: Int)?
    var started = false
    while index < scalars.count {
      guard scalars[index] == "<" else {
        if started, skipping == nil { out.append(scalars[index]) }
        index += 1
        continue
      }
      guard let tag = Tag.read(scalars, at: index) else {
        if started, skipping == nil { out.append(contentsOf: "&lt;".unicodeScalars) }
        index += 1
        continue
      }
      index = tag.end
      guard tag.kind == .open || tag.kind == .close else { continue }
      if !started {
        guard tag.name == "svg", tag.kind == .open else { continue }
        started = true
      }
      if var skip = skipping {
        if tag.name == skip.name {
          if tag.kind == .open, !tag.selfClosing { skip.depth += 1 } else if tag.kind == .close { skip.depth -= 1 }
          skipping = skip.depth < 0 ? nil : skip
        }
        continue
      }
      guard elements.contains(tag.name) else {
        if tag.kind == .open, !tag.selfClosing { skipping = (tag.name, 0) }
        continue
      }
      out.append(contentsOf: tag.html.unicodeScalars)
    }
    return String(out)
  }

  /// One tag of the document.
  struct Tag {
    enum Kind { case open, close, other }
    var kind: Kind
    var name: String
    var selfClosing = false
    var html = ""
    var end: Int

    /// Reads the tag starting at `start` (`<`); nil when it is not one.
    static func read(_ s: [Unicode.Scalar], at start: Int) -> Tag? {
      var index = start + 1
      guard index < s.count else { return nil }
      if s[index] == "!" || s[index] == "?" {
        let closer: [Unicode.Scalar] = s[index...].starts(with: "!--".unicodeScalars) ? ["-", "-", ">"] : [">"]
        while index < s.count, !s[index...].starts(with: closer) { index += 1 }
        return Tag(kind: .other, name: "", end: min(index + closer.count, s.count))
      }
      let closing = s[index] == "/"
      if closing { index += 1 }
      let nameStart = index
      while index < s.count, s[index].properties.isAlphabetic || s[index] == ":" || ("0"..."9").contains(s[index]) {
        index += 1
      }
      guard index > nameStart else { return nil }
      let name = String(String.UnicodeScalarView(s[nameStart..<index])).lowercased()
      var tag = Tag(kind: closing ? .close : .open, name: name, end: index)
      var attributes = ""
      while index < s.count, s[index] != ">" {
        if s[index] == "/" {
          tag.selfClosing = true
          index += 1
          continue
        }
        if s[index].properties.isWhitespace {
          index += 1
          continue
        }
        let attributeStart = index
        while index < s.count, !s[index].properties.isWhitespace, s[index] != "=", s[index] != ">", s[index] != "/" {
          index += 1
        }
        let attribute = String(String.UnicodeScalarView(s[attributeStart..<index]))
        var value = ""
        if index < s.count, s[index] == "=" {
          index += 1
          guard index < s.count else { break }
          let quote = s[index]
          if quote == "\"" || quote == "'" {
            index += 1
            let valueStart = index
            while index < s.count, s[index] != quote { index += 1 }
            value = String(String.UnicodeScalarView(s[valueStart..<min(index, s.count)]))
            index += 1
          } else {
            let valueStart = index
            while index < s.count, !s[index].properties.isWhitespace, s[index] != ">" { index += 1 }
            value = String(String.UnicodeScalarView(s[valueStart..<index]))
          }
        }
        if !attribute.isEmpty, isSafe(attribute, value) {
          tag.selfClosing = false
          attributes += " \(attribute)=\"\(escape(value))\""
        }
      }
      guard index < s.count else { return nil }
      tag.end = index + 1
      tag.html = closing ? "</\(name)>" : "<\(name)\(attributes)\(tag.selfClosing ? " /" : "")>"
      return tag
    }

    static func isSafe(_ name: String, _ value: String) -> Bool {
      let lowered = name.lowercased()
      guard
        lowered.unicodeScalars.allSatisfy({
          $0.properties.isAlphabetic || "-:_".unicodeScalars.contains($0) || ("0"..."9").contains($0)
        })
      else { return false }
      let squeezed = value.lowercased().filter { !$0.isWhitespace }
      if lowered.hasPrefix("on") || squeezed.contains("javascript:") || squeezed.contains("data:") { return false }
      if lowered == "href" || lowered.hasSuffix(":href") || lowered == "src" { return value.hasPrefix("#") }
      if lowered == "style" { return !squeezed.contains("url(") && !squeezed.contains("expression(") }
      return true
    }

    /// Re-quotes a value: entities the tool wrote stay, quotes and angle brackets are escaped.
    static func escape(_ value: String) -> String {
      var result = ""
      for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": result += "&quot;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        default: result.unicodeScalars.append(scalar)
        }
      }
      return result
    }
  }
}
