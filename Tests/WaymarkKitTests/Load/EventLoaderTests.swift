import Foundation
import StructuredData
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

@Suite struct EventLoaderTests {
  typealias F = DeliveryFixture

  func load(_ files: [String: String], strict: Bool = false, chunkBytes: Int = 4 << 20) async throws -> EventLoadResult
  {
    let root = try SiteFixture.make(files)
    return await EventLoader(root: root, strict: strict, chunkBytes: chunkBytes).load(paths: files.keys.sorted())
  }

  static let deploy = F.deployed(id: "d1", at: "2026-10-10T12:00:00Z", artifact: "a1")

  @Test func readsJSONLinesArraysAndCloudEventsAlike() async throws {
    let cloudEvent =
      #"{"specversion":"1.0","id":"d3","source":"/test","type":"dev.cdevents.service.deployed.0.3.0","time":"2026-10-10T12:00:00Z","subject":"service/svc","datacontenttype":"application/json","data":\#(Self.deploy.replacingOccurrences(of: "\"d1\"", with: "\"d3\""))}"#
    let result = try await load([
      "lines.jsonl": Self.deploy + "\n\n",
      "array.json": "[\n  " + Self.deploy.replacingOccurrences(of: "\"d1\"", with: "\"d2\"") + "\n]\n",
      "wrapped.ndjson": cloudEvent + "\r\n",
    ])
    #expect(result.diagnostics.isEmpty)
    #expect(result.records == 3)
    #expect(result.events.count == 3)
    #expect(
      result.events.allSatisfy {
        $0.kind == .deployment && $0.subject == "service/svc" && $0.environment == "production"
      })
    #expect(result.events.map(\.purlName) == ["svc", "svc", "svc"])
    #expect(result.files.map(\.path) == ["array.json", "lines.jsonl", "wrapped.ndjson"])
    #expect(result.newest == Timestamp(iso8601: "2026-10-10T12:00:00Z"))
  }

  @Test func duplicatesAcrossFilesAndChunksCountOnce() async throws {
    let lines = (0..<200).map { F.merged(id: "c\($0 % 50)", at: "2026-10-10T10:00:00Z") }.joined(separator: "\n")
    let result = try await load(["a.jsonl": lines, "b.jsonl": Self.deploy + "\n" + Self.deploy], chunkBytes: 2048)
    #expect(result.records == 202)
    #expect(result.events.count == 51)
    #expect(result.duplicates == 151)
  }

  /// A build lets the events go once the metrics are computed; `api/build.json` still counts them.
  @Test func droppingTheRecordsKeepsTheirCounts() async throws {
    let lines = (0..<20).map { F.merged(id: "c\($0)", at: "2026-10-10T10:00:00Z") }.joined(separator: "\n")
    let result = try await load(["a.jsonl": lines + "\n" + Self.deploy])
    let dropped = result.droppingRecords()
    #expect(dropped.events.isEmpty)
    #expect(dropped.counts == result.counts)
    #expect(dropped.counts["events"] == 21)
    #expect(dropped.droppingRecords().counts == result.counts)
    #expect(dropped.files == result.files)
  }

  @Test func malformedLinesAreLocatedAndCountedNotDropped() async throws {
    let text = [
      Self.deploy, #"{"context":{"id":"x","#, "not json",
      #"{"context":{"id":"e","source":"/s","type":"dev.cdevents.service.deployed.0.3.0","timestamp":"yesterday"},"subject":{"id":"s","content":{}}}"#,
      #"{"event":"push"}"#, "[1]",
    ].joined(separator: "\n")
    let result = try await load(["content/events/bad.jsonl": text], chunkBytes: 1024)
    #expect(result.records == 6)
    #expect(result.malformed == 5)
    #expect(result.events.count == 1)
    assertGolden(DiagnosticFormat.text.format(DiagnosticList(result.diagnostics)), named: "malformed-events.txt")
    let strict = try await load(["content/events/bad.jsonl": text], strict: true)
    #expect(DiagnosticList(strict.diagnostics).errorCount == 5)
  }

  @Test func unknownTypesAreCountedAndErrorsOnlyWhenStrict() async throws {
    let custom = F.cdevent("x.y.0.1.0", id: "u1", at: "2026-10-10T12:00:00Z", subject: "s")
      .replacingOccurrences(of: "dev.cdevents.x.y", with: "dev.cdeventsx.acme-flag.toggled")
    let text = [
      custom, custom.replacingOccurrences(of: "u1", with: "u2"), #"{"event":"sponsorship","payload":{}}"#, Self.deploy,
    ]
    .joined(separator: "\n")
    let relaxed = try await load(["e.jsonl": text])
    #expect(relaxed.diagnostics.isEmpty)
    #expect(relaxed.unknownTypes == ["dev.cdeventsx.acme-flag.toggled.0.1.0": 2, "github.sponsorship": 1])
    let strict = try await load(["e.jsonl": text], strict: true)
    #expect(
      DiagnosticFormat.text.format(DiagnosticList(strict.diagnostics))
        == "e.jsonl:1:1: error: unknown event type 'dev.cdeventsx.acme-flag.toggled.0.1.0' (2 in this file; --strict makes unknown types errors) [events.unknown-type]\n"
        + "e.jsonl:3:1: error: unknown event type 'github.sponsorship' (1 in this file; --strict makes unknown types errors) [events.unknown-type]\n"
    )
  }

  @Test func unknownTypesAreListedInBuildJSONAndStrictFailsTheBuild() async throws {
    let custom = F.cdevent("x.y.0.1.0", id: "u1", at: "2026-10-10T12:00:00Z", subject: "s")
      .replacingOccurrences(of: "dev.cdevents.x.y", with: "dev.cdeventsx.acme-flag.toggled")
    let files = ["content/events/e.jsonl": custom + "\n" + Self.deploy]
    let relaxed = try await F.build(files)
    #expect(!relaxed.diagnostics.hasErrors)
    let counts = try F.json(relaxed, "api/build.json")["counts"]?["events"]
    #expect(counts?["unknownTypes"] == ["dev.cdeventsx.acme-flag.toggled.0.1.0": 1])
    let strict = try await F.build(files, strict: true)
    #expect(strict.diagnostics.errorCount == 1)
  }

  @Test func otherFilesUnderTheEventGlobsAreNamed() async throws {
    let result = try await load(["notes.txt": "hello"])
    #expect(
      DiagnosticFormat.text.format(DiagnosticList(result.diagnostics))
        == "notes.txt: warning: not read as events: only .json, .jsonl and .ndjson files are [events.unsupported-file]\n"
    )
  }

  @Test func gitHubDeliveriesBecomeEvents() async throws {
    let result = try await load(["g.jsonl": FourKeysFaultTests.deliveries.joined(separator: "\n")])
    #expect(result.records == 13)
    #expect(result.duplicates == 1)
    // 4 pushes (k1, k2, k3; f1 ignored), 4 successful statuses (one duplicate), 2 incidents × 2.
    #expect(result.events.map(\.kind).count { $0 == .change } == 3)
    #expect(result.events.map(\.kind).count { $0 == .deployment } == 4)
    #expect(result.events.map(\.kind).count { $0 == .incidentStarted } == 2)
    #expect(result.events.map(\.kind).count { $0 == .incidentResolved } == 2)
    #expect(result.ignored == 3)
  }
}
