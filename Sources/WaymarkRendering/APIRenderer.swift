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
    let writer = JSONWriter(pretty: true)
    let entities = EntityViewModel(catalog: input.catalog)
    var files = [
      OutputFile(
        path: "api/catalog.json",
        text: writer.string(
          for: [
            "entities": .array(input.catalog.entities.map(entities.apiValue)), "external": entities.externalValue(),
          ]))
    ]
    if let delivery = input.delivery {
      files.append(OutputFile(path: "api/dora.json", text: writer.string(for: delivery.value)))
      files.append(OutputFile(path: "api/events-unmapped.json", text: writer.string(for: delivery.unmappedValue)))
    }
    files += DocsAPIRenderer(input: input).files()
    files += GuardrailResultsRenderer(results: input.guardrails, catalog: input.catalog).files()
    return files + APISchemaRenderer.files() + InputSchemaRenderer.files()
  }
}
