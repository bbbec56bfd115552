import Foundation
import StructuredData

/// Scans a built site for anything a browser would run, independently of the library's own
/// escaping and filtering: inline event handlers (`on…=`), `javascript:`/`vbscript:`/non-image
/// `data:` URLs in any attribute, `<script>` other than the theme's own files (by `src`; no
/// inline script is allowed), frames, objects, embeds, `<base>`, meta refreshes, and catalog
/// strings that need escaping appearing unescaped.
struct InertOutputScanner {
  /// One thing found.
  struct Finding: CustomStringConvertible, Hashable {
    var path: String
    var line: Int
    var what: String
    var description: String { "\(path):\(line): \(what)" }
  }

  /// The theme's scripts, by how their `src` ends (relative to the site root).
  static let allowedScriptSources = ["assets/search.js", "assets/catalog.js"]
  static let activeElements: Set<String> = [
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "foreignobject",
  ]
  static let scannedExtensions: Set<String> = ["html", "htm", "xhtml", "svg", "xml"]
  /// Attributes a browser follows or loads as a URL (SVG animations set them through to/from/values).
  static let urlAttributes: Set<String> = [
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "srcset", "ping",
    "manifest",
    "codebase", "lowsrc", "dynsrc", "to", "from", "values",
  ]

  /// Strings that must only ever appear escaped (catalog strings holding `<`, `&` or `"`).
  var mustBeEscaped: [String] = []

  /// Every finding in the pages of `folder`.
  func scan(folder: URL) -> [Finding] {
    var findings: [Finding] = []
    for (path, data) in Self.files(in: folder)
    where Self.scannedExtensions.contains((path as NSString).pathExtension.lowercased()) {
      findings += scan(String(decoding: data, as: UTF8.self), path: path)
    }
    return findings.sorted { ($0.path, $0.line, $0.what) < ($1.path, $1.line, $1.what) }
  }

  /// Every finding in one page.
  func scan(_ text: String, path: String) -> [Finding] {
    var findings: [Finding] = []
    let bytes = Array(text.utf8)
    func line(at offset: Int) -> Int { bytes[..<min(offset, bytes.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }
    func report(_ what: String, at offset: Int) {
      findings.append(Finding(path: path, line: line(at: offset), what: what))
    }
    for string in mustBeEscaped where text.contains(string) {
      report("unescaped catalog string \(string.debugDescription)", at: bytes.count)
    }
    var index = 0
    while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
      index = open + 1
      if Self.starts(bytes, at: index, with: "!--") {
        index = Self.find(bytes, "-->", from: index) ?? bytes.count
        continue
      }
      guard index < bytes.count, Self.isLetter(bytes[index]) else { continue }
      var end = index
      while end < bytes.count, !Self.isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"),
        bytes[end] != UInt8(ascii: "/")
      { end += 1 }
      let name = String(decoding: bytes[index..<end], as: UTF8.self).lowercased()
      let (attributes, after) = Self.attributes(bytes, from: end)
      index = after
      let local = String(name.split(separator: ":").last ?? Substring(name))
      for (attribute, value) in attributes {
        if attribute.hasPrefix("on") { report("inline event handler '\(attribute)' on <\(name)>", at: open) }
        if let value, Self.urlAttributes.contains(attribute) {
          let decoded = Self.decoded(value).filter { !$0.isWhitespace && $0.asciiValue.map { $0 >= 0x20 } ?? true }
            .lowercased()
          if decoded.hasPrefix("javascript:") || decoded.hasPrefix("vbscript:") {
            report("script URL in \(attribute) of <\(name)>", at: open)
          } else if decoded.hasPrefix("data:"),
            !(local == "img" && attribute == "src" && decoded.hasPrefix("data:image/")
              && !decoded.hasPrefix("data:image/svg"))
          {
            report("data: URL in \(attribute) of <\(name)>", at: open)
          }
        }
      }
      if Self.activeElements.contains(local) { report("<\(name)> element", at: open) }
      if local == "meta", attributes.contains(where: { $0.0 == "http-equiv" && $0.1?.lowercased() == "refresh" }) {
        report("meta refresh", at: open)
      }
      if local == "script" {
        let close = Self.find(bytes, "</script", from: index, caseInsensitive: true) ?? bytes.count
        let body = String(decoding: bytes[index..<min(close, bytes.count)], as: UTF8.self)
        let source = attributes.first { $0.0 == "src" }?.1
        if !body.allSatisfy(\.isWhitespace) {
          report("inline <script>", at: open)
        } else if let source, Self.allowedScriptSources.contains(where: { source.hasSuffix($0) }), !source.contains(":")
        {
          // the theme's own script
        } else {
          report("<script src=\(source ?? "none")> is not one of the theme's", at: open)
        }
        index = close
      } else if local == "style" {
        index = Self.find(bytes, "</style", from: index, caseInsensitive: true) ?? bytes.count
      }
    }
    return findings
  }

  /// Catalog strings that need escaping, from a built site's `api/catalog.json`.
  static func catalogStrings(inSite folder: URL) -> [String] {
    guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("api/catalog.json").path),
      let value = try? JSONReader().parse(Array(data))
    else { return [] }
    var strings = Set<String>()
    func collect(_ value: JSONValue) {
      switch value {
      case .string(let text) where text.count >= 3 && text.contains(where: { "<&\"".contains($0) }):
        strings.insert(text)
      case .array(let elements): elements.forEach(collect)
      case .object(let members): members.values.forEach(collect)
      default: break
      }
    }
    collect(value)
    return strings.sorted()
  }

