/// Which mapping rule attached a guardrail result to its entity (`mappedBy` in the JSON API).
public enum GuardrailMappingRule: String, Sendable, Hashable, CaseIterable {
  /// An explicit entity reference in the result (`waymark.dev/entity`, Rego `entity`).
  case entityRef = "entity-ref"
  /// Kubernetes identity (`backstage.io/kubernetes-id`, an object's name).
  case kubernetes
  /// The result's repository, and the entity whose `source-location` subfolder holds the file.
  case repositoryFolder = "repository-folder"
  /// The result's repository, and the entity that claims the whole repository.
  case repository
  /// A root-relative folder: a `dir:` source location or a catalog file's folder.
  case folder
}
