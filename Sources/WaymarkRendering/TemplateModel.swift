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

  package func model(for entity: Entity, root: String) -> GoldenPath {
    let spec = entity.document["spec"]
    var parameters: [GoldenPath.Parameter] = []
    let groups = spec?["parameters"]?.arrayValue ?? (spec?["parameters"].map { [$0] } ?? [])
    for group in groups {
      let required = Set(group["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
      for (name, property) in (group["properties"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
        parameters.append(
          GoldenPath.Parameter(
            name: name, title: TemplateScalar(property["title"] ?? .string(name)),
            type: TemplateScalar(property["type"] ?? .string("string")), required: required.contains(name),
            description: TemplateScalar.present(property["description"])))
      }
    }
    let steps = (spec?["steps"]?.arrayValue ?? []).map { step in
      GoldenPath.Step(
        id: TemplateScalar.present(step["id"]), name: TemplateScalar(step["name"] ?? step["id"] ?? .string("step")),
        action: TemplateScalar.present(step["action"]))
    }
    let adopters = adopters(of: entity.ref)
    return GoldenPath(
      ref: entity.ref.canonical, title: entity.title, url: root + SitePaths.entityPage(entity.ref),
      description: entity.description, parameters: parameters, steps: steps, adoption: adopters.count,
      adopters: adopters.map { EntityLink(to: $0.ref, in: catalog, root: root) })
  }

  /// The golden paths page: every Template.
  package func page(root: String) -> GoldenPathsPage {
    let templates = catalog.entities.filter { $0.ref.kind.lowercased() == "template" }.map { model(for: $0, root: root) }
    return GoldenPathsPage(templates: templates, hasTemplates: !templates.isEmpty)
  }
}
