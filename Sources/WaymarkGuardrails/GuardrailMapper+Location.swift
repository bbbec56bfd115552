import WaymarkLoading
import WaymarkModel

extension GuardrailMapper {
  /// Where a result's file is, as far as mapping by location cares.
  package struct LocationKey: Hashable, Sendable {
    package var repository: RepositoryIdentity?
    package var fileBase: String?
    package var file: String?
  }

  /// What mapping by location decided: the entity and rule, the repository found on the way,
  /// and the entities that tie for it when it is ambiguous.
  package struct LocationDecision: Hashable, Sendable {
    package var ref: EntityRef?
    package var rule: GuardrailMappingRule?
    package var repository: RepositoryIdentity?
    package var ambiguous: [EntityRef]?

    package init(
      ref: EntityRef? = nil, rule: GuardrailMappingRule? = nil, repository: RepositoryIdentity? = nil,
      ambiguous: [EntityRef]? = nil
    ) {
      self.ref = ref
      self.rule = rule
      self.repository = repository
      self.ambiguous = ambiguous
    }

    /// Orders ambiguity warnings.
    package var sortKey: String {
      (repository?.description ?? "") + " " + (ambiguous ?? []).map(\.canonical).joined(separator: " ")
    }
  }

  /// The repository a location is in and the path to look up: relative to that repository, or,
  /// with no repository, relative to the site root. A path that cannot be in a repository (above
  /// its root, absolute outside every checkout root, another drive) gives none.
  package func locate(_ key: LocationKey) -> (RepositoryIdentity?, String?) {
    let relative = key.file.flatMap { GuardrailPath.isInsideRoot($0) ? $0 : nil }
    if let repository = key.repository {
      if let relative, key.fileBase == nil || checkedOut(key) == nil { return (repository, relative) }
      if let (found, path) = checkedOut(key), found.matches(repository) { return (repository, path) }
      return (repository, relative)
    }
    if let (found, path) = checkedOut(key) { return (found, path) }
    return (nil, relative)
  }

  /// The repository and path of the location's absolute path under a checkout root.
  private func checkedOut(_ key: LocationKey) -> (RepositoryIdentity, String?)? {
    guard let absolute = absolutePath(key) else { return nil }
    for root in checkoutRoots {
      if let (repository, path) = root.match(absolute) { return (repository, path.isEmpty ? nil : path) }
    }
    return nil
  }

  /// The file's absolute path: its base followed by it, or the file itself when it is a `file:`
  /// URI or an absolute path.
  private func absolutePath(_ key: LocationKey) -> String? {
    guard let file = key.file else { return nil }
    if file.hasPrefix("/") { return file }
    if let path = SARIFURIResolver.filePath(file) { return path }
    guard let base = key.fileBase, GuardrailPath.isInsideRoot(file) else { return nil }
    return base + file
  }
}
