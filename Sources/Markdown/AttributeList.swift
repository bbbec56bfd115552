/// An attribute list (`{: #id .class key=value }`, Python-Markdown's `attr_list`), reduced to the
/// attributes that cannot run script or load from elsewhere.
///
/// Dropped: `on…` handlers, `style` values that mention `url(` or `expression(`, `href`/`src`
/// values whose scheme is not `http`, `https` or `mailto` (relative ones are kept), and names that
/// are not plain `[A-Za-z][A-Za-z0-9_:-]*`.
struct AttributeList: Equatable {
  var id: String?
  var classes: [String] = []
  var pairs: [(name: String, value: String)] = []

  static func == (lhs: AttributeList, rhs: AttributeList) -> Bool {
    lhs.id == rhs.id && lhs.classes == rhs.classes
      && lhs.pairs.map(\.name) == rhs.pairs.map(\.name) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
  }

  /// Parses `{…}` (with or without the colon); nil when `text` is not exactly one attribute list.
  static func parse(_ text: Substring) -> AttributeList? {
    let trimmed = text.trimmingWhitespace()
    guard trimmed.hasPrefix("{"), trimmed.hasSuffix("}"), trimmed.count >= 3 else { return nil }
    var body = trimmed.dropFirst().dropLast()
    if body.hasPrefix(":") { body = body.dropFirst() }
    guard body.first == " " || body.first == "#" || body.first == "." || trimmed.hasPrefix("{:") else { return nil }
    var list = AttributeList()
    var rest = body[...]
    while true {
      rest = rest.drop { $0 == " " || $0 == "\t" }
      guard let first = rest.first else { break }
      if first == "#" || first == "." {
        let word = rest.dropFirst().prefix { !$0.isWhitespace }
        guard !word.isEmpty else { return nil }
        if first == "#" { list.id = String(word) } else { list.classes.append(String(word)) }
        rest = rest.dropFirst(word.count + 1)
      } else {
        let name = rest.prefix { $0 != "=" && !$0.isWhitespace }
        rest = rest.dropFirst(name.count)
        guard rest.first == "=", !name.isEmpty else { return nil }
        rest = rest.dropFirst()
        let value: Substring
        if let quote = rest.first, quote == "\"" || quote == "'" {
          let inner = rest.dropFirst().prefix { $0 != quote }
          guard rest.dropFirst(inner.count + 1).first == quote else { return nil }
          value = inner
          rest = rest.dropFirst(inner.count + 2)
        } else {
          value = rest.prefix { !$0.isWhitespace }
          rest = rest.dropFirst(value.count)
        }
        list.add(name: String(name), value: String(value))
      }
    }
    return list
  }

  private mutating func add(name: String, value: String) {
    if name == "class" {
      classes += value.split(separator: " ").map(String.init)
    } else if name == "id" {
      id = value
    } else if Self.isSafe(name: name, value: value) {
      pairs.append((name.lowercased(), value))
    }
  }

  /// Whether an attribute may be written as given.
  static func isSafe(name: String, value: String) -> Bool {
    let lowered = name.lowercased()
    guard let first = lowered.unicodeScalars.first, ("a"..."z").contains(first),
      lowered.unicodeScalars.allSatisfy({
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_:".unicodeScalars.contains($0)
      })
    else { return false }
    if lowered.hasPrefix("on") || lowered.hasPrefix("xmlns") || ["srcdoc", "formaction"].contains(lowered) {
      return false
    }
    let squeezed = value.lowercased().filter { !$0.isWhitespace }
    if lowered == "style" { return !squeezed.contains("url(") && !squeezed.contains("expression(") }
    if ["href", "src", "action", "poster", "xlink:href", "background", "cite", "data"].contains(lowered) {
      return isSafeURL(squeezed)
    }
    return true
  }

  /// `http(s):`, `mailto:` and relative references (no scheme before the first `/`, `?` or `#`).
  static func isSafeURL(_ value: String) -> Bool {
    let head = value.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    guard let colon = head.firstIndex(of: ":") else { return true }
    return ["http", "https", "mailto"].contains(String(head[..<colon]))
  }

  /// The attributes as HTML, each preceded by a space; `includesID` false leaves the id out.
  func html(includesID: Bool = true) -> String {
    var result = ""
    if includesID, let id { result += " id=\"\(Self.escape(id))\"" }
    if !classes.isEmpty { result += " class=\"\(Self.escape(classes.joined(separator: " ")))\"" }
    for pair in pairs { result += " \(pair.name)=\"\(Self.escape(pair.value))\"" }
    return result
  }

  static func escape(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

extension Substring {
  func trimmingWhitespace() -> Substring {
    var result = self
    while let first = result.first, first.isWhitespace { result = result.dropFirst() }
    while let last = result.last, last.isWhitespace { result = result.dropLast() }
    return result
  }
}
