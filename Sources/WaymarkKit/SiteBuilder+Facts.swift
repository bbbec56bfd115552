import StructuredData
import WaymarkModel

extension SiteBuilder {
  /// What the other stages know per entity, bound in scorecard expressions, with where it came from.
  public static func facts(catalog: Catalog, docs: DocsSet, delivery: DeliveryMetrics?, guardrails: GuardrailResults)
    -> EntityFacts
  {
    EntityFacts()
      .adding("dora", from: catalog) { delivery?.fact(for: $0) }
      .adding("docs", from: catalog) { docs.fact(for: $0) }
      .adding("policy", from: catalog) { guardrails.fact(for: $0) }
      .noting("docs", from: catalog) { ref in
        docs.site(for: ref).map { site -> JSONValue in
          ["folder": .string(site.folder), "pages": .int(Int64(site.pages.count))]
        }
      }
      .noting("dora", from: catalog) { ref in
        // The window alone, never `delivery.value`: that builds the whole metrics table.
        guard let delivery, let metrics = delivery.fact(for: ref) else { return nil }
        return ["window": delivery.window.value, "events": metrics["events"] ?? .null]
      }
      .noting("policy", from: catalog) { ref in
        // The files of the findings the fact lists (all but passes), without building the fact.
        let findings = guardrails.findingsByEntity[ref] ?? []
        let files = Set(findings.filter { $0.result != .pass }.map(\.input.path))
        return files.isEmpty ? nil : .array(files.sorted().map(JSONValue.string))
      }
  }
}
