/// The first line of an admonition (`!!! note "Title"`) or a collapsible block (`??? tip`,
/// `???+ warning "Title"`), as Python-Markdown's `admonition` and pymdownx's `details` read it.
struct AdmonitionHeader: Equatable {
  enum Kind: Equatable {
    case admonition
    case details(open: Bool)
  }

  var kind: Kind
  /// The type and any further classes (`note`, `tip inline end`).
  var classes: [String]
  /// The quoted title; nil when none was written (`""` hides the title of an admonition).
  var title: String?

  /// The title shown when none is written: the type, capitalised.
  var defaultTitle: String {
    guard let first = classes.first else { return "" }
    return first.prefix(1).uppercased() + first.dropFirst().lowercased()
  }

  static func parse(_ content: Substring) -> AdmonitionHeader? {
    let kind: Kind
    var rest: Substring
    if content.hasPrefix("!!!") {
      kind = .admonition
      rest = content.dropFirst(3)
    } else if content.hasPrefix("???+") {
      kind = .details(open: true)
      rest = content.dropFirst(4)
    } else if content.hasPrefix("???") {
      kind = .details(open: false)
      rest = content.dropFirst(3)
    } else {
      return nil
    }
    guard rest.isEmpty || rest.first == " " else { return nil }
    rest = rest.trimmingWhitespace()
    var classes: [String] = []
    while let first = rest.first, first != "\"" {
      let word = rest.prefix { $0 != " " }
      guard word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
      classes.append(String(word))
      rest = rest.dropFirst(word.count).drop { $0 == " " }
    }
    var title: String?
    if rest.first == "\"" {
      guard rest.count >= 2, rest.last == "\"" else { return nil }
      title = String(rest.dropFirst().dropLast())
    }
    if kind == .admonition, classes.isEmpty { return nil }
    if classes.isEmpty, title == nil { return nil }
    return AdmonitionHeader(kind: kind, classes: classes, title: title)
  }
}

/// The first line of a content tab (`=== "Label"`, `===+` selects it, `===!` starts a new set).
struct TabHeader: Equatable {
  var label: String
  var selected: Bool
  var startsNewSet: Bool

  static func parse(_ content: Substring) -> TabHeader? {
    guard content.hasPrefix("===") else { return nil }
    var rest = content.dropFirst(3)
    var selected = false
    var startsNewSet = false
    while let flag = rest.first, flag == "+" || flag == "!" {
      if flag == "+" { selected = true } else { startsNewSet = true }
      rest = rest.dropFirst()
    }
    rest = rest.trimmingWhitespace()
    guard rest.count >= 2, rest.first == "\"", rest.last == "\"" else { return nil }
    return TabHeader(label: String(rest.dropFirst().dropLast()), selected: selected, startsNewSet: startsNewSet)
  }
}
