/// The options of a fenced code block's info string (```` ```python linenums="1" hl_lines="2 3" title="a.py" ````).
struct FenceOptions: Equatable {
  var language = ""
  var title: String?
  /// The number of the first line when line numbers are shown.
  var firstLineNumber: Int?
  var highlightedLines: Set<Int> = []

  static func parse(_ info: String) -> FenceOptions {
    var options = FenceOptions()
    var text = Substring(info).trimmingWhitespace()
    if text.hasPrefix("{"), text.hasSuffix("}") { text = text.dropFirst().dropLast().trimmingWhitespace() }
    while let first = text.first {
      let word = text.prefix { $0 != " " && $0 != "=" }
      text = text.dropFirst(word.count)
      if text.first == "=" {
        text = text.dropFirst()
        let value: Substring
        if let quote = text.first, quote == "\"" || quote == "'" {
          value = text.dropFirst().prefix { $0 != quote }
          text = text.dropFirst(value.count + 2)
        } else {
          value = text.prefix { $0 != " " }
          text = text.dropFirst(value.count)
        }
        options.set(String(word), String(value))
      } else if options.language.isEmpty, first != "=" {
        options.language = String(word.hasPrefix(".") ? word.dropFirst() : word)
      }
      text = text.drop { $0 == " " }
    }
    return options
  }

  private mutating func set(_ name: String, _ value: String) {
    switch name {
    case "title": title = value
    case "linenums": firstLineNumber = Int(value.split(separator: " ").first ?? "").map { max($0, 1) }
    case "hl_lines":
      for part in value.split(separator: " ") {
        let bounds = part.split(separator: "-").compactMap { Int($0) }
        if bounds.count == 2, bounds[0] <= bounds[1], bounds[1] - bounds[0] < 10_000 {
          highlightedLines.formUnion(bounds[0]...bounds[1])
        } else if bounds.count == 1 {
          highlightedLines.insert(bounds[0])
        }
      }
    default: break
    }
  }
}

/// Writes a fenced code block as Material does: `<div class="language-x highlight">`, an optional
/// `<span class="filename">` title, line numbers (`data-linenos`, shown by CSS so copying the code
/// leaves them out) and highlighted lines (`<span class="hll">`). Mermaid fences become
/// `<pre class="mermaid">`, for a client-side renderer the site's layouts may provide.
struct CodeBlockRenderer {
  let highlightsCode: Bool

  func html(_ code: String, options: FenceOptions) -> String {
    let language = options.language.lowercased()
    if language == "mermaid" {
      return "<pre class=\"mermaid\"><code>\(CodeBlockHighlighting.escaped(code))</code></pre>"
    }
    let languageClass = AttributeList.escape(language.isEmpty ? "text" : language)
    var html = "<div class=\"language-\(languageClass) highlight\">"
    if let title = options.title { html += "<span class=\"filename\">\(AttributeList.escape(title))</span>" }
    html += "<pre><span></span><code>"
    if options.firstLineNumber == nil, options.highlightedLines.isEmpty {
      html += highlighted(code, language: language)
    } else {
      html += numberedLines(code, language: language, options: options)
    }
    return html + "</code></pre></div>"
  }

  private func highlighted(_ code: String, language: String) -> String {
    (highlightsCode ? CodeHighlighter().highlight(code, language: language) : nil)
      ?? CodeBlockHighlighting.escaped(code)
  }

  /// Each line on its own, so a line can carry its number and highlight.
  private func numberedLines(_ code: String, language: String, options: FenceOptions) -> String {
    var lines = code.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    var html = ""
    for (offset, line) in lines.enumerated() {
      let number = offset + 1
      if let first = options.firstLineNumber {
        html += "<span class=\"linenos\" data-linenos=\"\(first + offset) \"></span>"
      }
      let body = highlighted(String(line), language: language)
      html += options.highlightedLines.contains(number) ? "<span class=\"hll\">\(body)\n</span>" : body + "\n"
    }
    return html
  }
}
