/// Reads the Mustache tags of a layout in order, each with its line and column, for the
/// layout key check (the renderer parses layouts with swift-mustache; this only locates names).
package struct LayoutTagScanner {
  /// One tag.
  package struct Tag: Sendable, Equatable {
    /// What the tag does.
    package enum Role: Sendable, Equatable {
      case variable, section, invertedSection, close, partial, parent, block, comment
    }

    package var role: Role
    package var name: String
    /// 1-based line and column of the tag's opening `{{`.
    package var line: Int
    package var column: Int
  }

  /// The tags of `text`, or nil when the layout changes the delimiters (`{{=<% %>=}}`), which
  /// this scanner does not follow.
  package static func tags(in text: String) -> [Tag]? {
    var tags: [Tag] = []
    let bytes = Array(text.utf8)
    var index = 0
    var line = 1
    var lineStart = 0
    while index + 1 < bytes.count {
      if bytes[index] == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
        index += 1
        continue
      }
      let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
      let triple = index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: "{")
      let bodyStart = index + (triple ? 3 : 2)
      guard let close = find(Array("}}".utf8), in: bytes, from: bodyStart) else { break }
      let body = String(decoding: bytes[bodyStart..<close], as: UTF8.self)
      if body.hasPrefix("=") { return nil }
      tags.append(tag(body, triple: triple, line: line, column: column))
      var end = close + 2
      if triple, end < bytes.count, bytes[end] == UInt8(ascii: "}") { end += 1 }
      for position in index..<end where bytes[position] == UInt8(ascii: "\n") {
        line += 1
        lineStart = position + 1
      }
      index = end
    }
    return tags
  }

  private static func tag(_ body: String, triple: Bool, line: Int, column: Int) -> Tag {
    let trimmed = body.trimmingWhitespace()
    let roles: [Character: Tag.Role] = [
      "#": .section, "^": .invertedSection, "/": .close, ">": .partial, "<": .parent, "$": .block, "!": .comment,
      "&": .variable,
    ]
    if !triple, let first = trimmed.first, let role = roles[first] {
      return Tag(role: role, name: String(trimmed.dropFirst()).trimmingWhitespace(), line: line, column: column)
    }
    return Tag(role: .variable, name: trimmed, line: line, column: column)
  }

  private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index + needle.count <= bytes.count {
      if bytes[index] == needle[0], bytes[index + 1] == needle[1] { return index }
      index += 1
    }
    return nil
  }
}

extension String {
  fileprivate func trimmingWhitespace() -> String {
    let characters = Substring(self).drop { $0.isWhitespace }
    return String(characters.reversed().drop { $0.isWhitespace }.reversed())
  }
}
