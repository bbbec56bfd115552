import Foundation
import FuzzSupport
import WaymarkCatalog
import WaymarkLoading

/// The catalog: one `catalog-info.yaml` in, read by the catalog loader (Locations and
/// `$text`/`$json`/`$yaml` substitutions included, inside a small site) and validated into a
/// catalog; diagnostics out. No file outside the site may ever be read.
let site = FuzzSite([
  "openapi.yaml": "openapi: 3.0.0\ninfo: {title: Payments, version: 1.0.0}\npaths: {}\n",
  "schema.json": "{\"type\": \"object\", \"properties\": {\"id\": {\"$ref\": \"#/definitions/id\"}}}\n",
  "templates/service/template.yaml": FuzzSite.catalogYAML,
  "catalog-info.yaml": "",
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalog(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzInput.bytes(data, size)
  site.write(bytes, to: "catalog-info.yaml")
  let root = site.root
  let files = site.files
  let (loaded, diagnostics) = BlockingWait.value {
    let loaded = await CatalogLoader(root: root).load(paths: ["catalog-info.yaml"], available: files)
    let (_, diagnostics) = CatalogBuilder().build(loaded.documents)
    return (loaded, loaded.diagnostics + diagnostics)
  }
  for file in loaded.files where file.path.hasPrefix("/") || file.path.split(separator: "/").contains("..") {
    fatalError("the catalog loader read \(file.path), outside the site root")
  }
  DiagnosticInvariants.check(diagnostics, path: "catalog-info.yaml", bytes: bytes)
  return FuzzInput.keep
}
