import StructuredData
import WaymarkLoading
import WaymarkModel

/// Attaches each policy finding to a catalog entity, trying in order:
///
/// 1. an explicit entity reference in the result (`waymark.dev/entity`, Rego `entity`);
/// 2. Kubernetes identity: an entity's `backstage.io/kubernetes-id` equal to the object's name
///    (or the name's prefix before `-` for generated Pod/ReplicaSet/Job names), restricted by
///    `backstage.io/kubernetes-namespace` when the entity sets it;
/// 3. repository: the result's repository (SARIF `versionControlProvenance`,
///    `waymark.dev/repository`, or an absolute path under a checkout root) and the entity that
///    claims it (`RepositoryClaimIndex`), by the `source-location` subfolder holding the file,
///    else the whole repository;
/// 4. file path: the entity whose `backstage.io/source-location` `dir:` folder, or whose catalog
///    file's folder, contains the file, nearest folder first; only for paths that can be in the
///    repository (relative, not above its root).
///
/// What none of them attaches is unmapped, never dropped.
public struct GuardrailMapper: Sendable {
  /// The catalog results are attached to.
  public let catalog: Catalog
  private let kubernetesIds: [String: [KubernetesClaim]]
  /// Folder claims by folder ("" for the root), so a file looks up only its own ancestors.
  private let folders: [String: [FolderClaim]]
  /// The first path segment of every claimed folder but the root: a file whose path starts with
  /// none of them has no claimed ancestor but the root, found with one short lookup.
  private let claimedFirstSegments: Set<Substring>
  /// What the root folder's claims give (nil when there are none, or they tie).
  private let rootEntity: EntityRef?
  /// The repositories entities claim.
  package let repositories: RepositoryClaimIndex
  /// Where CI checks repositories out.
  package let checkoutRoots: [RepositoryPattern]
  /// Components without a `backstage.io/kubernetes-id`, by lowercased name: a Kubernetes object
  /// named like one (or a pod template named after its owner) is its.
  private let componentsByName: [String: [EntityRef]]

  /// Backstage gives the entity's annotation and its objects' label the same key.
  package static let kubernetesIdAnnotation = KubernetesObject.kubernetesIdLabel
  package static let kubernetesNamespaceAnnotation = "backstage.io/kubernetes-namespace"
  package static let sourceLocationAnnotation = "backstage.io/source-location"
  /// Kinds whose catalog file's folder claims the files below it.
  package static let folderKinds = ["component", "resource", "api"]

  package struct KubernetesClaim: Sendable {
    package var ref: EntityRef
    package var namespace: String?
  }

  package struct FolderClaim: Sendable {
    package var folder: String
    package var ref: EntityRef
    /// 0 for a `source-location`, 1 for a catalog file folder; lower wins at equal depth.
    package var origin: Int
    package var kindRank: Int
  }

