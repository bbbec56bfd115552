import Testing
import WaymarkModel
import WaymarkTestSupport

@Suite struct DiagnosticFormatTests {
  static let sample = DiagnosticList([
    .warning(
      .docsBrokenLink, "link to 'setup.md' does not resolve",
      at: SourceLocation(path: "docs/index.md", line: 3, column: 5)),
    .error(
      .catalogDanglingRef, "spec.owner 'group:default/paymnets' does not exist; did you mean 'group:default/payments'?",
      at: SourceLocation(path: "content/catalog/payments.yaml", line: 14, column: 12),
      notes: [DiagnosticNote("in entity 'component:default/payments-api'")]),
    .error(
      .catalogDuplicateEntity, "entity 'component:default/a' is defined more than once",
      at: SourceLocation(path: "content/catalog/b.yaml", line: 4, column: 9),
      notes: [
        DiagnosticNote("first defined here", at: SourceLocation(path: "content/catalog/a.yaml", line: 4, column: 9))
      ]),
    .error(.configUnknownKey, "unknown key 'titel'", at: SourceLocation(path: "waymark.yaml", line: 2, column: 3)),
    .error(.configUnknownKey, "unknown key 'titel'", at: SourceLocation(path: "waymark.yaml", line: 2, column: 3)),
    .warning(.inputMissing, "no catalog files matched", at: nil),
  ])

  @Test func sortsByLocationThenCodeAndDropsDuplicates() {
    #expect(
      Self.sample.items.map(\.code) == [
        .inputMissing, .catalogDuplicateEntity, .catalogDanglingRef, .docsBrokenLink, .configUnknownKey,
      ])
    #expect(Self.sample.errorCount == 3)
    #expect(Self.sample.warningCount == 2)
  }

  @Test func text() {
    assertGolden(DiagnosticFormat.text.format(Self.sample), named: "diagnostics.txt")
  }

  @Test func github() {
    assertGolden(DiagnosticFormat.github.format(Self.sample), named: "diagnostics.github.txt")
  }

  @Test func json() {
    assertGolden(DiagnosticFormat.json.format(Self.sample), named: "diagnostics.json")
  }

  @Test func emptyListPrintsNothingOrAnEmptyArray() {
    #expect(DiagnosticFormat.text.format(DiagnosticList()) == "")
    #expect(DiagnosticFormat.github.format(DiagnosticList()) == "")
    #expect(DiagnosticFormat.json.format(DiagnosticList()) == "[]\n")
  }
}