  // MARK: - Tokens

  static func attributes(_ bytes: [UInt8], from start: Int) -> ([(String, String?)], Int) {
    var attributes: [(String, String?)] = []
    var index = start
    while index < bytes.count {
      while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
      guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { return (attributes, index + 1) }
      let nameStart = index
      while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
        bytes[index] != UInt8(ascii: ">")
      { index += 1 }
      let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
      while index < bytes.count, isSpace(bytes[index]) { index += 1 }
      guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
        attributes.append((name, nil))
        if index == nameStart { index += 1 }
        continue
      }
      index += 1
      while index < bytes.count, isSpace(bytes[index]) { index += 1 }
      let value: String
      if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
        let quote = bytes[index]
        let close = bytes[(index + 1)...].firstIndex(of: quote) ?? bytes.count
        value = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
        index = close + 1
      } else {
        let valueStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
        value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
      }
      attributes.append((name, value))
    }
    return (attributes, index)
  }

  /// Character references decoded (numeric, and the named ones that spell URL punctuation).
  static func decoded(_ value: String) -> String {
    guard value.contains("&") else { return value }
    var out = ""
    var rest = Substring(value)
    let named = [
      "colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
    ]
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      let after = rest[rest.index(after: amp)...]
      let body = after.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
      var replacement: String?
      if body.hasPrefix("#x") || body.hasPrefix("#X") {
        replacement = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
      } else if body.hasPrefix("#") {
        replacement = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
      } else {
        replacement = named[body.lowercased()]
      }
      if let replacement {
        out += replacement
        var next = after.dropFirst(body.count)
        if next.first == ";" { next = next.dropFirst() }
        rest = next
      } else {
        out += "&"
        rest = after
      }
    }
    return out + rest
  }

  static func files(in folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    let base = folder.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
    while let relative = walker.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let path = base + "/" + relative
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
        continue
      }
      files[relative] = FileManager.default.contents(atPath: path)
    }
    return files
  }

  static func starts(_ bytes: [UInt8], at index: Int, with prefix: String) -> Bool {
    let prefix = Array(prefix.utf8)
    return index + prefix.count <= bytes.count && Array(bytes[index..<(index + prefix.count)]) == prefix
  }

  static func find(_ bytes: [UInt8], _ needle: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
    let target = Array((caseInsensitive ? needle.lowercased() : needle).utf8)
    guard !target.isEmpty, start <= bytes.count - target.count else { return nil }
    for index in start...(bytes.count - target.count) {
      var matches = true
      for offset in 0..<target.count {
        var byte = bytes[index + offset]
        if caseInsensitive, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
        if byte != target[offset] {
          matches = false
          break
        }
      }
      if matches { return index }
    }
    return nil
  }

  static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }
}