  /// Indexes the catalog's annotations and files once.
  public init(catalog: Catalog, settings: GuardrailSettings = GuardrailSettings()) {
    self.catalog = catalog
    repositories = RepositoryClaimIndex(catalog: catalog, patterns: settings.repositoryPatterns)
    checkoutRoots = settings.checkoutRoots
    var componentsByName: [String: [EntityRef]] = [:]
    var kubernetesIds: [String: [KubernetesClaim]] = [:]
    var folders: [String: [FolderClaim]] = [:]
    // Many entities share one catalog file; its folder is worked out once.
    var folderOfFile: [String: String] = [:]
    // Through the buffer, so each entity is borrowed, not copied.
    catalog.entities.withUnsafeBufferPointer { entities in
      for index in entities.indices {
        let ref = entities[index].ref
        let path = entities[index].source.path
        let annotations = entities[index].document["metadata"]?["annotations"]
        if let id = annotations?[Self.kubernetesIdAnnotation]?.stringValue {
          kubernetesIds[id.lowercased(), default: []].append(
            KubernetesClaim(ref: ref, namespace: annotations?[Self.kubernetesNamespaceAnnotation]?.stringValue))
        } else if ref.kind.lowercased() == "component" {
          componentsByName[ref.name.lowercased(), default: []].append(ref)
        }
        let kindRank = Self.folderKinds.firstIndex(of: ref.kind.lowercased())
        if let location = annotations?[Self.sourceLocationAnnotation]?.stringValue, location.hasPrefix("dir:"),
          let folder = Self.folder(String(location.dropFirst(4)), besideFile: path)
        {
          folders[folder, default: []].append(
            FolderClaim(folder: folder, ref: ref, origin: 0, kindRank: kindRank ?? Self.folderKinds.count))
        }
        if let kindRank {
          let folder = folderOfFile[path] ?? path.split(separator: "/").dropLast().joined(separator: "/")
          folderOfFile[path] = folder
          folders[folder, default: []].append(FolderClaim(folder: folder, ref: ref, origin: 1, kindRank: kindRank))
        }
      }
    }
    self.kubernetesIds = kubernetesIds
    self.componentsByName = componentsByName
    self.folders = folders
    claimedFirstSegments = Set(
      folders.keys.filter { !$0.isEmpty }.map { $0.split(separator: "/", omittingEmptySubsequences: false)[0] })
    rootEntity = folders[""].flatMap { $0.isEmpty ? nil : Self.winner(of: $0) }
  }

  /// Maps every finding of `files`; returns the results and warnings (unknown entity references,
  /// repositories claimed ambiguously, unmapped findings per file).
  ///
  /// The same check reported by several inputs is first kept once (`GuardrailDeduplicator`).
  /// The findings are moved, not copied, into their entity's group or the unmapped list: the
  /// files are taken over (a caller that keeps its own reference to them pays for one copy of
  /// each finding instead). Taking them from the back (`popLast` moves an element out of an
  /// array) gives every list in reverse, and reversing it restores file order, which
  /// `GuardrailResults` then only checks.
  public func map(_ files: consuming [ParsedGuardrailFile]) -> (GuardrailResults, [Diagnostic]) {
    var files = consume files
    let inputs = files.filter { $0.format != "unknown" }.map(\.summary)
    GuardrailDeduplicator.deduplicate(&files)
    var grouped: [EntityRef: [GuardrailFinding]] = [:]
    var unmapped: [GuardrailFinding] = []
    unmapped.reserveCapacity(files.reduce(0) { $0 + $1.findings.count })
    var reversedDiagnostics: [Diagnostic] = []
    // Many findings share a location; each location is decided once.
    var decided: [LocationKey: LocationDecision] = [:]
    for fileIndex in files.indices.reversed() {
      var findings = files[fileIndex].findings
      files[fileIndex].findings = []
      let total = findings.count
      var unmappedHere = 0
      var warnings: [Diagnostic] = []
      var ambiguities: [LocationDecision: Int] = [:]
      while var finding = findings.popLast() {
        let (decision, warning) = self.decision(for: finding, decided: &decided)
        if let warning { warnings.append(warning) }
        if finding.repository == nil { finding.repository = decision.repository }
        finding.mappedBy = decision.rule
        if let ref = decision.ref {
          grouped[ref, default: []].append(finding)
        } else {
          if decision.ambiguous != nil { ambiguities[decision, default: 0] += 1 }
          unmapped.append(finding)
          unmappedHere += 1
        }
      }
      let at = SourceLocation(path: files[fileIndex].path, line: 1, column: 1)
      if unmappedHere > 0 {
        reversedDiagnostics.append(
          .warning(
            .policyUnmapped,
            "\(unmappedHere) of \(total) result(s) map to no catalog entity; they are listed in api/policy-results-unmapped.json",
            at: at))
      }
      for (decision, count) in ambiguities.sorted(by: { $0.key.sortKey > $1.key.sortKey }) {
        reversedDiagnostics.append(Self.ambiguityWarning(decision, count: count, at: at))
      }
      reversedDiagnostics += warnings
    }
    // Reversed in place through the buffer, which swaps by moving (`Array.reverse` copies).
    unmapped.withUnsafeMutableBufferPointer { $0.reverse() }
    for ref in Array(grouped.keys) { grouped[ref]?.withUnsafeMutableBufferPointer { $0.reverse() } }
    let results = GuardrailResults(grouped: grouped, unmapped: unmapped, inputs: inputs, deduplicated: true)
    return (results, reversedDiagnostics.reversed())
  }

