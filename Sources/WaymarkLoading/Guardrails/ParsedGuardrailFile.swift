import Foundation
import StructuredData
import WaymarkModel

/// What one results file held once parsed: its format, the tools in it, findings and problems.
public struct ParsedGuardrailFile: Sendable, Hashable {
  /// The file, relative to the site root.
  public var path: String
  /// `sarif`, `policyreport`, `checkov`, `conftest`, `opa`, or `unknown` when not recognised.
  public var format: String
  /// The tools named in the file, in order of first appearance.
  public var tools: [String] = []
  /// The findings, in file order.
  public var findings: [GuardrailFinding] = []
  /// Problems found while reading it.
  public var diagnostics: [Diagnostic] = []

  /// Creates an empty result for `path`.
  public init(path: String, format: String) {
    self.path = path
    self.format = format
  }

  package mutating func noteTool(_ tool: String) {
    if !tools.contains(tool) { tools.append(tool) }
  }

  /// The summary written to `inputs` in `api/policy-results.json`.
  package var summary: GuardrailInputSummary {
    GuardrailInputSummary(
      path: path, format: format, tool: tools.joined(separator: ","), results: findings.reduce(0) { $0 + $1.count })
  }
}

/// Turns the file paths tools write into root-relative paths.
package enum GuardrailPath {
  /// `path` relative to the site root with `./` and `..` folded; a path that leaves the root or
  /// is absolute stays as written (it then maps to no entity).
  package static func normalized(_ path: String) -> String {
    if isPlain(path) { return path }
    return RootPath.normalized(path) ?? path
  }

  /// Whether `path` can be a file of the repository it is relative to: relative, already
  /// folded, not above the root, no scheme or drive (`file:///d:/x`, `c:/x`).
  package static func isInsideRoot(_ path: String) -> Bool {
    if isPlain(path) { return true }
    guard RootPath.normalized(path) == path else { return false }
    return !(path.split(separator: "/").first?.contains(":") ?? true)
  }

  /// A path with nothing to fold (no `.`/`..` segment, no empty segment, not absolute, no
  /// scheme), the common case, recognised in one pass over the bytes; with `allowingEscapes: false`
  /// also nothing to percent-decode (no `%`).
  package static func isPlain(_ path: String, allowingEscapes: Bool = true) -> Bool {
    // Over the contiguous UTF-8 where there is one (every native string): this runs for every
    // result of every log, and iterating the generic UTF-8 view costs several times more.
    if let plain = path.utf8.withContiguousStorageIfAvailable({ isPlain($0, allowingEscapes: allowingEscapes) }) {
      return plain
    }
    return isPlain(path.utf8, allowingEscapes: allowingEscapes)
  }

  private static func isPlain(_ bytes: some Sequence<UInt8>, allowingEscapes: Bool) -> Bool {
    var length = 0
    var allDots = true
    for byte in bytes {
      if byte == UInt8(ascii: "/") {
        if length == 0 || (allDots && length <= 2) { return false }
        length = 0
        allDots = true
        continue
      }
      if byte == UInt8(ascii: ":") || byte == 0 || (!allowingEscapes && byte == UInt8(ascii: "%")) { return false }
      if byte != UInt8(ascii: ".") { allDots = false }
      length += 1
    }
    return length > 0 && !(allDots && length <= 2)
  }

}
