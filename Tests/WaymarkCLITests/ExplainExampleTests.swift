import Foundation
import Testing
import WaymarkTestSupport

/// The examples `waymark explain` prints are real: each self-contained one, written into an empty
/// site, makes `waymark check` print exactly the line the explanation shows.
@Suite struct ExplainExampleTests {
  let cli = WaymarkCommandTests()

  /// Codes whose example needs no other file than the one it shows (and `waymark.yaml`).
  static let selfContained = [
    "config.unknown-key", "config.wrong-type", "config.bad-value", "config.bad-timestamp", "config.path-outside-root",
    "config.multiple-documents", "yaml.syntax", "yaml.duplicate-key", "yaml.complex-key", "yaml.merge",
    "yaml.unknown-anchor", "yaml.bad-tagged-value", "yaml.unknown-tag", "yaml.directive", "catalog.not-an-entity",
    "catalog.not-an-object", "catalog.missing-field", "catalog.wrong-type", "catalog.empty-value",
    "catalog.invalid-value", "catalog.bad-format", "catalog.unknown-root-field", "catalog.unknown-kind",
    "catalog.group-cycle", "catalog.location-target-missing", "catalog.location-not-fetched",
    "catalog.path-outside-root", "catalog.substitution-missing", "catalog.substitution-not-fetched",
    "docs.bad-ref", "docs.remote-ref", "docs.path-outside-root", "policy.not-a-mapping", "policy.unknown-key",
    "policy.wrong-type", "policy.missing-field", "policy.api-version", "policy.unknown-kind",
    "policy.bad-weight", "policy.bad-cel", "policy.duplicate-check", "policy.duplicate-level",
    "policy.missing-level", "policy.unknown-level", "policy.sarif-version", "policy.sarif-shape",
    "policy.bad-json", "policy.unknown-format", "policy.report-shape", "policy.not-a-report",
    "policy.checkov-shape", "policy.opa-error", "events.malformed", "events.unsupported-file", "catalog.bad-ref",
    "docs.not-found", "policy.bad-ref", "policy.bad-date", "policy.dangling-ref", "policy.unknown-scorecard",
    "catalog.location-target-folder", "layout.syntax", "layout.unused", "policy.bad-result", "policy.bad-expectation",
    "events.stale-export", "input.lock-invalid",
  ]

  /// The example's path, input and printed line, read back from `waymark explain CODE`.
  func example(_ code: String) throws -> (path: String, input: String, line: String) {
    let lines = try cli.run(["explain", code]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    let start = try #require(lines.firstIndex { $0.hasPrefix("Example input, ") })
    let prints = try #require(lines.firstIndex(of: "Waymark prints:"))
    let path = String(lines[start].dropFirst("Example input, ".count).dropLast())
    let input = lines[(start + 2)..<(prints - 1)].map { String($0.dropFirst(4)) + "\n" }.joined()
    return (path, input, String(lines[prints + 2].dropFirst(4)))
  }

  @Test(arguments: selfContained)
  func theExampleProducesItsLine(_ code: String) throws {
    let (path, input, line) = try example(code)
    var files = [path: input]
    if path != "waymark.yaml" {
      files["waymark.yaml"] = """
        inputs:
          catalog: ["catalog/**/*.yaml"]
          events: ["events/**/*"]
          policyResults: ["policy-results/**/*"]

        """
    }
    let root = try SiteFixture.make(files)
    let result = try cli.run(["check", "--root", root.path, "--as-of", "2026-11-01T00:00:00Z"])
    let printed = result.stdout.split(separator: "\n").map(String.init).filter { $0.hasSuffix("[\(code)]") }
    #expect(printed.first == line)
  }
}
