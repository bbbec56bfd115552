import StructuredData
import WaymarkLoading
import WaymarkModel

/// Turns loaded catalog documents into the `Catalog`: validation, duplicates, relations, group cycles.
///
/// Unlike Backstage, a reference to a missing entity is an error (or, with
/// `catalog.danglingRefs: warning`, a warning) at the exact field, with a "did you mean" hint,
/// unless `catalog.external` names it as provided outside the repository; a duplicate entity
/// names both files, and a cycle in the group tree is an error.
public struct CatalogBuilder: Sendable {
  /// What a build produced.
  public struct Output: Sendable {
    /// Every valid entity with its relations and the external entities it refers to.
    public var catalog: Catalog
    /// Every problem found.
    public var diagnostics: [Diagnostic]
    /// The missing target of each `catalog.dangling-ref` diagnostic, by its index in `diagnostics`.
    public var danglingTargets: [Int: EntityRef]
  }

  /// The `catalog:` settings.
  public let settings: CatalogSettings

  /// Creates a builder.
  public init(settings: CatalogSettings = CatalogSettings()) {
    self.settings = settings
  }

  /// The catalog built from `documents`, with every problem found.
  public func build(_ documents: [CatalogDocument]) -> (Catalog, [Diagnostic]) {
    let output = buildOutput(documents)
    return (output.catalog, output.diagnostics)
  }

  /// The catalog built from `documents`, with every problem found and the dangling targets.
  public func buildOutput(_ documents: [CatalogDocument]) -> Output {
    var diagnostics: [Diagnostic] = []
    var entities: [Entity] = []
    var builtin = Set<EntityRef>()
    var firstSeen: [EntityRef: EntitySource] = [:]
    entities.reserveCapacity(documents.count)
    let validator = EntityValidator()
    for document in documents {
      guard let validated = validator.validate(document, into: &diagnostics) else { continue }
      let ref = validated.ref
      let source = EntitySource(
        path: document.path, line: document.line, sourceMap: document.sourceMap,
        fetchedSHA256: document.fetchedSHA256)
      let name = ValuePath(keys: "metadata", "name")
      if let first = firstSeen[ref] {
        diagnostics.append(
          .error(
            .catalogDuplicateEntity, "entity '\(ref)' is defined more than once; first in \(first.path)",
            at: source.location(of: name), notes: [DiagnosticNote("first defined here", at: first.location(of: name))]))
        continue
      }
      firstSeen[ref] = source
      if validated.schema != nil { builtin.insert(ref) }
      entities.append(Entity(ref: ref, document: document.value, source: source))
    }
    let known = Catalog(entities: entities)
    var dangling: [Int: EntityRef] = [:]
    let related = relate(known, builtin: builtin, into: &diagnostics, dangling: &dangling)
    diagnostics += groupCycles(in: related)
    return Output(catalog: related, diagnostics: diagnostics, danglingTargets: dangling)
  }

