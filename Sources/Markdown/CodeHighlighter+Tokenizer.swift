extension CodeHighlighter {
  /// One pass over the code's bytes, writing escaped HTML with spans.
  struct Tokenizer {
    let bytes: [UInt8]
    let grammar: Grammar
    private var index = 0
    private var out: [UInt8] = []

    init(bytes: [UInt8], grammar: Grammar) {
      self.bytes = bytes
      self.grammar = grammar
    }

    mutating func run() -> String {
      out.reserveCapacity(bytes.count + bytes.count / 2)
      while index < bytes.count {
        let byte = bytes[index]
        if let length = commentLength(at: index) {
          emit("hl-c", index..<index + length)
        } else if grammar.quotes.contains(byte) {
          let end = stringEnd(from: index)
          emit(isJSONKey(after: end) ? "hl-a" : "hl-s", index..<end)
        } else if Self.isDigit(byte) {
          var end = index + 1
          while end < bytes.count, Self.isIdentifier(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
          emit("hl-n", index..<end)
        } else if grammar.dollarVariables, byte == UInt8(ascii: "$"), index + 1 < bytes.count {
          emit("hl-a", index..<variableEnd(from: index))
        } else if Self.isIdentifierStart(byte) {
          word(from: index)
        } else {
          escape(index..<index + 1)
          index += 1
        }
      }
      return String(decoding: out, as: UTF8.self)
    }

    /// An identifier, keyword, literal or YAML key starting at `start`.
    private mutating func word(from start: Int) {
      var end = start + 1
      let yaml = grammar.keyStyle == .yaml
      while end < bytes.count,
        Self.isIdentifier(bytes[end])
          || (yaml && [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/")].contains(bytes[end]))
      {
        end += 1
      }
      let text = String(decoding: bytes[start..<end], as: UTF8.self)
      if yaml, isYAMLKey(start: start, end: end) {
        emit("hl-a", start..<end)
      } else if grammar.literals.contains(text) {
        emit("hl-v", start..<end)
      } else if grammar.keywords.contains(text)
        || (grammar.caseInsensitive && grammar.keywords.contains(text.uppercased()))
      {
        emit("hl-k", start..<end)
      } else {
        escape(start..<end)
        index = end
      }
    }

    /// The length of a comment starting at `start`, or nil.
    private func commentLength(at start: Int) -> Int? {
      for marker in grammar.lineComments where matches(marker, at: start) {
        // `#` starts a comment in YAML and shell only at a line start or after a space (`a#b`, `$#`).
        if marker == "#", grammar.keyStyle == .yaml || grammar.dollarVariables, start > 0,
          ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n")].contains(bytes[start - 1])
        {
          continue
        }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return end - start
      }
      if let block = grammar.blockComment, matches(block.open, at: start) {
        var end = start + block.open.utf8.count
        while end < bytes.count, !matches(block.close, at: end) { end += 1 }
        return min(bytes.count, end + block.close.utf8.count) - start
      }
      return nil
    }

    /// Just past the string opened at `start`: its closing quote, else the end of the line.
    private func stringEnd(from start: Int) -> Int {
      let quote = bytes[start]
      let multiline = quote == UInt8(ascii: "`")
      let escapes = grammar.backslashEscapes
      var end = start + 1
      while end < bytes.count {
        let byte = bytes[end]
        if escapes, byte == UInt8(ascii: "\\") {
          end += 2
          continue
        }
        if byte == quote { return end + 1 }
        if byte == UInt8(ascii: "\n"), !multiline { return end }
        end += 1
      }
      return bytes.count
    }

    /// `$NAME`, `${…}`, `$1`: the end of a shell variable starting at `start`.
    private func variableEnd(from start: Int) -> Int {
      var end = start + 1
      if bytes[end] == UInt8(ascii: "{") {
        while end < bytes.count, bytes[end] != UInt8(ascii: "}"), bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return min(bytes.count, end + 1)
      }
      while end < bytes.count, Self.isIdentifier(bytes[end]) { end += 1 }
      return max(end, start + 1)
    }

    /// JSON: whether the string ending at `end` is an object key (followed by `:`).
    private func isJSONKey(after end: Int) -> Bool {
      guard grammar.keyStyle == .json else { return false }
      var next = end
      while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
      return next < bytes.count && bytes[next] == UInt8(ascii: ":")
    }

    /// YAML: a word is a key when only indentation or `- ` precede it on its line and `:`
    /// (then a space or the line's end) follows.
    private func isYAMLKey(start: Int, end: Int) -> Bool {
      guard end < bytes.count, bytes[end] == UInt8(ascii: ":") else { return false }
      guard end + 1 >= bytes.count || [UInt8(ascii: " "), UInt8(ascii: "\n")].contains(bytes[end + 1]) else {
        return false
      }
      var before = start
      while before > 0, bytes[before - 1] != UInt8(ascii: "\n") {
        before -= 1
        guard [UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(bytes[before])
        else {
          return false
        }
      }
      return true
    }

    private func matches(_ marker: String, at start: Int) -> Bool {
      var position = start
      for byte in marker.utf8 {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
      }
      return true
    }

    private mutating func emit(_ className: String, _ range: Range<Int>) {
      out += Array("<span class=\"\(className)\">".utf8)
      escape(range)
      out += Array("</span>".utf8)
      index = range.upperBound
    }

    /// Escapes as cmark-gfm does in text: `&`, `<`, `>`, `"`.
    private mutating func escape(_ range: Range<Int>) {
      for byte in bytes[range] {
        switch byte {
        case UInt8(ascii: "&"): out += Array("&amp;".utf8)
        case UInt8(ascii: "<"): out += Array("&lt;".utf8)
        case UInt8(ascii: ">"): out += Array("&gt;".utf8)
        case UInt8(ascii: "\""): out += Array("&quot;".utf8)
        default: out.append(byte)
        }
      }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
      (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || byte == UInt8(ascii: "_")
    }

    static func isIdentifier(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }
  }
}
