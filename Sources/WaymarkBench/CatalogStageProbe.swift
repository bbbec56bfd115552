import Foundation
import StructuredData
import WaymarkCatalog
import WaymarkLoading
import WaymarkModel

/// Times the catalog stage of a build the way `SiteBuilder` runs it: find the inputs with the
/// site's globs, read and parse them (`CatalogLoader`), then validate and relate
/// (`CatalogBuilder`). Nothing is rendered or written.
struct CatalogStageProbe: Sendable {
  /// The site root (the folder holding `content/`).
  var root: URL

  func run() async -> ProbeReport {
    let clock = ContinuousClock()
    let start = clock.now
    let inputs = SiteInputsLoader(root: root).load()
    let stage = CatalogStage(inputs: inputs)
    let found = clock.now
    let loaded = await stage.load()
    let parsed = clock.now
    let output = stage.assemble(loaded)
    let modelled = clock.now
    let catalog = output.catalog
    let diagnostics = DiagnosticList(inputs.diagnostics + output.diagnostics)
    let relations = output.relationCount
    let bytes = loaded.files.reduce(0) { $0 + $1.bytes.count }
    var codes: [String: JSONValue] = [:]
    for diagnostic in diagnostics.items {
      codes[diagnostic.code.rawValue] = .int((codes[diagnostic.code.rawValue]?.intValue ?? 0) + 1)
    }
    return ProbeReport(
      stage: "catalog", seconds: (modelled - start).seconds,
      fields: [
        "findSeconds": .double((found - start).seconds), "loadSeconds": .double((parsed - found).seconds),
        "modelSeconds": .double((modelled - parsed).seconds),
        "files": .int(Int64(loaded.files.count)), "bytes": .int(Int64(bytes)),
        "documents": .int(Int64(loaded.documents.count)), "entities": .int(Int64(catalog.entities.count)),
        "relations": .int(Int64(relations)), "errors": .int(Int64(diagnostics.errorCount)),
        "warnings": .int(Int64(diagnostics.warningCount)), "diagnosticCodes": .object(codes),
      ])
  }
}
