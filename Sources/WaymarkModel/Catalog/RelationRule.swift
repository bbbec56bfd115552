/// A spec field that names other entities, and the relation pair it emits (Backstage's table).
public struct RelationRule: Sendable, Hashable {
  /// The kinds (lowercased) whose spec carries the field.
  public var kinds: Set<String>
  /// The field under `spec`.
  public var field: String
  /// Whether the field holds a list of references.
  public var isList: Bool
  /// The kind assumed when a reference omits it; nil means the kind must be written.
  public var defaultKind: String?
  /// The relation from the entity to the target.
  public var outgoing: String
  /// The relation from the target back to the entity.
  public var incoming: String

  /// Backstage's `BuiltinKindsEntityProcessor` rules, in its order, then the scaffolder's
  /// (`Template.spec.owner`) and the AI model module's (`AiResource` owner, system, dependsOn).
  public static let builtin: [RelationRule] = [
    RelationRule(["component", "api", "resource", "system", "domain"], "owner", false, "Group", "ownedBy", "ownerOf"),
    RelationRule(["component"], "subcomponentOf", false, "Component", "partOf", "hasPart"),
    RelationRule(["component", "api", "resource"], "system", false, "System", "partOf", "hasPart"),
    RelationRule(["system"], "domain", false, "Domain", "partOf", "hasPart"),
    RelationRule(["domain"], "subdomainOf", false, "Domain", "partOf", "hasPart"),
    RelationRule(["component"], "providesApis", true, "API", "providesApi", "apiProvidedBy"),
    RelationRule(["component"], "consumesApis", true, "API", "consumesApi", "apiConsumedBy"),
    RelationRule(["component", "resource"], "dependsOn", true, nil, "dependsOn", "dependencyOf"),
    RelationRule(["component", "resource"], "dependencyOf", true, nil, "dependencyOf", "dependsOn"),
    RelationRule(["user"], "memberOf", true, "Group", "memberOf", "hasMember"),
    RelationRule(["group"], "members", true, "User", "hasMember", "memberOf"),
    RelationRule(["group"], "parent", false, "Group", "childOf", "parentOf"),
    RelationRule(["group"], "children", true, "Group", "parentOf", "childOf"),
    RelationRule(["template"], "owner", false, "Group", "ownedBy", "ownerOf"),
    RelationRule(["airesource"], "owner", false, "Group", "ownedBy", "ownerOf"),
    RelationRule(["airesource"], "system", false, "System", "partOf", "hasPart"),
    RelationRule(["airesource"], "dependsOn", true, nil, "dependsOn", "dependencyOf"),
  ]

  package init(
    _ kinds: Set<String>, _ field: String, _ isList: Bool, _ defaultKind: String?, _ outgoing: String,
    _ incoming: String
  ) {
    self.kinds = kinds
    self.field = field
    self.isList = isList
    self.defaultKind = defaultKind
    self.outgoing = outgoing
    self.incoming = incoming
  }
}
