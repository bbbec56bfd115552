import StructuredData
import WaymarkModel
import WaymarkScorecards

/// Golden paths: Templates with their parameters and steps, and the entities created from them.
package struct TemplateModel {
  package let catalog: Catalog

  /// Entities whose `backstage.io/source-template` names `template`.
  package func adopters(of template: EntityRef) -> [Entity] {
    catalog.entities.filter { entity in
      guard
        let text = entity.document.value(at: ["metadata", "annotations", ScorecardRollup.sourceTemplateAnnotation])?
          .stringValue,
        let ref = EntityRef(parsing: text, defaultKind: "Template", defaultNamespace: entity.ref.namespace)
      else { return false }
      return ref == template
    }
  }

  package func model(for entity: Entity, root: String) -> GoldenPath {
    let spec = entity.document["spec"]
    let groups = spec?["parameters"]?.arrayValue ?? (spec?["parameters"].map { [$0] } ?? [])
    let pages = groups.enumerated().map { index, group in
      parameterPage(group, index: index, isList: spec?["parameters"]?.arrayValue != nil, of: entity)
    }
    let steps = (spec?["steps"]?.arrayValue ?? []).map { step in
      GoldenPath.Step(
        id: TemplateScalar.present(step["id"]), name: TemplateScalar(step["name"] ?? step["id"] ?? .string("step")),
        action: TemplateScalar.present(step["action"]), hasAction: step["action"].map { !$0.isNull } ?? false)
    }
    let adopters = adopters(of: entity.ref)
    let parameters = pages.flatMap(\.parameters)
    var model = GoldenPath(
      ref: entity.ref.canonical, title: entity.title, url: root + SitePaths.entityPage(entity.ref),
      description: entity.description, parameters: parameters, steps: steps, adoption: adopters.count,
      adopters: adopters.map { EntityLink(to: $0.ref, in: catalog, root: root) })
    model.parameterPages = pages
    model.hasParameters = !parameters.isEmpty
    model.hasSteps = !steps.isEmpty
    return model
  }

  /// One page of the form: its title and its properties in the order the file writes them.
  private func parameterPage(
    _ group: JSONValue, index: Int, isList: Bool, of entity: Entity
  ) -> GoldenPath.ParameterPage {
    let required = Set(group["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    let prefix: [ValuePath.Component] = [.key("spec"), .key("parameters")] + (isList ? [.index(index)] : [])
    let properties = (group["properties"]?.objectValue ?? [:]).map { name, property in
      let position = entity.source.sourceMap.position(of: ValuePath(prefix + [.key("properties"), .key(name)]))
      return (name: name, property: property, position: position)
    }.sorted { lhs, rhs in
      switch (lhs.position, rhs.position) {
      case (let left?, let right?) where left != right: return left < right
      default: return lhs.name < rhs.name
      }
    }
    let parameters = properties.map { name, property, _ in
      let description = TemplateScalar.present(property["description"])
      let choices = (property["enum"]?.arrayValue ?? []).map(Self.scalar)
      return GoldenPath.Parameter(
        name: name, title: TemplateScalar(property["title"] ?? .string(name)),
        type: TemplateScalar(property["type"] ?? .string("string")), required: required.contains(name),
        description: description, hasDescription: description != nil,
        widget: TemplateScalar.present(property["ui:field"]),
        choices: choices, hasChoices: !choices.isEmpty,
        defaultValue: property["default"].flatMap { $0.isNull ? nil : Self.scalar($0) })
    }
    let description = group["description"]?.stringValue ?? ""
    return GoldenPath.ParameterPage(
      title: group["title"]?.stringValue ?? "Page \(index + 1)", description: description,
      hasDescription: !description.isEmpty, parameters: parameters)
  }

  /// A scalar as it is, anything else as JSON text.
  private static func scalar(_ value: JSONValue) -> TemplateScalar {
    switch value {
    case .object, .array: return TemplateScalar(.string(JSONWriter(pretty: false).string(for: value)))
    default: return TemplateScalar(value)
    }
  }

  /// The golden paths page: every Template.
  package func page(root: String) -> GoldenPathsPage {
    let templates = catalog.entities.filter { $0.ref.kind.lowercased() == "template" }.map {
      model(for: $0, root: root)
    }
    return GoldenPathsPage(templates: templates, hasTemplates: !templates.isEmpty)
  }
}
