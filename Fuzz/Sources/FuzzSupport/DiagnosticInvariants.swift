import Foundation
import WaymarkModel

/// Properties every diagnostic must have, checked on each fuzz input.
///
/// A crash is not the only failure a fuzzer can find: a diagnostic without a code or message,
/// or located past the end of the file it names, breaks the `path:line:col` contract, so the
/// harness traps and libFuzzer keeps the input.
public enum DiagnosticInvariants {
  /// Traps unless every diagnostic has a code and a message, and every one located in `path`
  /// points at a line of `bytes` (line 0 and column 0 mean the whole file or line).
  public static func check(_ diagnostics: [Diagnostic], path: String, bytes: [UInt8]) {
    var lines: Int?
    for diagnostic in diagnostics {
      guard !diagnostic.code.rawValue.isEmpty, !diagnostic.message.isEmpty else {
        fatalError("diagnostic without a code or message: \(diagnostic)")
      }
      guard let location = diagnostic.location, location.path == path else { continue }
      guard location.line >= 0, location.column >= 0 else {
        fatalError("diagnostic at a negative position: \(diagnostic)")
      }
      guard location.line > 1 else { continue }
      let count = lines ?? lineCount(bytes)
      lines = count
      guard location.line <= count else {
        fatalError("diagnostic at \(location.line):\(location.column) outside \(path)'s \(count) lines: \(diagnostic)")
      }
    }
  }

  /// An upper bound on the number of lines: LF, CR LF, a lone CR and (as libyaml counts them)
  /// NEL, LS and PS are breaks. Searches with `memchr`, which is not instrumented for coverage:
  /// a loop over every byte here cost a fifth of some harnesses' time. Bytes that start with a
  /// UTF-16 byte-order mark count the more lines of the two readings: the YAML loader reads them
  /// as UTF-16 (fuzz-catalog found a document whose second line starts after an LS, two bytes
  /// that are no break in UTF-8), the events and docs loaders as UTF-8 bytes.
  public static func lineCount(_ bytes: [UInt8]) -> Int {
    let asBytes = utf8LineCount(bytes)
    guard let text = utf16Text(bytes) else { return asBytes }
    return max(asBytes, utf8LineCount(Array(text.utf8)))
  }

  private static func utf8LineCount(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
      func next(_ index: Int, is byte: UInt8) -> Bool { index < buffer.count && buffer[index] == byte }
      var count = 1 + offsets(of: 0x0A, in: buffer).count
      count += offsets(of: 0x0D, in: buffer).filter { !next($0 + 1, is: 0x0A) }.count
      count += offsets(of: 0xC2, in: buffer).filter { next($0 + 1, is: 0x85) }.count
      count +=
        offsets(of: 0xE2, in: buffer).filter {
          next($0 + 1, is: 0x80) && (next($0 + 2, is: 0xA8) || next($0 + 2, is: 0xA9))
        }.count
      return count
    }
  }

  /// The text of UTF-16 bytes that start with a byte-order mark (`FF FE` little-endian, `FE FF`
  /// big-endian), or nil for other bytes; an odd last byte is left out.
  static func utf16Text(_ bytes: [UInt8]) -> String? {
    guard bytes.count >= 2 else { return nil }
    let littleEndian: Bool
    switch (bytes[0], bytes[1]) {
    case (0xFF, 0xFE): littleEndian = true
    case (0xFE, 0xFF): littleEndian = false
    default: return nil
    }
    let units = stride(from: 2, to: bytes.count - 1, by: 2).map { index in
      let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
      return littleEndian ? first | second << 8 : first << 8 | second
    }
    return String(decoding: units, as: UTF16.self)
  }

  private static func offsets(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
    guard let base = buffer.baseAddress else { return [] }
    var found: [Int] = []
    var start = 0
    while start < buffer.count, let hit = memchr(base + start, Int32(byte), buffer.count - start) {
      let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      found.append(offset)
      start = offset + 1
    }
    return found
  }
}
