import Testing
import WaymarkModel

/// Untrusted text in a diagnostic cannot start a line of its own or drive the terminal.
@Suite struct DiagnosticEscapingTests {
  @Test func controlCharactersInPathsMessagesAndNotesAreShownEscaped() {
    let diagnostic = Diagnostic(
      .error, code: .layoutMissing, message: "needs layout 'x\n::error file=a::forged\u{1B}[2J\u{202E}'",
      location: SourceLocation(path: "content/a\nb.yaml", line: 2, column: 3),
      notes: [DiagnosticNote("in entity 'component:default/x\r\nevil'")])
    #expect(
      DiagnosticFormat.text.format(DiagnosticList([diagnostic]))
        == "content/a\\nb.yaml:2:3: error: needs layout 'x\\n::error file=a::forged\\u{1B}[2J\\u{202E}' [layout.missing]\n  note: in entity 'component:default/x\\r\\nevil'\n"
    )
  }

  @Test func aCaretUnderACELLineKeepsItsLine() {
    let diagnostic = Diagnostic(
      .error, code: .policyBadCEL, message: "check 'c': unexpected token",
      location: SourceLocation(path: "p.yaml", line: 1, column: 9),
      notes: [DiagnosticNote("a + \n    ^")])
    #expect(
      DiagnosticFormat.text.format(DiagnosticList([diagnostic]))
        == "p.yaml:1:9: error: check 'c': unexpected token [policy.bad-cel]\n  note: a + \n    ^\n")
  }
}
