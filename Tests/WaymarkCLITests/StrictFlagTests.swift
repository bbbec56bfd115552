import Foundation
import Testing
import WaymarkTestSupport

/// `--strict` turns unknown event types into errors (exit 1) for `check` and `build`.
@Suite struct StrictFlagTests {
  let cli = WaymarkCommandTests()

  func site() throws -> URL {
    let custom =
      #"{"context":{"specversion":"0.5.1","id":"u1","source":"/flags","type":"dev.cdeventsx.acme-flag.toggled.0.1.0","timestamp":"2026-10-10T12:00:00Z"},"subject":{"id":"flag","content":{}}}"#
    return try SiteFixture.make([
      "content/catalog/a.yaml": SiteFixture.minimalCatalog, "content/events/e.jsonl": custom + "\n",
    ])
  }

  @Test func unknownEventTypesFailOnlyWithStrict() throws {
    let root = try site()
    let relaxed = try cli.run(["check", "--root", root.path])
    #expect(relaxed.status == 0)
    let strict = try cli.run(["check", "--root", root.path, "--strict"])
    #expect(strict.status == 1)
    #expect(
      strict.stdout.contains(
        "content/events/e.jsonl:1:1: error: unknown event type 'dev.cdeventsx.acme-flag.toggled.0.1.0' (1 in this file; --strict makes unknown types errors) [events.unknown-type]"
      ))
    let build = try cli.run(["build", "--root", root.path, "--strict", "--quiet"])
    #expect(build.status == 1)
  }
}
