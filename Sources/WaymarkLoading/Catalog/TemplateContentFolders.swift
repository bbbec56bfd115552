import StructuredData
import WaymarkModel

/// The folders Software Templates fetch their content from: the `input.url` of each
/// `fetch:template` / `fetch:plain` step (and their `:file` forms) in `spec.steps`, when it is
/// relative (`./skeleton`), resolved against the template file's folder.
///
/// That content is a template's input, rendered with the user's values: its catalog-info.yaml
/// is not an entity of this catalog, so catalog files under these folders are not read.
package enum TemplateContentFolders {
  /// The scaffolder actions that fetch a template's content.
  package static let fetchActions: Set<String> = [
    "fetch:template", "fetch:plain", "fetch:template:file", "fetch:plain:file",
  ]

  /// The root-relative folders (or files) the Templates among `documents` fetch, sorted.
  package static func folders(in documents: [CatalogDocument]) -> [String] {
    var found = Set<String>()
    for document in documents where isTemplate(document.value) {
      for step in document.value.value(at: ["spec", "steps"])?.arrayValue ?? [] {
        guard let action = step["action"]?.stringValue, fetchActions.contains(action),
          let url = step["input"]?["url"]?.stringValue, let folder = resolve(url, besideFile: document.path)
        else { continue }
        // A fetch of the template's own folder (`./`) would hide the template itself.
        guard !contains([folder], document.path) else { continue }
        found.insert(folder)
      }
    }
    return found.sorted()
  }

  /// Whether `path` is one of `folders` or inside one.
  package static func contains(_ folders: [String], _ path: String) -> Bool {
    folders.contains { folder in folder.isEmpty || path == folder || path.hasPrefix(folder + "/") }
  }

  private static func isTemplate(_ value: JSONValue) -> Bool {
    value["kind"]?.stringValue?.lowercased() == "template"
      && value["apiVersion"]?.stringValue?.hasPrefix("scaffolder.backstage.io/") == true
  }

  /// `./skeleton` beside `templates/service/template.yaml` → `templates/service/skeleton`; a part
  /// holding a placeholder (`./${{ parameters.lang }}`) ends the folder before it. URLs and
  /// absolute paths are not in the site.
  private static func resolve(_ url: String, besideFile file: String) -> String? {
    guard !url.contains("://"), !url.hasPrefix("/") else { return nil }
    let segments = url.split(separator: "/", omittingEmptySubsequences: false).prefix { !$0.contains("${{") }
    guard !segments.isEmpty else { return nil }
    return RootPath.resolve(segments.joined(separator: "/"), besideFile: file)
  }
}
