import StructuredData
import WaymarkModel

/// Writes the machine-readable JSON API under `api/` from the same view models as the pages.
package struct APIRenderer {
  package let input: RenderInput

  package func files() -> [OutputFile] {
    let writer = JSONWriter(pretty: true)
    let entities = EntityViewModel(catalog: input.catalog)
    var files = [
      OutputFile(
        path: "api/catalog.json",
        text: writer.string(for: ["entities": .array(input.catalog.entities.map(entities.apiValue))]))
    ]
    for entity in input.catalog.entities {
      files.append(OutputFile(path: SitePaths.entityJSON(entity.ref), text: writer.string(for: entities.apiValue(for: entity))))
    }
    if let delivery = input.delivery {
      files.append(OutputFile(path: "api/dora.json", text: writer.string(for: delivery.value)))
      files.append(OutputFile(path: "api/events-unmapped.json", text: writer.string(for: delivery.unmappedValue)))
    }
    files += DocsAPIRenderer(input: input).files()
    files += GuardrailResultsRenderer(results: input.guardrails, catalog: input.catalog).files()
    return files + APISchemaRenderer.files() + InputSchemaRenderer.files()
  }
}