  /// Adds both directions of every relation, and the outgoing one to external entities;
  /// dangling and malformed references are reported.
  private func relate(
    _ catalog: Catalog, builtin: Set<EntityRef>, into diagnostics: inout [Diagnostic], dangling: inout [Int: EntityRef]
  ) -> Catalog {
    // Arrays rather than sets, one per entity by position: only the target is hashed per
    // relation; each list is sorted and de-duplicated once at the end, as Backstage's stitching
    // does (SELECT DISTINCT … ORDER BY).
    var relations = Array(repeating: [Relation](), count: catalog.entities.count)
    var externalRelations = Array(repeating: [Relation](), count: catalog.entities.count)
    var referrers: [EntityRef: Set<EntityRef>] = [:]
    let positions = Dictionary(
      catalog.entities.enumerated().map { ($1.ref, $0) }, uniquingKeysWith: { first, _ in first })
    // Candidates for "did you mean", by kind, with their lengths: NameSuggester allows at most
    // three edits, so only names within three characters of the missing one are compared.
    let namesByKind = Dictionary(grouping: catalog.entities.map { ($0.ref.canonical, $0.ref.canonical.count) }) {
      name, _ in
      String(name.prefix { $0 != ":" })
    }
    let rulesByKind = Dictionary(
      grouping: RelationRule.builtin.flatMap { rule in rule.kinds.map { ($0, rule) } }, by: \.0
    )
    .mapValues { $0.map(\.1) }
    // Many references often miss the same entity; its suggestion is worked out once.
    var suggestions: [EntityRef: String?] = [:]
    for (position, entity) in catalog.entities.enumerated() where builtin.contains(entity.ref) {
      for rule in rulesByKind[entity.ref.kind.lowercased()] ?? [] {
        for (index, text) in references(in: entity, rule: rule) {
          var path: ValuePath {
            let field = ValuePath(keys: "spec", rule.field)
            return index.map { field.appending(index: $0) } ?? field
          }
          // Locations and notes are only worked out for problems: this loop runs for every reference.
          guard
            let target = EntityRef(parsing: text, defaultKind: rule.defaultKind, defaultNamespace: entity.ref.namespace)
          else {
            let reason = rule.defaultKind == nil ? "; the kind must be written, e.g. 'resource:\(text)'" : ""
            diagnostics.append(
              .error(
                .catalogBadRef, "\(path) '\(text)' is not a valid entity reference\(reason)",
                at: entity.source.location(of: path),
                notes: [DiagnosticNote("in entity '\(entity.ref)'")]))
            continue
          }
          guard let targetPosition = positions[target] else {
            if settings.externalPattern(matching: target) != nil {
              externalRelations[position].append(Relation(type: rule.outgoing, target: target))
              referrers[target, default: []].insert(entity.ref)
              continue
            }
            var message = "\(path) '\(target)' does not exist"
            if let suggestion = suggestion(for: target, namesByKind: namesByKind, cache: &suggestions) {
              message += "; did you mean '\(suggestion)'?"
            }
            dangling[diagnostics.count] = target
            diagnostics.append(
              Diagnostic(
                settings.danglingRefs, code: .catalogDanglingRef, message: message,
                location: entity.source.location(of: path), notes: [DiagnosticNote("in entity '\(entity.ref)'")]))
            continue
          }
          relations[position].append(Relation(type: rule.outgoing, target: target))
          relations[targetPosition].append(Relation(type: rule.incoming, target: entity.ref))
        }
      }
    }
    return Catalog(
      entities: catalog.entities.enumerated().map { position, entity in
        var related = entity
        var unique: [Relation] = []
        for relation in relations[position].sorted() where unique.last != relation {
          unique.append(relation)
        }
        related.relations = unique
        related.externalRelations = Array(Set(externalRelations[position])).sorted()
        return related
      },
      external: referrers.map { ExternalEntity(ref: $0.key, referrers: $0.value.sorted()) })
  }

  /// The nearest existing name of the kind `target` has, worked out once per missing target.
  private func suggestion(
    for target: EntityRef, namesByKind: [String: [(String, Int)]], cache: inout [EntityRef: String?]
  ) -> String? {
    if let known = cache[target] { return known }
    let length = target.canonical.count
    let candidates = (namesByKind[target.kind.lowercased()] ?? []).compactMap { name, count in
      abs(count - length) <= 3 ? name : nil
    }
    let found = NameSuggester.closest(to: target.canonical, among: candidates)
    cache[target] = .some(found)
    return found
  }

  /// The reference strings a rule's field holds, with their list index (nil for a single
  /// reference). Wrong shapes were reported by the kind's schema and are skipped here.
  private func references(in entity: Entity, rule: RelationRule) -> [(Int?, String)] {
    guard case .object(let spec) = entity.document["spec"], let value = spec[rule.field] else { return [] }
    if !rule.isList {
      return value.stringValue.map { [(nil, $0)] } ?? []
    }
    return (value.arrayValue ?? []).enumerated().compactMap { index, element in
      element.stringValue.map { (index, $0) }
    }
  }

  /// One error per cycle in the group tree, at the field of its first group that closes it.
  private func groupCycles(in catalog: Catalog) -> [Diagnostic] {
    catalog.groupHierarchy.cycles().compactMap { found in
      // A cycle through an external group is reported at its first group written here.
      guard let start = found.firstIndex(where: catalog.contains) else { return nil }
      let cycle = Array(found[start...] + found[..<start])
      let first = cycle[0]
      guard let group = catalog[first] else { return nil }
      let next = cycle.count > 1 ? cycle[1] : first
      var location = group.source.location(of: ValuePath(keys: "spec", "parent"))
      if group.document.value(at: ["spec", "parent"]) == nil, let parent = catalog[next],
        let index = parent.document.value(at: ["spec", "children"])?.arrayValue?.firstIndex(where: { element in
          element.stringValue.flatMap { EntityRef(parsing: $0, defaultKind: "Group", defaultNamespace: next.namespace) }
            == first
        })
      {
        location = parent.source.location(of: ValuePath(keys: "spec", "children").appending(index: index))
      }
      let chain = (cycle + [first]).map(\.canonical).joined(separator: " → ")
      return .error(
        .catalogGroupCycle, "the group hierarchy has a cycle: \(chain)", at: location,
        notes: [DiagnosticNote("in entity '\(first)'")])
    }
  }
}
