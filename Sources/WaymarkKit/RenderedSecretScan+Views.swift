import WaymarkRendering

/// The byte views of an output file that `RenderedSecretScan` scans.
///
/// Most files hold no escape that decodes, so the decoded views are made only once one is found
/// (a decode always shortens the text, so a view that decodes nothing is the bytes themselves).
extension RenderedSecretScan {
  /// The byte views of one file to scan: its path (first), its bytes, its bytes with references
  /// decoded when any are, and for markup its text without tags (decoded).
  package static func views(of file: OutputFile) -> [[UInt8]] {
    var views: [[UInt8]] = [Array(file.path.utf8), file.bytes]
    if let decoded = decodedEscapes(file.bytes) { views.append(decoded) }
    let name = file.path.lowercased()
    if [".html", ".svg", ".xml"].contains(where: name.hasSuffix) {
      let text = withoutTags(file.bytes)
      views.append(decodedEscapes(text) ?? text)
    }
    return views
  }

  /// `bytes` without anything between `<` and `>`; newlines inside tags stay, so lines still match.
  package static func withoutTags(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      while index < buffer.count {
        // Text up to the next tag is copied whole; a `>` outside a tag is text.
        let tag = firstIndex(in: buffer, from: index, of: UInt8(ascii: "<"), or: UInt8(ascii: "<"))
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<tag]))
        index = tag + 1
        while index < buffer.count, buffer[index] != UInt8(ascii: ">") {
          if buffer[index] == 0x0A { out.append(0x0A) }
          index += 1
        }
        index += 1
      }
    }
    return out
  }

  package static let namedReferences: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "lowbar": "_", "underbar": "_", "period": ".",
    "colon": ":", "sol": "/", "equals": "=", "plus": "+", "num": "#", "dash": "-", "hyphen": "-",
  ]

  /// `bytes` with numeric and common named character references (`&#95;`, `&#x5f;`, `&lowbar;`)
  /// and JSON `\uXXXX` escapes decoded; nil when none decodes.
  package static func decodedEscapes(_ bytes: [UInt8]) -> [UInt8]? {
    bytes.withUnsafeBufferPointer { buffer in
      var out: [UInt8] = []
      var copied = 0
      var decodedAny = false
      var index = firstIndex(in: buffer, from: 0, of: UInt8(ascii: "&"), or: UInt8(ascii: "\\"))
      while index < buffer.count {
        guard let (scalar, length) = escape(in: bytes, at: index) else {
          index = firstIndex(in: buffer, from: index + 1, of: UInt8(ascii: "&"), or: UInt8(ascii: "\\"))
          continue
        }
        if !decodedAny { out.reserveCapacity(buffer.count) }
        decodedAny = true
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copied..<index]))
        out.append(contentsOf: String(scalar).utf8)
        index += length
        copied = index
        index = firstIndex(in: buffer, from: index, of: UInt8(ascii: "&"), or: UInt8(ascii: "\\"))
      }
      guard decodedAny else { return nil }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copied...]))
      return out
    }
  }

  /// The character a reference or `\u` escape at `start` (a `&` or `\`) stands for and its length.
  private static func escape(in bytes: [UInt8], at start: Int) -> (Character, Int)? {
    if bytes[start] == UInt8(ascii: "&") { return reference(in: bytes, at: start) }
    guard start + 6 <= bytes.count, bytes[start + 1] == UInt8(ascii: "u"),
      let value = UInt32(String(decoding: bytes[(start + 2)..<(start + 6)], as: UTF8.self), radix: 16),
      let scalar = Unicode.Scalar(value)
    else { return nil }
    return (Character(scalar), 6)
  }

  /// The character a reference at `start` stands for and its length in bytes, or nil.
  package static func reference(in bytes: [UInt8], at start: Int) -> (Character, Int)? {
    var end = start + 1
    while end < bytes.count, end - start <= 32, bytes[end] != UInt8(ascii: ";") { end += 1 }
    guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { return nil }
    let body = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
    if body.hasPrefix("#") {
      let digits = body.dropFirst()
      let hex = digits.first == "x" || digits.first == "X"
      guard let value = hex ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits), let scalar = Unicode.Scalar(value)
      else { return nil }
      return (Character(scalar), end - start + 1)
    }
    return namedReferences[body.lowercased()].flatMap(\.first).map { ($0, end - start + 1) }
  }

  /// The index of the first `one` or `other` in `buffer` from `start`, or `buffer.count`: 16 bytes
  /// at a time with vector compares, as most of an output file holds neither.
  private static func firstIndex(
    in buffer: UnsafeBufferPointer<UInt8>, from start: Int, of one: UInt8, or other: UInt8
  ) -> Int {
    var index = start
    if let base = buffer.baseAddress {
      // Compared with whole vectors: the operators taking a scalar compare lane by lane.
      let ones = SIMD16(repeating: one)
      let others = SIMD16(repeating: other)
      while index + 16 <= buffer.count {
        let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
        if any((block .== ones) .| (block .== others)) { break }
        index += 16
      }
    }
    while index < buffer.count, buffer[index] != one, buffer[index] != other { index += 1 }
    return index
  }
}
