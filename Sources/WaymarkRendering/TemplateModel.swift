import StructuredData
import WaymarkModel
import WaymarkScorecards

/// Golden paths: Templates with their parameters and steps, and the entities created from them.
package struct TemplateModel {
  package let catalog: Catalog

  /// Entities whose `backstage.io/source-template` names `template`.
  package func adopters(of template: EntityRef) -> [Entity] {
    catalog.entities.filter { entity in
      guard let text = entity.document.value(at: ["metadata", "annotations", ScorecardRollup.sourceTemplateAnnotation])?.stringValue,
        let ref = EntityRef(parsing: text, defaultKind: "Template", defaultNamespace: entity.ref.namespace)
      else { return false }
      return ref == template
    }
  }

  package func model(for entity: Entity, root: String) -> JSONValue {
    let spec = entity.document["spec"]
    var parameters: [JSONValue] = []
    let groups = spec?["parameters"]?.arrayValue ?? (spec?["parameters"].map { [$0] } ?? [])
    for group in groups {
      let required = Set(group["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
      for (name, property) in (group["properties"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
        parameters.append([
          "name": .string(name), "title": property["title"] ?? .string(name),
          "type": property["type"] ?? .string("string"), "required": .bool(required.contains(name)),
          "description": property["description"] ?? .null,
        ])
      }
    }
    let steps: [JSONValue] = (spec?["steps"]?.arrayValue ?? []).map { step in
      ["id": step["id"] ?? .null, "name": step["name"] ?? step["id"] ?? .string("step"), "action": step["action"] ?? .null]
    }
    let adopters = adopters(of: entity.ref)
    return [
      "ref": .string(entity.ref.canonical), "title": .string(entity.title), "url": .string(root + SitePaths.entityPage(entity.ref)),
      "description": entity.description.map(JSONValue.string) ?? .null,
      "parameters": .array(parameters), "steps": .array(steps),
      "adoption": .int(Int64(adopters.count)),
      "adopters": .array(adopters.map { EntityViewModel(catalog: catalog).link(to: $0.ref, root: root) }),
    ]
  }

  /// The golden paths page: every Template.
  package func page(root: String) -> [String: JSONValue] {
    let templates = catalog.entities.filter { $0.ref.kind.lowercased() == "template" }.map { model(for: $0, root: root) }
    return ["templates": .array(templates), "hasTemplates": .bool(!templates.isEmpty)]
  }
}
