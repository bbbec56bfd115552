import Foundation
import Testing
import WaymarkTestSupport

/// `waymark explain`: a code's explanation and example, the list, and the manual page generated from the registry.
@Suite struct ExplainCommandTests {
  let cli = WaymarkCommandTests()

  @Test func explainsACodeWithItsExample() throws {
    let result = try cli.run(["explain", "catalog.dangling-ref"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(
      result.stdout == """
        catalog.dangling-ref: a reference to an entity that does not exist, with a "did you mean"

        Severity: error (warning with `catalog.danglingRefs: warning`)
        Area: Catalog

        Example input, catalog/payments.yaml:

            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: payments
            spec:
              type: service
              lifecycle: production
              owner: team-paymnts

        Waymark prints:

            catalog/payments.yaml:8:10: error: spec.owner 'group:default/team-paymnts' does not exist; did you mean \
        'group:default/team-payments'? [catalog.dangling-ref]

        """)
  }

  @Test func anUnknownCodeIsAUsageError() throws {
    let result = try cli.run(["explain", "catalog.nothing-like-it"])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(
      result.stderr == """
        Error: unknown diagnostic code 'catalog.nothing-like-it' (waymark explain --list shows every code)
        Usage: waymark explain [<code>] [--list] [--format <format>]
          See 'waymark explain --help' for more information.

        """)
  }

  @Test func aMisspeltCodeGetsADidYouMean() throws {
    let result = try cli.run(["explain", "catalog.danglnig-ref"])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(
      result.stderr == """
        Error: unknown diagnostic code 'catalog.danglnig-ref'; did you mean 'catalog.dangling-ref'? (waymark explain \
        --list shows every code)
        Usage: waymark explain [<code>] [--list] [--format <format>]
          See 'waymark explain --help' for more information.

        """)
  }

  @Test func aCodeAndListTogetherOrNeitherIsAUsageError() throws {
    #expect(try cli.run(["explain"]).status == 2)
    #expect(try cli.run(["explain", "--list", "catalog.dangling-ref"]).status == 2)
    #expect(try cli.run(["explain", "yaml.syntax", "--format", "markdown"]).status == 2)
  }

  @Test func listsEveryCodeWithItsSummary() throws {
    let result = try cli.run(["explain", "--list"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 137)
    // Codes padded to the longest, catalog.substitution-not-fetched (32 characters), and two spaces.
    #expect(
      lines.first == "config.unknown-key" + String(repeating: " ", count: 16)
        + "a key `waymark.yaml` does not have, with a \"did you mean\"")
    #expect(
      lines.last == "secrets.in-output" + String(repeating: " ", count: 17)
        + "the rendered site would hold a credential an input hid with escapes")
    #expect(
      lines.contains(
        "catalog.dangling-ref" + String(repeating: " ", count: 14)
          + "a reference to an entity that does not exist, with a \"did you mean\""))
  }

  /// The manual's page is the registry printed as markdown; `RECORD_GOLDEN=1` rewrites it.
  @Test func theManualPageIsGeneratedFromTheRegistry() throws {
    let result = try cli.run(["explain", "--list", "--format", "markdown"])
    #expect(result.status == 0)
    let page = TestPaths.repositoryRoot.appendingPathComponent("docs/manual/diagnostic-codes.md")
    assertGolden(result.stdout, file: page)
  }
}
