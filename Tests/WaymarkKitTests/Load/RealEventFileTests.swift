import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Event files shaped like real exports (`Tests/Fixtures/events-real`): a malformed
/// pretty-printed document, a raw webhook body, GitHub's API delivery record.
@Suite struct RealEventFileTests {
  static let fixture = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/events-real")

  func load(_ path: String) async -> EventLoadResult {
    await EventLoader(root: Self.fixture).load(paths: [path])
  }

  func text(_ diagnostics: [Diagnostic]) -> String { DiagnosticFormat.text.format(DiagnosticList(diagnostics)) }

  @Test func aMalformedPrettyPrintedDocumentGivesOneDiagnosticAtTheSyntaxError() async {
    let result = await load("malformed-pretty.json")
    #expect(result.records == 1)
    #expect(result.events.isEmpty)
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics.first?.location?.line == 7)
    #expect(result.diagnostics.first?.code == .eventsMalformed)
  }

  @Test func aRawWebhookBodyIsRejectedSayingTheDeliveryShape() async {
    let result = await load("webhook-body.json")
    #expect(result.events.isEmpty)
    #expect(
      text(result.diagnostics)
        == "webhook-body.json:1:1: warning: a raw GitHub webhook body: wrap each delivery as {\"event\": \"<X-GitHub-Event header>\", \"payload\": <body>}, or export GitHub's delivery records ({\"event\", \"request\": {\"payload\"}}) [events.invalid]\n"
    )
  }

  @Test func gitHubsAPIDeliveryRecordsAreRead() async {
    let result = await load("api-delivery.json")
    #expect(result.diagnostics.isEmpty)
    #expect(result.events.map(\.kind) == [.deployment])
    #expect(result.events.map(\.time) == [Timestamp(iso8601: "2026-10-10T12:00:00Z")])
    #expect(result.events.map(\.repository) == ["acme/web"])
  }
}
