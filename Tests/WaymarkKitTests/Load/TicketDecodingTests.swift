import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Ticket events decode with the same scanner as delivery events, in every record shape.
@Suite struct TicketDecodingTests {
  static let created = TicketEvaluatorTests.ticket(
    "created", id: "t1", ticket: "OPS-1", at: "2026-10-05T00:00:00Z", type: "request", group: "team-a",
    labels: ["svc", "db"])

  @Test func readsBareAndCloudEventTicketsAndCountsDuplicatesAcrossChunks() async throws {
    let wrapped =
      #"{"specversion":"1.0","id":"t2","source":"/jira","type":"dev.cdevents.ticket.closed.0.2.0","time":"2026-10-06T00:00:00Z","data":\#(Self.created.replacingOccurrences(of: "\"t1\"", with: "\"t2\"").replacingOccurrences(of: "ticket.created", with: "ticket.closed"))}"#
    let lines = Array(repeating: Self.created, count: 40) + [wrapped]
    let root = try SiteFixture.make(["tickets.jsonl": lines.joined(separator: "\n") + "\n"])
    let result = await EventLoader(root: root, chunkBytes: 1024).load(paths: ["tickets.jsonl"])
    #expect(result.diagnostics.isEmpty)
    #expect(result.records == 41)
    #expect(result.duplicates == 39)
    #expect(result.events.isEmpty && result.ignored == 0)
    #expect(result.tickets.map(\.action) == [.created, .closed])
    #expect(result.tickets.map(\.ticketType) == ["request", "request"])
    #expect(result.tickets.map(\.labels) == [["svc", "db"], ["svc", "db"]])
    // Both events are of the same ticket (source and subject id).
    #expect(Set(result.tickets.map(\.ticket)).count == 1)
    // The CDEvent's own `context.timestamp` counts, not the CloudEvent's `time`.
    #expect(result.newest == Timestamp(iso8601: "2026-10-05T00:00:00Z"))
  }

  @Test func aTicketWithoutASubjectIdIsInvalid() async throws {
    let line = Self.created.replacingOccurrences(of: #""id":"OPS-1","#, with: "")
    let root = try SiteFixture.make(["tickets.jsonl": line + "\n"])
    let result = await EventLoader(root: root).load(paths: ["tickets.jsonl"])
    #expect(result.malformed == 1)
    #expect(result.diagnostics.map(\.message) == ["missing subject.id"])
  }
}
