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
      OutputFile(path: SitePaths.entityJSON(entity.ref), bytes: writer.bytes(for: model.apiValue(for: entity)))
    }
  }

  /// The site-wide API files: the catalog, delivery metrics, docs sites, policy results, schemas.
  package func siteFiles() -> [OutputFile] {
    siteFileGroups.flatMap { $0.files(for: KeepingSink()) }
  }

  /// `siteFiles()` in groups, each made when called, so a caller can hand over one group (the
  /// catalog, the policy results: tens of megabytes at scale) before making the next; each with
  /// the key of what it is made from (`RenderInput.groupKey`) when the input has keys.
  package var siteFileGroups: [SiteRenderer.FileGroup] {
    let input = self.input
    var groups: [SiteRenderer.FileGroup] = [
      SiteRenderer.FileGroup(key: input.groupKey("catalog") { $1.add($0.catalog) }) {
        let entities = EntityViewModel(catalog: input.catalog)
        let all = input.catalog.entities
        // Written an entity at a time: the whole catalog as values would be held beside the pages.
        let bytes = JSONWriter(pretty: true).bytes(
          for: ["external": entities.externalValue()], streaming: "entities", count: all.count,
          element: { entities.apiValue(for: all[$0]) })
        return [OutputFile(path: "api/catalog.json", bytes: bytes)]
      }
    ]
    if let delivery = input.delivery {
      let key = input.groupKey("delivery") { keys, hasher in
        hasher.add(keys.delivery != nil)
        if let delivery = keys.delivery { hasher.add(delivery) }
      }
      groups.append(
        SiteRenderer.FileGroup(key: input.inputKeys?.delivery == nil ? nil : key) {
          let writer = JSONWriter(pretty: true)
          return [
            OutputFile(path: "api/dora.json", bytes: writer.bytes(for: delivery.value)),
            OutputFile(path: "api/events-unmapped.json", bytes: writer.bytes(for: delivery.unmappedValue)),
          ]
        })
    }
    groups += [
      // Each docs site's file is keyed on its own (`DocsAPIRenderer.files(for:)`).
      SiteRenderer.FileGroup(claimingEach: { DocsAPIRenderer(input: input).files(for: $0) }),
      SiteRenderer.FileGroup(
        // No policy-results file shows an entity's description.
        key: input.groupKey("guardrails") {
          $1.add($0.catalogLessDescriptions)
          $1.add($0.guardrailsLessDescriptions)
        }
      ) { GuardrailResultsRenderer(results: input.guardrails, catalog: input.catalog).files() },
      SiteRenderer.FileGroup(
        key: input.groupKey("explorer") {
          $1.add($0.catalog)
          $1.add($0.scorecards)
        }
      ) { CatalogExplorerModel(catalog: input.catalog, scorecards: input.scorecards).shardFiles() },
      SiteRenderer.FileGroup(key: input.groupKey("schemas") { _, _ in }) {
        APISchemaRenderer.files() + InputSchemaRenderer.files()
      },
    ]
    return groups
  }
}