  private static func ambiguityWarning(
    _ decision: LocationDecision, count: Int, at location: SourceLocation
  ) -> Diagnostic {
    let repository = decision.repository?.description ?? ""
    let refs = decision.ambiguous ?? []
    let claimants = refs.map(\.canonical).joined(separator: " and ")
    let message =
      refs.isEmpty
      ? "\(count) result(s) are in repository '\(repository)' but in none of the folders its entities claim;"
        + " they are unmapped"
      : "\(count) result(s) are in repository '\(repository)', which \(claimants) claim equally; they are unmapped"
        + " (give each a source-location subfolder, or name the entity with waymark.dev/entity)"
    return .warning(.policyAmbiguousRepository, message, at: location)
  }

  /// The entity for one finding, by the first strategy that decides, and a warning for an
  /// explicit reference to an entity that does not exist.
  public func entity(for finding: GuardrailFinding) -> (EntityRef?, Diagnostic?) {
    var decided: [LocationKey: LocationDecision] = [:]
    let (decision, warning) = decision(for: finding, decided: &decided)
    return (decision.ref, warning)
  }

  /// The rule that maps `finding`, remembering what each location decides.
  package func decision(
    for finding: borrowing GuardrailFinding, decided: inout [LocationKey: LocationDecision]
  ) -> (LocationDecision, Diagnostic?) {
    var warning: Diagnostic?
    if let text = finding.entityRef {
      if let ref = EntityRef(parsing: text, defaultKind: "component"), catalog[ref] != nil {
        return (LocationDecision(ref: ref, rule: .entityRef), nil)
      }
      warning = .warning(
        .policyUnknownEntity, "result names entity '\(text)', which is not in the catalog; trying the other mappings",
        at: finding.input)
    }
    // (Checked for emptiness first: iterating retains the list, a write to memory that is cold.)
    if !finding.kubernetes.isEmpty {
      for object in finding.kubernetes {
        if let ref = entity(for: object) { return (LocationDecision(ref: ref, rule: .kubernetes), warning) }
      }
    }
    // Neither a repository nor a folder is claimed: nothing maps by location.
    if folders.isEmpty && repositories.isEmpty { return (LocationDecision(), warning) }
    let key = LocationKey(repository: finding.repository, fileBase: finding.fileBase, file: finding.file)
    if let known = decided[key] { return (known, warning) }
    let decision = decision(at: key)
    decided[key] = decision
    return (decision, warning)
  }

  /// Steps 3 and 4 for one location: its repository, then root-relative folders.
  package func decision(at key: LocationKey) -> LocationDecision {
    let (repository, path) = locate(key)
    if let repository {
      switch repositories.entity(in: repository, path: path) {
      case .mapped(let ref, let rule): return LocationDecision(ref: ref, rule: rule, repository: repository)
      case .ambiguous(let refs): return LocationDecision(repository: repository, ambiguous: refs)
      case .notClaimed: break
      }
    }
    guard let path, let ref = entity(forFile: path) else { return LocationDecision(repository: repository) }
    return LocationDecision(ref: ref, rule: .folder, repository: repository)
  }

