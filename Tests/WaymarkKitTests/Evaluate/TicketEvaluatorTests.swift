import Foundation
import StructuredData
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// Hand-computed self-service signals (window: 28 days to 2026-11-01T00:00:00Z, weeks starting
/// 10-04, 10-11, 10-18, 10-25).
@Suite struct TicketEvaluatorTests {
  typealias F = DeliveryFixture

  /// org → team-a (owns svc, created from a template) and team-b (owns web).
  static let catalog = """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: org}
    spec: {type: organization, children: [team-a, team-b]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: team-a}
    spec: {type: team, parent: org, children: []}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: team-b}
    spec: {type: team, parent: org, children: []}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: svc
      annotations: {backstage.io/source-template: template:default/go-service}
    spec: {type: service, lifecycle: production, owner: team-a}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: web}
    spec: {type: website, lifecycle: production, owner: team-b}

    """

  static func ticket(
    _ predicate: String, id: String, ticket: String, at time: String, type: String? = nil, group: String? = nil,
    labels: [String] = []
  ) -> String {
    var members: [String] = []
    if let type { members.append(#""ticketType":"\#(type)""#) }
    if let group { members.append(#""group":"\#(group)""#) }
    members.append(#""labels":[\#(labels.map { "\"\($0)\"" }.joined(separator: ","))]"#)
    return F.cdevent(
      "ticket.\(predicate).0.2.0", id: id, at: time, subject: ticket, source: "/jira",
      content: "{" + members.joined(separator: ",") + "}")
  }

  /// | ticket | team | created | type | closed | hours |
  /// | T6 | team-a | 09-20 (before the window) | request | 10-05 12:00 | 372 |
  /// | T1 | team-a (`group`) | 10-05 | request | 10-06 | 24 |
  /// | T2 | team-a (`group: Team-A`) | 10-08 12:00 | request, updated to bug | 10-10 12:00 | 48 |
  /// | T3 | team-a (label `svc`) | 10-12 | bug | 10-13 06:00 | 30 |
  /// | T4 | team-a | 10-20 | request | open | |
  /// | T5 | team-b | 10-26 | none | 10-27 | 24 |
  /// | T7 | none (`Facilities`) | 10-21 | task | open | |
  /// | T9 | team-a | 11-02, after "now": not counted | | | |
  ///
  /// svc's first event (its deployment) is 10-15, team-a's first golden-path entity. The first
  /// ticket in the exports is T6 (09-20): 25 days (3.5714 weeks) before 10-15 with 4 tickets
  /// (T6, T1, T2, T3), 17 days (2.4286 weeks) after with 1 (T4).
  static let scenario: [String] = [
    F.deployed(id: "d1", at: "2026-10-15T00:00:00Z", artifact: "a1"),
    ticket("created", id: "e6", ticket: "T6", at: "2026-09-20T00:00:00Z", type: "request", group: "team-a"),
    ticket("closed", id: "e6c", ticket: "T6", at: "2026-10-05T12:00:00Z", type: "request", group: "team-a"),
    ticket("closed", id: "e1c", ticket: "T1", at: "2026-10-06T00:00:00Z", type: "request", group: "team-a"),
    ticket("created", id: "e1", ticket: "T1", at: "2026-10-05T00:00:00Z", type: "request", group: "team-a"),
    ticket("created", id: "e1", ticket: "T1", at: "2026-10-05T00:00:00Z", type: "request", group: "team-a"),
    ticket("created", id: "e2", ticket: "T2", at: "2026-10-08T14:00:00+02:00", type: "request", group: "Team-A"),
    ticket("updated", id: "e2u", ticket: "T2", at: "2026-10-09T00:00:00Z", type: "bug"),
    ticket("closed", id: "e2c", ticket: "T2", at: "2026-10-10T12:00:00Z"),
    ticket("created", id: "e3", ticket: "T3", at: "2026-10-12T00:00:00Z", type: "bug", labels: ["customer", "svc"]),
    ticket("closed", id: "e3c", ticket: "T3", at: "2026-10-13T06:00:00Z", type: "bug", labels: ["customer", "svc"]),
    ticket(
      "created", id: "e4", ticket: "T4", at: "2026-10-20T00:00:00Z", type: "request", group: "group:default/team-a"),
    ticket("created", id: "e5", ticket: "T5", at: "2026-10-26T00:00:00Z", group: "team-b"),
    ticket("closed", id: "e5c", ticket: "T5", at: "2026-10-27T00:00:00Z", group: "team-b"),
    ticket(
      "created", id: "e7", ticket: "T7", at: "2026-10-21T00:00:00Z", type: "task", group: "Facilities",
      labels: ["office"]),
    ticket("created", id: "e9", ticket: "T9", at: "2026-11-02T00:00:00Z", type: "request", group: "team-a"),
  ]

  func build(_ lines: [String]) async throws -> BuildResult {
    try await F.build(["content/events/all.jsonl": lines.joined(separator: "\n") + "\n"], catalog: Self.catalog)
  }

  @Test func countsTicketsPerTeamWeekAndType() async throws {
    let result = try await build(Self.scenario)
    #expect(DiagnosticFormat.text.format(result.diagnostics) == "")
    let tickets = try #require(try F.json(result, "api/dora.json")["tickets"])
    let teamA = try #require(tickets["groups"]?["group:default/team-a"])
    #expect(teamA["created"] == 4)
    #expect(teamA["closed"] == 4)
    #expect(teamA["open"] == 1)
    // [24, 30, 48, 372]: the open T4 is left out, T6 (created before the window) is in.
    #expect(teamA["medianHoursToClose"] == 39.0)
    #expect(teamA["closeTimes"] == 4)
    #expect(teamA["byType"] == ["request": 2, "bug": 2])
    #expect(teamA["byLabel"] == ["customer": 1, "svc": 1])
    let weekly = try #require(teamA["weekly"]?.arrayValue)
    #expect(
      weekly.map { $0["start"]?.stringValue ?? "" } == [
        "2026-10-04T00:00:00Z", "2026-10-11T00:00:00Z", "2026-10-18T00:00:00Z", "2026-10-25T00:00:00Z",
      ])
    #expect(weekly.map { $0["created"]?.intValue ?? -1 } == [2, 1, 1, 0])
    #expect(weekly.map { $0["closed"]?.intValue ?? -1 } == [3, 1, 0, 0])
    #expect(weekly.map { $0["byType"] ?? .null } == [["request": 1, "bug": 1], ["bug": 1], ["request": 1], [:]])

    let teamB = try #require(tickets["groups"]?["group:default/team-b"])
    #expect(teamB["created"] == 1 && teamB["closed"] == 1 && teamB["open"] == 0)
    #expect(teamB["medianHoursToClose"] == 24.0)
    #expect(teamB["byType"] == ["unspecified": 1])

    // The parent group pools its teams; the org also has the ticket that names no team.
    let parent = try #require(tickets["groups"]?["group:default/org"])
    #expect(parent["created"] == 5 && parent["closed"] == 5 && parent["open"] == 1)
    #expect(parent["medianHoursToClose"] == 30.0)
    let org = try #require(tickets["org"])
    #expect(org["created"] == 6 && org["closed"] == 5 && org["open"] == 2)
    #expect(org["medianHoursToClose"] == 30.0)
    #expect(org["byType"] == ["request": 2, "bug": 2, "task": 1, "unspecified": 1])
    #expect(tickets["unassigned"] == 1)
    #expect(tickets["count"] == 7)

    let counts = try F.json(result, "api/build.json")["counts"]?["events"]
    #expect(counts?["tickets"] == 14)
    #expect(counts?["duplicates"] == 1)
    #expect(counts?["ignored"] == 0)
  }

  @Test func splitsTicketsBeforeAndAfterTheFirstGoldenPathEntity() async throws {
    let result = try await build(Self.scenario)
    let tickets = try #require(try F.json(result, "api/dora.json")["tickets"])
    let expected: JSONValue = [
      "firstEntityAt": "2026-10-15T00:00:00Z", "ticketsBefore": 4, "weeksBefore": 3.5714, "perWeekBefore": 1.12,
      "ticketsAfter": 1, "weeksAfter": 2.4286, "perWeekAfter": 0.4118,
    ]
    #expect(tickets["groups"]?["group:default/team-a"]?["goldenPath"] == expected)
    #expect(
      tickets["groups"]?["group:default/team-b"]?["goldenPath"] == [
        "firstEntityAt": nil, "ticketsBefore": nil, "weeksBefore": nil, "perWeekBefore": nil,
        "ticketsAfter": nil, "weeksAfter": nil, "perWeekAfter": nil,
      ])
    // The org: T6, T1, T2 and T3 before 10-15; T4, T5 and T7 after.
    #expect(tickets["org"]?["goldenPath"]?["firstEntityAt"] == "2026-10-15T00:00:00Z")
    #expect(tickets["org"]?["goldenPath"]?["ticketsBefore"] == 4)
    #expect(tickets["org"]?["goldenPath"]?["ticketsAfter"] == 3)
  }

  @Test func theDashboardShowsATableOfTeams() async throws {
    let result = try await build(Self.scenario)
    let page = try #require(result.files.first { $0.path == "dora/index.html" })
    let html = String(decoding: page.bytes, as: UTF8.self)
    #expect(html.contains("Self-service signals: tickets"))
    #expect(html.contains("<td>Organisation</td>"))
    #expect(html.contains("<td>4</td><td>4</td><td>1</td><td>39 h</td><td>bug 2, request 2</td>"))
    #expect(html.contains("<td>2026-10-15</td><td>1.12</td><td>0.41</td>"))
    #expect(html.contains("Tickets that name no team: 1."))
  }

  @Test func withoutTicketsTheFiguresAreNoData() async throws {
    let result = try await build([Self.scenario[0]])
    let tickets = try #require(try F.json(result, "api/dora.json")["tickets"])
    #expect(tickets["org"]?["created"] == 0)
    #expect(tickets["org"]?["medianHoursToClose"] == .null)
    #expect(tickets["groups"]?["group:default/team-a"]?["goldenPath"]?["firstEntityAt"] == "2026-10-15T00:00:00Z")
    #expect(tickets["groups"]?["group:default/team-a"]?["goldenPath"]?["perWeekBefore"] == .null)
    let page = try #require(result.files.first { $0.path == "dora/index.html" })
    #expect(!String(decoding: page.bytes, as: UTF8.self).contains("Self-service signals"))
  }

  @Test func anUnknownTicketPredicateIsAnUnknownType() async throws {
    let result = try await build([Self.ticket("reopened", id: "x", ticket: "T1", at: "2026-10-05T00:00:00Z")])
    let counts = try F.json(result, "api/build.json")["counts"]?["events"]
    #expect(counts?["unknownTypes"] == ["dev.cdevents.ticket.reopened.0.2.0": 1])
    #expect(counts?["tickets"] == 0)
  }
}
