import StructuredData

/// Turns loaded catalog documents into the `Catalog`: entity references, duplicates, relations.
///
/// Unlike Backstage, a reference to a missing entity is an error at the exact field, with a
/// "did you mean" hint, and a duplicate entity names both files.
public struct CatalogBuilder: Sendable {
  /// Creates a builder.
  public init() {}

  /// The catalog built from `documents`, with every problem found.
  public func build(_ documents: [CatalogDocument]) -> (Catalog, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var entities: [Entity] = []
    var firstSeen: [EntityRef: EntitySource] = [:]
    for document in documents {
      let source = EntitySource(path: document.path, line: document.line, sourceMap: document.sourceMap)
      guard let ref = EntityEnvelopeValidator().validate(document.value, source: source, into: &diagnostics) else {
        continue
      }
      if let first = firstSeen[ref] {
        diagnostics.append(
          .error(
            "catalog.duplicate-entity", "entity '\(ref)' is defined more than once",
            at: source.location(of: ValuePath(keys: "metadata", "name")),
            notes: [DiagnosticNote("first defined here", at: first.location(of: ValuePath(keys: "metadata", "name")))]))
        continue
      }
      firstSeen[ref] = source
      entities.append(Entity(ref: ref, document: document.value, source: source))
    }
    let known = Catalog(entities: entities)
    return (relate(known, into: &diagnostics), diagnostics)
  }

  /// Adds both directions of every relation; dangling and malformed references are errors.
  private func relate(_ catalog: Catalog, into diagnostics: inout [Diagnostic]) -> Catalog {
    var relations: [EntityRef: Set<Relation>] = [:]
    let namesByKind = Dictionary(grouping: catalog.entities.map(\.ref), by: { $0.kind.lowercased() })
    for entity in catalog.entities {
      let kind = entity.ref.kind.lowercased()
      for rule in RelationRule.builtin where rule.kinds.contains(kind) {
        for (path, text) in references(in: entity, rule: rule, into: &diagnostics) {
          let location = entity.source.location(of: path)
          guard let target = EntityRef(parsing: text, defaultKind: rule.defaultKind, defaultNamespace: entity.ref.namespace)
          else {
            let reason = rule.defaultKind == nil ? "; the kind must be written, e.g. 'resource:\(text)'" : ""
            diagnostics.append(
              .error("catalog.bad-ref", "\(path) '\(text)' is not a valid entity reference\(reason)", at: location))
            continue
          }
          guard catalog[target] != nil else {
            var message = "\(path) '\(target)' does not exist"
            let candidates = (namesByKind[target.kind.lowercased()] ?? []).map(\.canonical)
            if let suggestion = NameSuggester.closest(to: target.canonical, among: candidates) {
              message += "; did you mean '\(suggestion)'?"
            }
            diagnostics.append(
              .error("catalog.dangling-ref", message, at: location, notes: [DiagnosticNote("in entity '\(entity.ref)'")]))
            continue
          }
          relations[entity.ref, default: []].insert(Relation(type: rule.outgoing, target: target))
          relations[target, default: []].insert(Relation(type: rule.incoming, target: entity.ref))
        }
      }
    }
    return Catalog(
      entities: catalog.entities.map { entity in
        var related = entity
        related.relations = (relations[entity.ref] ?? []).sorted()
        return related
      })
  }

  /// The reference strings a rule's field holds, with their paths; wrong shapes are errors.
  private func references(in entity: Entity, rule: RelationRule, into diagnostics: inout [Diagnostic]) -> [(
    ValuePath, String
  )] {
    let path = ValuePath(keys: "spec", rule.field)
    guard let value = entity.document.value(at: ["spec", rule.field]), !value.isNull else { return [] }
    if !rule.isList {
      if let text = value.stringValue { return [(path, text)] }
      diagnostics.append(
        .error("catalog.wrong-type", "\(path) must be a string, found \(value.typeName)", at: entity.source.location(of: path)))
      return []
    }
    guard let elements = value.arrayValue else {
      diagnostics.append(
        .error("catalog.wrong-type", "\(path) must be a list of strings, found \(value.typeName)", at: entity.source.location(of: path)))
      return []
    }
    var found: [(ValuePath, String)] = []
    for (index, element) in elements.enumerated() {
      let elementPath = path.appending(index: index)
      if let text = element.stringValue {
        found.append((elementPath, text))
      } else {
        diagnostics.append(
          .error(
            "catalog.wrong-type", "\(elementPath) must be a string, found \(element.typeName)",
            at: entity.source.location(of: elementPath)))
      }
    }
    return found
  }
}
