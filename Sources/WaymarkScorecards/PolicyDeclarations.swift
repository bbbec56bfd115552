import CEL
import Foundation
import StructuredData
import WaymarkCatalog
import WaymarkModel

/// The types of the variables policy expressions see, for `CELChecker`.
///
/// `entity` is typed from the Backstage envelope, the built-in kind schemas' `spec` members for
/// the kinds a scorecard applies to, and the fields the catalog's entities of those kinds write
/// (Backstage allows extra members). The facts have the shapes their stages give them.
package struct PolicyDeclarations: Sendable {
  /// The metadata fields Backstage defines, with their types as `EntityEnvelope` presents them.
  package static let metadata: [String: CELDeclaredType] = [
    "name": .string, "namespace": .string, "title": .string, "description": .string, "uid": .string, "etag": .string,
    "annotations": .map(.string), "labels": .map(.string), "tags": .list(.string), "links": .list(.dyn),
  ]

  /// The catalog whose entities' written fields are allowed.
  package let catalog: Catalog

  /// The declarations for expressions over entities of `kinds` (nil: every kind).
  package func declarations(kinds: Set<String>?) -> [String: CELDeclaredType] {
    let entity = entityType(kinds: kinds)
    let scorecard: CELDeclaredType = .object(["level": .nullable(.string), "score": .nullable(.double)])
    return [
      "entity": entity, "relations": .map(.list(.string)), "owner": .nullable(.dyn),
      "docs": .object(["exists": .bool, "pages": .int, "brokenLinks": .int, "words": .int]),
      "dora": .nullable(.dyn), "policy": .nullable(.dyn), "scorecards": .map(scorecard), "now": .timestamp,
    ]
  }

  /// The entity's type for `kinds`, lowercased (nil: every kind).
  package func entityType(kinds: Set<String>?) -> CELDeclaredType {
    func applies(_ kind: String) -> Bool { kinds?.contains(kind.lowercased()) ?? true }
    var metadata = Self.metadata
    var spec: [String: CELDeclaredType] = [:]
    var top: [String: CELDeclaredType] = [
      "apiVersion": .string, "kind": .string, "relations": .list(.dyn), "status": .dyn,
    ]
    for schema in EntityKindSchema.builtin where applies(schema.kind) {
      guard case .object(let members, _) = schema.spec else { continue }
      for (name, rule) in members { spec[name] = Self.type(of: rule) }
    }
    for entity in catalog.entities where applies(entity.ref.kind) {
      let document = entity.document.objectValue ?? [:]
      for key in document.keys where top[key] == nil && key != "metadata" && key != "spec" { top[key] = .dyn }
      for key in document["metadata"]?.objectValue?.keys ?? [:].keys where metadata[key] == nil { metadata[key] = .dyn }
      for key in document["spec"]?.objectValue?.keys ?? [:].keys where spec[key] == nil { spec[key] = .dyn }
    }
    top["metadata"] = .object(metadata)
    top["spec"] = .object(spec)
    return .object(top)
  }

  static func type(of rule: EntityKindSchema.Rule) -> CELDeclaredType {
    switch rule {
    case .string, .oneOf: return .string
    case .list(let element, _): return .list(type(of: element))
    case .object, .stringOrBoolean, .either: return .dyn
    }
  }

  /// The kinds an `appliesTo` limits a scorecard to, lowercased, when it names them plainly
  /// (`entity.kind == 'Component'`, `entity.kind in ['API', 'Component']`); nil otherwise.
  package static func kinds(in appliesTo: String?) -> Set<String>? {
    // An alternative or a negation may let other kinds through: then every kind is assumed.
    guard let source = appliesTo, !source.contains("||"), !source.contains("entity.kind !="), !source.contains("!(")
    else { return nil }
    var kinds = Set<String>()
    for quote in ["'", "\""] {
      let pieces = source.components(separatedBy: "entity.kind == \(quote)").dropFirst()
      for piece in pieces {
        if let name = piece.split(separator: Character(quote)).first { kinds.insert(name.lowercased()) }
      }
    }
    if let range = source.range(of: "entity.kind in ["), let end = source[range.upperBound...].firstIndex(of: "]") {
      for item in source[range.upperBound..<end].split(separator: ",") {
        kinds.insert(item.trimmingCharacters(in: .init(charactersIn: " '\"")).lowercased())
      }
    }
    return kinds.isEmpty ? nil : kinds
  }
}
