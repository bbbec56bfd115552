import StructuredData

/// The home page's warnings about inputs the build read but could attach to nothing: policy
/// results no entity claims, events of no known component, tickets that name no team, and event
/// records of unknown types. Each links to the page and the JSON file that list them.
///
/// Only the kinds with a count above zero, in that order.
package struct UnmappedInputsModel {
  package let input: RenderInput

  /// How many names (subjects, event types) a warning shows before "and n more".
  package static let exampleLimit = 5

  package func warnings(root: String) -> [UnmappedInput] {
    var warnings: [UnmappedInput] = []
    let unmappedResults = input.guardrails.unmapped
    if !input.guardrails.inputs.isEmpty, !unmappedResults.isEmpty {
      let files = Set(unmappedResults.map(\.input.path)).count
      let open = unmappedResults.filter(\.isOpen).count
      warnings.append(
        warning(
          "policy-results", count: unmappedResults.count,
          text:
            "\(unmappedResults.count) policy \(unmappedResults.count == 1 ? "result" : "results") (\(open) open) from "
            + "\(plural(files, "file", "files")) \(verb(unmappedResults.count, "maps", "map")) to no entity",
          url: root + "guardrails/#unmapped-heading", linkText: "Guardrails: unmapped results",
          json: root + "api/policy-results-unmapped.json", examples: []))
    }
    if let delivery = input.delivery {
      let events = delivery.unmapped.reduce(0) { $0 + $1.events }
      if events > 0 {
        warnings.append(
          warning(
            "events", count: events,
            text:
              "\(plural(events, "event", "events")) from \(plural(delivery.unmapped.count, "subject", "subjects")) \(verb(events, "maps", "map")) to no component",
            url: root + "dora/#unmapped-events", linkText: "Delivery metrics", json: root + "api/events-unmapped.json",
            examples: delivery.unmapped.sorted { ($1.events, $0.subject) < ($0.events, $1.subject) }.map {
              "\($0.subject) (\($0.events))"
            }))
      }
      let tickets = Int(delivery.tickets["unassigned"]?.intValue ?? 0)
      if tickets > 0 {
        warnings.append(
          warning(
            "tickets", count: tickets,
            text: "\(plural(tickets, "ticket", "tickets")) \(verb(tickets, "names", "name")) no team",
            url: root + "dora/#tickets-heading", linkText: "Delivery metrics: tickets", json: root + "api/dora.json",
            examples: []))
      }
    }
    let unknownTypes = (input.eventCounts?["unknownTypes"]?.objectValue ?? [:]).map {
      ($0.key, Int($0.value.intValue ?? 0))
    }
    let unknown = unknownTypes.reduce(0) { $0 + $1.1 }
    if unknown > 0 {
      warnings.append(
        warning(
          "event-types", count: unknown,
          text:
            "\(unknown) event \(unknown == 1 ? "record" : "records") of \(plural(unknownTypes.count, "type", "types")) the metrics do not know",
          url: root + "api/build.json", linkText: "Build counts (counts.events.unknownTypes)", json: nil,
          examples: unknownTypes.sorted { ($1.1, $0.0) < ($0.1, $1.0) }.map { "\($0.0) (\($0.1))" }))
    }
    return warnings
  }

  private func warning(
    _ id: String, count: Int, text: String, url: String, linkText: String, json: String?, examples: [String]
  ) -> UnmappedInput {
    UnmappedInput(
      id: id, count: count, text: text, url: url, linkText: linkText, json: json,
      examples: Array(examples.prefix(Self.exampleLimit)), hasExamples: !examples.isEmpty,
      moreExamples: examples.count > Self.exampleLimit ? examples.count - Self.exampleLimit : nil)
  }

  private func verb(_ count: Int, _ one: String, _ many: String) -> String { count == 1 ? one : many }

  /// `1 event`, `2 events`: the count with the noun that fits it.
  private func plural(_ count: Int, _ one: String, _ many: String) -> String {
    "\(count) \(count == 1 ? one : many)"
  }
}