  /// The entity whose `backstage.io/kubernetes-id` is the object's label of that name, else
  /// names the object, if exactly one does.
  package func entity(for object: KubernetesObject) -> EntityRef? {
    var candidates = [object.kubernetesId, object.name.isEmpty ? nil : object.name].compactMap { $0?.lowercased() }
    // checkov names a pod template `<owner>.<label>-<value>…`: the owner is the workload.
    let owner =
      object.kind.lowercased() == "pod" ? object.name.split(separator: ".").first.map { String($0).lowercased() } : nil
    if let owner, owner != object.name.lowercased() { candidates.append(owner) }
    if !object.name.isEmpty, ["pod", "replicaset", "job"].contains(object.kind.lowercased()) {
      // Generated names: `payments-api-7d9c6b-x2k4q` belongs to id `payments-api`; longest id first.
      var name = Substring(object.name.lowercased())
      while let dash = name.lastIndex(of: "-") {
        name = name[..<dash]
        candidates.append(String(name))
      }
    }
    for id in candidates {
      let claims = (kubernetesIds[id] ?? []).filter { claim in
        guard let namespace = claim.namespace, !object.namespace.isEmpty else { return true }
        return namespace == object.namespace
      }
      let refs = Set(claims.map(\.ref))
      if refs.count == 1 { return refs.first }
      if refs.count > 1 { return nil }
    }
    // Last, a Component without a kubernetes-id named like the object (or the pod's owner).
    for name in [object.name.lowercased(), owner].compactMap({ $0 }) where !name.isEmpty {
      if let refs = componentsByName[name], refs.count == 1 { return refs.first }
    }
    return nil
  }

  /// Whether a folder other than the root that holds `file` may be claimed: its first segment
  /// is the first segment of a claimed folder.
  package func mayHaveClaimedAncestor(_ file: String) -> Bool {
    // The slash is found in the contiguous UTF-8 (the generic `firstIndex` on the view is slow).
    // (Without a mutable copy for `withUTF8`: copying retains the string, a write to cold memory.)
    let utf8 = file.utf8
    let slash = UInt8(ascii: "/")
    let offset =
      utf8.withContiguousStorageIfAvailable { $0.firstIndex(of: slash) }
      ?? utf8.firstIndex(of: slash).map { utf8.distance(from: utf8.startIndex, to: $0) }
    guard let offset else { return false }
    return claimedFirstSegments.contains(file[..<file.utf8.index(file.utf8.startIndex, offsetBy: offset)])
  }

  /// The entity claiming the nearest folder holding `file`, if one claim wins.
  package func entity(forFile file: String) -> EntityRef? {
    guard !folders.isEmpty else { return nil }
    guard mayHaveClaimedAncestor(file) else { return rootEntity }
    // The parent folders of `a/b/c.tf`: `a/b`, `a`, "" (the root), cut at `/` bytes (a `/` is
    // never part of a multi-byte UTF-8 sequence, so every cut is on a character boundary).
    let utf8 = file.utf8
    var end = utf8.endIndex
    while true {
      let slash = utf8[..<end].lastIndex(of: UInt8(ascii: "/"))
      let parent = slash.map { String(file[..<$0]) } ?? ""
      if let claims = folders[parent], !claims.isEmpty { return Self.winner(of: claims) }
      guard let slash else { return nil }
      end = slash
    }
  }

  /// Among claims on one folder: a `source-location` beats a catalog folder, then Component beats
  /// Resource beats API; a tie that remains is ambiguous.
  package static func winner(of claims: [FolderClaim]) -> EntityRef? {
    guard let origin = claims.map(\.origin).min() else { return nil }
    let sameOrigin = claims.filter { $0.origin == origin }
    guard let kindRank = sameOrigin.map(\.kindRank).min() else { return nil }
    let winners = Set(sameOrigin.filter { $0.kindRank == kindRank }.map(\.ref))
    return winners.count == 1 ? winners.first : nil
  }

  /// A `dir:` location resolved beside the catalog file, "" for the root, nil when it leaves the root.
  package static func folder(_ relative: String, besideFile file: String) -> String? {
    guard !relative.hasPrefix("/"), !relative.contains("://") else { return nil }
    guard let probe = RootPath.resolve(relative + "/_", besideFile: file) else { return nil }
    return probe == "_" ? "" : String(probe.dropLast(2))
  }
}
