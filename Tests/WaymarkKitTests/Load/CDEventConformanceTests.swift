import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Every example event of the CDEvents spec (v0.4.1, v0.5.1, 0.6.0-draft) parses: as an event
/// of the right kind, as a ticket event, or as known-but-unused, or (custom types) as unknown — never malformed.
@Suite struct CDEventConformanceTests {
  static let kinds: [String: DeliveryEvent.Kind] = [
    "change_merged": .change, "artifact_packaged": .artifactPackaged, "service_deployed": .deployment,
    "service_upgraded": .deployment, "service_rolledback": .rollback, "incident_detected": .incidentStarted,
    "incident_reported": .incidentStarted, "incident_resolved": .incidentResolved,
    "pipelinerun_finished": .pipelineFinished,
  ]

  @Test(arguments: ["spec-v0.4.1", "spec-v0.5.1", "spec-v0.6.0-draft"])
  func everySpecExampleParses(version: String) async throws {
    let suite = try TestPaths.conformanceSuite("cdevents")
    let folder = suite.appendingPathComponent(version)
    let examples = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("conformance").path
    )
    .filter { $0.hasSuffix(".json") }.sorted().map { "conformance/" + $0 }
    #expect(examples.count >= 45)
    for path in examples + ["custom/conformance.json"] {
      let result = await EventLoader(root: folder).load(paths: [path])
      #expect(result.diagnostics.isEmpty, "\(version)/\(path): \(result.diagnostics)")
      #expect(result.records == 1 && result.malformed == 0, "\(version)/\(path)")
      let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
      if path.hasPrefix("custom/") {
        #expect(result.unknownTypes.values.reduce(0, +) == 1, "\(version)/\(path)")
      } else if name.hasPrefix("ticket_") {
        #expect(
          result.tickets.map(\.action.rawValue) == [String(name.dropFirst("ticket_".count))], "\(version)/\(path)")
        #expect(result.events.isEmpty && result.ignored == 0, "\(version)/\(path)")
      } else if let kind = Self.kinds[name] {
        #expect(result.events.map(\.kind) == [kind], "\(version)/\(path)")
        #expect(result.events.first?.time.millisecondsSinceEpoch ?? 0 > 0)
      } else {
        #expect(result.ignored == 1, "\(version)/\(path)")
      }
    }
  }

  @Test func theExamplesLinkTheirFieldsAsDocumented() async throws {
    let suite = try TestPaths.conformanceSuite("cdevents")
    let folder = suite.appendingPathComponent("spec-v0.5.1/conformance")
    let deployed = await EventLoader(root: folder).load(paths: ["service_deployed.json"]).events
    #expect(deployed.first?.environment == "test123")
    #expect(deployed.first?.purlName == "myapp")
    #expect(deployed.first?.links.count == 3)
    #expect(deployed.first?.time == Timestamp(iso8601: "2023-03-20T14:27:05.315Z"))
    let incident = await EventLoader(root: folder).load(paths: ["incident_detected.json"]).events
    #expect(incident.first?.subject == "myApp")
    #expect(incident.first?.environment == "prod1")
    let ticket = await EventLoader(root: folder).load(paths: ["ticket_closed.json"]).tickets
    #expect(ticket.first?.subject == "ticket-123")
    #expect(ticket.first?.ticketType == "task")
    #expect(ticket.first?.group == "security")
    #expect(ticket.first?.labels == ["bug"])
    #expect(ticket.first?.action == .closed)
  }
}
