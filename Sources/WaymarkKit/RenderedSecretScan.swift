import Foundation
import WaymarkLoading
import WaymarkModel
import WaymarkRendering

/// Scans what is about to be published, for credentials no input holds literally.
///
/// Inputs are scanned as written, but a token can be written so that it only appears once
/// decoded: a YAML `\x5f` or JSON `\u005f` escape, a markdown `\_` or `&#95;`, a character
/// reference in raw HTML, a markdown emphasis splitting it, or a file name that becomes an output
/// path. So every output file is scanned as written, with character references and JSON `\u`
/// escapes decoded, and (for HTML, SVG and XML) as its text with the tags taken out; every output
/// path is scanned too. A value an input holds literally was judged there (reported, or allowed
/// by an annotation), so only the others are reported: one `secrets.in-output` error per value,
/// at the first file holding it, never showing the value (paths are redacted too).
package struct RenderedSecretScan: Sendable {
  /// Values the input scan found, reported or allowed.
  package var judged: Set<String>
  /// The output folder as the site names it (`output`), for locations.
  package var outputFolder: String

  /// Creates a scan; `judged` are the values the input scan found.
  package init(judged: Set<String>, outputFolder: String) {
    self.judged = judged
    self.outputFolder = outputFolder
  }

  /// A credential one output file holds that no input holds literally: its first place in the
  /// file (its path first, then its bytes, then the decoded views).
  package struct Finding: Sendable, Hashable {
    /// The value as compared with the inputs' (`comparable`).
    package var key: String
    package var match: SecretScanner.Match
    /// The output file's path.
    package var path: String
    /// Whether the path itself holds it.
    package var inPath: Bool
  }

  /// The judged values as compared with the output's (`comparable`), for `findings(in:judged:)`.
  package var comparableJudged: Set<String> { Set(judged.map(Self.comparable)) }

  /// One error per credential found only in the output.
  package func diagnostics(for files: [OutputFile]) -> [Diagnostic] {
    let judged = comparableJudged
    return diagnostics(from: files.flatMap { findings(in: $0, judged: judged) })
  }

  /// The findings of one output file, one per credential: files are scanned as they are rendered,
  /// in any order, and `diagnostics(from:)` puts the findings together.
  package func findings(in file: OutputFile, judged: Set<String>) -> [Finding] {
    let scanner = SecretScanner()
    var found: [Finding] = []
    var seenHere = Set<String>()
    for (number, view) in Self.views(of: file).enumerated() {
      for match in scanner.scan(view) {
        let key = Self.comparable(match.text)
        guard !judged.contains(key), seenHere.insert(key).inserted else { continue }
        found.append(Finding(key: key, match: match, path: file.path, inPath: number == 0))
      }
    }
    return found
  }

  /// One error per credential in `findings` (of every output file, in any order), at the first
  /// file by path holding it, noting how many others do.
  package func diagnostics(from findings: [Finding]) -> [Diagnostic] {
    let scanner = SecretScanner()
    var first: [String: Finding] = [:]
    var counts: [String: Int] = [:]
    for finding in findings {
      counts[finding.key, default: 0] += 1
      if let earlier = first[finding.key], !finding.path.utf8.lexicographicallyPrecedes(earlier.path.utf8) { continue }
      first[finding.key] = finding
    }
    return first.values.sorted { ($0.path, $0.match.offset) < ($1.path, $1.match.offset) }.map { found in
      let others = (counts[found.key] ?? 1) - 1
      return .error(
        .secretsInOutput,
        "the published site would hold what looks like \(found.match.rule.title) (\(found.match.redacted), rule "
          + "'\(found.match.rule.rawValue)'), written in an input with escapes (YAML '\\x5f', JSON '\\u005f', markdown "
          + "'\\_' or '&#95;') or as a file name; nothing is published: remove it (and revoke it)",
        at: SourceLocation(
          path: outputFolder + "/" + scanner.redacting(found.path), line: found.inPath ? 0 : found.match.line,
          column: found.inPath ? 0 : found.match.column),
        notes: others > 0 ? [DiagnosticNote("\(others) more published file(s) hold it")] : [])
    }
  }

  /// A value as compared with the inputs' values: without whitespace, backslashes and `\n`-style
  /// escapes, which the JSON and HTML output may write a private key's line breaks as.
  package static func comparable(_ text: String) -> String {
    guard text.contains(where: { $0.isWhitespace || $0 == "\\" }) else { return text }
    let unescaped = text.replacingOccurrences(of: "\\n", with: "").replacingOccurrences(of: "\\r", with: "")
    return String(unescaped.filter { !$0.isWhitespace && $0 != "\\" })
  }
}
