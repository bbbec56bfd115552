import StructuredData
import WaymarkModel

/// Writes the machine-readable JSON API under `api/` from the same view models as the pages.
package struct APIRenderer: Sendable {
  package let input: RenderInput

  /// Every file of the API: `siteFiles()` and each entity's JSON.
  package func files() -> [OutputFile] {
    entityFiles(input.catalog.entities[...]) + siteFiles()
  }

  /// `api/entities/…json` of `entities`.
  package func entityFiles(_ entities: ArraySlice<Entity>) -> [OutputFile] {
    let writer = JSONWriter(pretty: true)
    let model = EntityViewModel(catalog: input.catalog)
    return entities.map { entity in
      OutputFile(path: SitePaths.entityJSON(entity.ref), text: writer.string(for: model.apiValue(for: entity)))
    }
  }

  /// The site-wide API files: the catalog, delivery metrics, docs sites, policy results, schemas.
  package func siteFiles() -> [OutputFile] {
    siteFileGroups.flatMap { $0() }
  }

  /// `siteFiles()` in groups, each made when called, so a caller can hand over one group (the
  /// catalog, the policy results: tens of megabytes at scale) before making the next.
  package var siteFileGroups: [@Sendable () -> [OutputFile]] {
    let input = self.input
    var groups: [@Sendable () -> [OutputFile]] = [
      {
        let entities = EntityViewModel(catalog: input.catalog)
        let catalog: JSONValue = [
          "entities": .array(input.catalog.entities.map(entities.apiValue)), "external": entities.externalValue(),
        ]
        return [OutputFile(path: "api/catalog.json", text: JSONWriter(pretty: true).string(for: catalog))]
      }
    ]
    if let delivery = input.delivery {
      groups.append {
        let writer = JSONWriter(pretty: true)
        return [
          OutputFile(path: "api/dora.json", text: writer.string(for: delivery.value)),
          OutputFile(path: "api/events-unmapped.json", text: writer.string(for: delivery.unmappedValue)),
        ]
      }
    }
    groups += [
      { DocsAPIRenderer(input: input).files() },
      { GuardrailResultsRenderer(results: input.guardrails, catalog: input.catalog).files() },
      { CatalogExplorerModel(catalog: input.catalog, scorecards: input.scorecards).shardFiles() },
      { APISchemaRenderer.files() + InputSchemaRenderer.files() },
    ]
    return groups
  }
}
