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
        let findings = guardrails.fact(for: ref)["findings"]?.arrayValue ?? []
        let files = Set(findings.compactMap { $0["input"]?["path"]?.stringValue })
        return files.isEmpty ? nil : .array(files.sorted().map(JSONValue.string))
      }
  }
}
