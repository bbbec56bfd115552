import WaymarkKit

/// Properties every diagnostic must have, checked on each fuzz input.
///
/// A crash is not the only failure a fuzzer can find: a diagnostic without a code or message,
/// or located past the end of the file it names, breaks the `path:line:col` contract, so the
/// harness traps and libFuzzer keeps the input.
public enum DiagnosticInvariants {
  /// Traps unless every diagnostic has a code and a message, and every one located in `path`
  /// points at a line of `bytes` (line 0 and column 0 mean the whole file or line).
  public static func check(_ diagnostics: [Diagnostic], path: String, bytes: [UInt8]) {
    let lines = lineCount(bytes)
    for diagnostic in diagnostics {
      guard !diagnostic.code.isEmpty, !diagnostic.message.isEmpty else {
        fatalError("diagnostic without a code or message: \(diagnostic)")
      }
      guard let location = diagnostic.location, location.path == path else { continue }
      guard location.line >= 0, location.column >= 0, location.line <= lines else {
        fatalError("diagnostic at \(location.line):\(location.column) outside \(path)'s \(lines) lines: \(diagnostic)")
      }
    }
  }

  /// An upper bound on the number of lines: LF, CR LF, a lone CR and (as libyaml counts them)
  /// NEL, LS and PS are breaks.
  public static func lineCount(_ bytes: [UInt8]) -> Int {
    var count = 1
    var previous: UInt8 = 0
    for (index, byte) in bytes.enumerated() {
      if byte == 0x0A, previous != 0x0D { count += 1 }
      if byte == 0x0D { count += 1 }
      if byte == 0x85, previous == 0xC2 { count += 1 }
      if (byte == 0xA8 || byte == 0xA9), previous == 0x80, index >= 2, bytes[index - 2] == 0xE2 { count += 1 }
      previous = byte
    }
    return count
  }
}
