import Foundation
import StructuredData
import WaymarkModel

extension RepositoryScanner {
  /// The actions whose `input.url` is a skeleton copied into new repositories, not catalog input:
  /// the built-in ones and the cookiecutter and rails modules'.
  static let fetchActions: Set<String> = [
    "fetch:template", "fetch:plain", "fetch:template:file", "fetch:plain:file", "fetch:cookiecutter", "fetch:rails",
  ]

  /// The root-relative folders (or files) Template steps copy from, sorted.
  func skeletons(_ parsed: [String: [CatalogDocument]]) -> [String] {
    var found = Set<String>()
    for (path, documents) in parsed {
      for document in documents where document.value["kind"]?.stringValue?.lowercased() == "template" {
        for step in document.value["spec"]?["steps"]?.arrayValue ?? [] {
          guard let action = step["action"]?.stringValue, Self.fetchActions.contains(action),
            let url = step["input"]?["url"]?.stringValue, !LocationResolver.isURL(url),
            let resolved = Self.resolve(url, besideFile: path)
          else { continue }
          found.insert(resolved)
        }
      }
    }
    return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// `relative` resolved against `file`'s folder, normalised; nil when it leaves the root or is the root.
  static func resolve(_ relative: String, besideFile file: String) -> String? {
    var parts = relative.hasPrefix("/") ? [] : file.split(separator: "/").dropLast().map(String.init)
    for part in relative.split(separator: "/") {
      switch part {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(String(part))
      }
    }
    return parts.isEmpty ? nil : parts.joined(separator: "/")
  }

  /// Adds a catalog document's entity, its relation references and a remote docs reference.
  func record(_ document: CatalogDocument, into scan: inout RepositoryScan) {
    let value = document.value
    guard let kind = value["kind"]?.stringValue, let name = value["metadata"]?["name"]?.stringValue else { return }
    let namespace = value["metadata"]?["namespace"]?.stringValue ?? "default"
    let entity = EntityRef(kind: kind, namespace: namespace, name: name)
    scan.defined.insert(entity)
    let docsRef = value["metadata"]?["annotations"]?["backstage.io/techdocs-ref"]?.stringValue ?? ""
    if docsRef.hasPrefix("url:") { scan.remoteDocs.append("\(entity.canonical) (\(document.path)): \(docsRef)") }
    for rule in RelationRule.builtin where rule.kinds.contains(kind.lowercased()) {
      guard let field = value["spec"]?[rule.field] else { continue }
      let written = field.arrayValue ?? [field]
      for element in written {
        let text = element.stringValue ?? JSONWriter().string(for: element)
        let ref = EntityRef(parsing: element, defaultKind: rule.defaultKind, defaultNamespace: namespace)
        scan.references.append(
          RepositoryScan.Reference(path: document.path, field: "spec.\(rule.field)", text: text, ref: ref))
      }
    }
  }
}
