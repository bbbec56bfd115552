/// The `waymark.yaml` that `waymark init` proposes for a scanned repository, with its reasons.
public struct InitProposal: Sendable, Hashable {
  /// The scan it is made from.
  public let scan: RepositoryScan
  /// `inputs.catalog`: globs for the catalog files no Location names (Locations reach the rest).
  public let catalogGlobs: [String]
  /// `inputs.events`.
  public let eventGlobs: [String]
  /// `inputs.policyResults`.
  public let policyResultGlobs: [String]
  /// `inputs.exclude`: template skeletons.
  public let excludes: [String]
  /// `catalog.external`: patterns for the entities referenced but defined elsewhere.
  public let external: [String]
  /// References that name no entity the catalog could hold (e-mail addresses, empty parts).
  public let unusableReferences: [RepositoryScan.Reference]

  /// Proposes the settings for `scan`.
  public init(scan: RepositoryScan) {
    self.scan = scan
    excludes = scan.skeletons.map { scan.files.contains($0) ? $0 : $0 + "/**" }
    let kept = scan.files.filter { path in !scan.skeletons.contains { path == $0 || path.hasPrefix($0 + "/") } }
    catalogGlobs = Self.catalogGlobs(scan: scan, files: kept)
    eventGlobs = GlobProposer(files: kept).globs(for: Set(scan.eventFiles.keys), suffix: nil)
    policyResultGlobs = GlobProposer(files: kept).globs(for: Set(scan.policyResultFiles.keys), suffix: nil)
    let usable = scan.references.filter(Self.isUsable)
    unusableReferences = scan.references.filter { !Self.isUsable($0) }
    external = Self.externalPatterns(usable.compactMap(\.ref), defined: scan.defined)
  }

  /// Whether a reference names an entity the catalog could hold: parsed, and not an e-mail address.
  static func isUsable(_ reference: RepositoryScan.Reference) -> Bool {
    reference.ref.map { !$0.name.contains("@") } ?? false
  }

  private static func catalogGlobs(scan: RepositoryScan, files: [String]) -> [String] {
    let targets = Set(scan.catalogFiles.filter(\.isLocationTarget).map(\.path))
    var selected = Set(scan.catalogFiles.filter { !$0.isLocationTarget }.map(\.path))
    var candidates = files.filter { !targets.contains($0) }
    var globs: [String] = []
    for name in ["catalog-info.yaml", "catalog-info.yml"] {
      let named = Set(candidates.filter { $0 == name || $0.hasSuffix("/" + name) })
      guard named.count > 1, named.allSatisfy(selected.contains) else { continue }
      globs.append("**/" + name)
      selected.subtract(named)
      candidates.removeAll { named.contains($0) }
    }
    let proposer = GlobProposer(files: candidates)
    globs += proposer.globs(for: selected.filter { $0.hasSuffix(".yaml") }, suffix: ".yaml")
    globs += proposer.globs(for: selected.filter { $0.hasSuffix(".yml") }, suffix: ".yml")
    return globs.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// `kind:*` when the catalog defines no entity of the kind, `kind:namespace/*` when it defines
  /// none of it in that namespace, else each missing entity by its reference.
  package static func externalPatterns(_ referenced: [EntityRef], defined: Set<EntityRef>) -> [String] {
    let missing = Set(referenced.filter { !defined.contains($0) })
    var patterns = Set<String>()
    for ref in missing {
      let kind = ref.kind.lowercased()
      let namespace = ref.namespace.lowercased()
      let sameKind = defined.filter { $0.kind.lowercased() == kind }
      if sameKind.isEmpty {
        patterns.insert("\(kind):*")
      } else if !sameKind.contains(where: { $0.namespace.lowercased() == namespace }) {
        patterns.insert("\(kind):\(namespace)/*")
      } else {
        patterns.insert(ref.canonical)
      }
    }
    return patterns.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// The undefined references each external pattern stands for.
  public func references(coveredBy pattern: String) -> [RepositoryScan.Reference] {
    let undefined = scan.references.filter { reference in
      Self.isUsable(reference) && reference.ref.map { !scan.defined.contains($0) } ?? false
    }
    return undefined.filter { reference in
      guard let ref = reference.ref else { return false }
      if pattern == "\(ref.kind.lowercased()):*" { return true }
      if pattern == "\(ref.kind.lowercased()):\(ref.namespace.lowercased())/*" { return true }
      return pattern == ref.canonical
    }
  }
}
