/// Finds what would run script in an HTML, SVG or XML file opened from the portal's origin.
///
/// It tokenizes tags the way a browser would find them (comments, CDATA and processing
/// instructions skipped, attribute values quoted or not) and reports the first of: a script-like
/// element (`script`, `iframe`, `frame`, `object`, `embed`, `applet`, `foreignObject`,
/// `handler`, `listener`, `base`, a `meta` refresh), an event handler attribute (`on…=`), an
/// attribute value whose URL scheme is `javascript:`, `vbscript:` or a non-image `data:` once
/// character references, whitespace and control characters are taken out, and a DOCTYPE internal
/// subset (its entities can expand to markup). Names are compared without case and without a
/// namespace prefix (`svg:script`), so it errs towards reporting.
public struct ActiveMarkupDetector: Sendable {
  /// One construct that would run script.
  public struct Finding: Sendable, Hashable {
    /// The byte offset where the tag or attribute starts.
    public var offset: Int
    /// What it is, e.g. `an 'onload' event handler`.
    public var description: String
  }

  /// Creates a detector.
  public init() {}

  package static let activeElements: Set<String> = [
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "foreignobject", "handler", "listener", "base",
  ]

  /// The first construct in `bytes` that would run script, or nil when there is none.
  public func firstActiveConstruct(in bytes: [UInt8]) -> Finding? {
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      while let open = Self.next(UInt8(ascii: "<"), in: buffer, from: index) {
        index = open + 1
        guard index < buffer.count else { return nil }
        if Self.hasPrefix("!--", buffer, at: index) {
          index = Self.end(of: "-->", in: buffer, from: index + 3)
          continue
        }
        if Self.hasPrefix("![CDATA[", buffer, at: index) {
          index = Self.end(of: "]]>", in: buffer, from: index + 8)
          continue
        }
        if buffer[index] == UInt8(ascii: "?") {
          index = Self.end(of: "?>", in: buffer, from: index + 1)
          continue
        }
        if buffer[index] == UInt8(ascii: "!") {
          // <!DOCTYPE …> or <!ENTITY …>: an internal subset can define entities that expand to markup.
          let close = Self.next(UInt8(ascii: ">"), in: buffer, from: index) ?? buffer.count
          let declaration = buffer[index..<close]
          if declaration.contains(UInt8(ascii: "[")) || Self.lowercased(buffer[index..<min(close, index + 7)]) == "!entity" {
            return Finding(offset: open, description: "a DOCTYPE internal subset (entities can expand to markup)")
          }
          index = close
          continue
        }
        if buffer[index] == UInt8(ascii: "/") { continue }
        guard let (name, afterName) = Self.name(in: buffer, from: index), !name.isEmpty else { continue }
        let local = Self.localName(name)
        if Self.activeElements.contains(local) {
          return Finding(offset: open, description: "a '\(local)' element")
        }
        let (attributes, after) = Self.attributes(in: buffer, from: afterName)
        index = after
        for attribute in attributes {
          let attributeName = Self.localName(attribute.name)
          if attributeName.hasPrefix("on") {
            return Finding(offset: attribute.offset, description: "an '\(attribute.name)' event handler")
          }
          if let value = attribute.value, let scheme = Self.dangerousScheme(in: value) {
            return Finding(offset: attribute.offset, description: "a '\(scheme)' URL in '\(attribute.name)'")
          }
          if local == "meta", attributeName == "http-equiv", attribute.value.map(Self.lowercased) == "refresh" {
            return Finding(offset: open, description: "a 'meta' refresh")
          }
        }
      }
      return nil
    }
  }

  package struct Attribute {
    package var name: String
    package var value: [UInt8]?
    package var offset: Int
  }

  /// The attributes of a tag whose name ends at `start`, and the offset after the tag.
  package static func attributes(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> ([Attribute], Int) {
    var attributes: [Attribute] = []
    var index = start
    while index < buffer.count {
      while index < buffer.count, isSpace(buffer[index]) || buffer[index] == UInt8(ascii: "/") { index += 1 }
      guard index < buffer.count, buffer[index] != UInt8(ascii: ">") else { return (attributes, index + 1) }
      let nameStart = index
      while index < buffer.count, !isSpace(buffer[index]), ![UInt8(ascii: "="), UInt8(ascii: ">")].contains(buffer[index]) {
        index += 1
      }
      // `<a/onclick=…>`: a slash inside a name separates attributes, as browsers read it.
      let rawName = lowercased(buffer[nameStart..<index])
      let name = String(rawName.split(separator: "/").last ?? Substring(rawName))
      while index < buffer.count, isSpace(buffer[index]) { index += 1 }
      guard index < buffer.count, buffer[index] == UInt8(ascii: "=") else {
        if !name.isEmpty { attributes.append(Attribute(name: name, value: nil, offset: nameStart)) }
        if index == nameStart { index += 1 }
        continue
      }
      index += 1
      while index < buffer.count, isSpace(buffer[index]) { index += 1 }
      var value: [UInt8] = []
      if index < buffer.count, buffer[index] == UInt8(ascii: "\"") || buffer[index] == UInt8(ascii: "'") {
        let quote = buffer[index]
        let close = next(quote, in: buffer, from: index + 1) ?? buffer.count
        value = Array(buffer[(index + 1)..<close])
        index = close + 1
      } else {
        let valueStart = index
        while index < buffer.count, !isSpace(buffer[index]), buffer[index] != UInt8(ascii: ">") { index += 1 }
        value = Array(buffer[valueStart..<index])
      }
      attributes.append(Attribute(name: name, value: value, offset: nameStart))
    }
    return (attributes, index)
  }

  /// `javascript:`, `vbscript:` or `data:` (other than raster images) when `value` starts with it
  /// once character references are decoded and whitespace and control characters removed.
  package static func dangerousScheme(in value: [UInt8]) -> String? {
    var scheme: [UInt8] = []
    for byte in decodeReferences(value) {
      if byte <= 0x20 { continue }
      if byte == UInt8(ascii: ":") { break }
      scheme.append(byte | 0x20)
      if scheme.count > 10 { return nil }
    }
    let text = String(decoding: scheme, as: UTF8.self)
    switch text {
    case "javascript", "vbscript": return text + ":"
    case "data":
      let decoded = String(decoding: decodeReferences(value).filter { $0 > 0x20 }, as: UTF8.self).lowercased()
      let rasters = ["data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp", "data:image/avif"]
      return rasters.contains { decoded.hasPrefix($0) } ? nil : "data:"
    default: return nil
    }
  }

  /// Decodes numeric character references and the named ones that spell a scheme's punctuation.
  package static func decodeReferences(_ value: [UInt8]) -> [UInt8] {
    guard value.contains(UInt8(ascii: "&")) else { return value }
    let named: [String: String] = [
      "colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "sol": "/",
    ]
    var out: [UInt8] = []
    var index = 0
    while index < value.count {
      guard value[index] == UInt8(ascii: "&") else {
        out.append(value[index])
        index += 1
        continue
      }
      var end = index + 1
      while end < value.count, end - index < 12, value[end] != UInt8(ascii: ";"), value[end] != UInt8(ascii: "&") { end += 1 }
      let body = String(decoding: value[(index + 1)..<min(end, value.count)], as: UTF8.self)
      let consumed = end < value.count && value[end] == UInt8(ascii: ";") ? end + 1 : end
      if body.hasPrefix("#") {
        let digits = body.dropFirst()
        let number = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        if let number, let scalar = Unicode.Scalar(number) {
          out += Array(String(Character(scalar)).utf8)
          index = consumed
          continue
        }
      } else if let replacement = named[body.lowercased()] {
        out += Array(replacement.utf8)
        index = consumed
        continue
      }
      out.append(value[index])
      index += 1
    }
    return out
  }

  package static func name(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, Int)? {
    var index = start
    while index < buffer.count, !isSpace(buffer[index]), buffer[index] != UInt8(ascii: ">"), buffer[index] != UInt8(ascii: "/") {
      index += 1
    }
    guard index > start, isNameStart(buffer[start]) else { return nil }
    return (lowercased(buffer[start..<index]), index)
  }

  package static func localName(_ name: String) -> String {
    name.split(separator: ":").last.map(String.init) ?? name
  }

  package static func isNameStart(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_") || byte >= 0x80
  }

  package static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }

  package static func lowercased<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  package static func hasPrefix(_ prefix: String, _ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let bytes = Array(prefix.utf8)
    guard index + bytes.count <= buffer.count else { return false }
    return bytes.indices.allSatisfy { buffer[index + $0] == bytes[$0] }
  }

  package static func next(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index < buffer.count {
      if buffer[index] == byte { return index }
      index += 1
    }
    return nil
  }

  /// The offset after `terminator`, or the end of the buffer.
  package static func end(of terminator: String, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    let bytes = Array(terminator.utf8)
    var index = start
    while index + bytes.count <= buffer.count {
      if buffer[index] == bytes[0], hasPrefix(terminator, buffer, at: index) { return index + bytes.count }
      index += 1
    }
    return buffer.count
  }
}
