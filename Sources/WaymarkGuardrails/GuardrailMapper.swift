import StructuredData
import WaymarkLoading
import WaymarkModel

/// Attaches each policy finding to a catalog entity, trying in order:
///
/// 1. an explicit entity reference in the result (`waymark.dev/entity`, Rego `entity`);
/// 2. Kubernetes identity: an entity's `backstage.io/kubernetes-id` equal to the object's name
///    (or the name's prefix before `-` for generated Pod/ReplicaSet/Job names), restricted by
///    `backstage.io/kubernetes-namespace` when the entity sets it;
/// 3. file path: the entity whose `backstage.io/source-location` `dir:` folder, or whose catalog
///    file's folder, contains the file, nearest folder first.
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
  public init(catalog: Catalog) {
    self.catalog = catalog
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
    self.folders = folders
    claimedFirstSegments = Set(folders.keys.filter { !$0.isEmpty }.map { $0.split(separator: "/", omittingEmptySubsequences: false)[0] })
    rootEntity = folders[""].flatMap { $0.isEmpty ? nil : Self.winner(of: $0) }
  }

  /// Maps every finding of `files`; returns the results and warnings (unknown entity references,
  /// unmapped findings per file).
  ///
  /// The findings are moved, not copied, into their entity's group or the unmapped list: the
  /// files are taken over (a caller that keeps its own reference to them pays for one copy of
  /// each finding instead). Taking them from the back (`popLast` moves an element out of an
  /// array) gives every list in reverse, and reversing it restores file order, which
  /// `GuardrailResults` then only checks.
  public func map(_ files: consuming [ParsedGuardrailFile]) -> (GuardrailResults, [Diagnostic]) {
    var files = consume files
    let inputs = files.filter { $0.format != "unknown" }.map(\.summary)
    var grouped: [EntityRef: [GuardrailFinding]] = [:]
    var unmapped: [GuardrailFinding] = []
    unmapped.reserveCapacity(files.reduce(0) { $0 + $1.findings.count })
    var reversedDiagnostics: [Diagnostic] = []
    // Many findings name the same file; each file's folders are looked up once.
    var entitiesByFile: [String: EntityRef?] = [:]
    for fileIndex in files.indices.reversed() {
      var findings = files[fileIndex].findings
      files[fileIndex].findings = []
      let total = findings.count
      var unmappedHere = 0
      var warnings: [Diagnostic] = []
      while let finding = findings.popLast() {
        let (ref, warning) = entity(for: finding, entitiesByFile: &entitiesByFile)
        if let warning { warnings.append(warning) }
        if let ref {
          grouped[ref, default: []].append(finding)
        } else {
          unmapped.append(finding)
          unmappedHere += 1
        }
      }
      if unmappedHere > 0 {
        reversedDiagnostics.append(
          .warning(
            .policyUnmapped,
            "\(unmappedHere) of \(total) result(s) map to no catalog entity; they are listed in api/policy-results-unmapped.json",
            at: SourceLocation(path: files[fileIndex].path, line: 1, column: 1)))
      }
      reversedDiagnostics += warnings
    }
    // Reversed in place through the buffer, which swaps by moving (`Array.reverse` copies).
    unmapped.withUnsafeMutableBufferPointer { $0.reverse() }
    for ref in Array(grouped.keys) { grouped[ref]?.withUnsafeMutableBufferPointer { $0.reverse() } }
    return (GuardrailResults(grouped: grouped, unmapped: unmapped, inputs: inputs), reversedDiagnostics.reversed())
  }

  /// The entity for one finding, by the first strategy that decides, and a warning for an
  /// explicit reference to an entity that does not exist.
  public func entity(for finding: GuardrailFinding) -> (EntityRef?, Diagnostic?) {
    var entitiesByFile: [String: EntityRef?] = [:]
    return entity(for: finding, entitiesByFile: &entitiesByFile)
  }

  /// `entity(for:)` remembering what each file maps to by path.
  package func entity(for finding: borrowing GuardrailFinding, entitiesByFile: inout [String: EntityRef?]) -> (EntityRef?, Diagnostic?) {
    var warning: Diagnostic?
    if let text = finding.entityRef {
      if let ref = EntityRef(parsing: text, defaultKind: "component"), catalog[ref] != nil { return (ref, nil) }
      warning = .warning(
        .policyUnknownEntity, "result names entity '\(text)', which is not in the catalog; trying the other mappings",
        at: finding.input)
    }
    // (Checked for emptiness first: iterating retains the list, a write to memory that is cold.)
    if !finding.kubernetes.isEmpty {
      for object in finding.kubernetes {
        if let ref = entity(for: object) { return (ref, warning) }
      }
    }
    // No folder is claimed: no file maps anywhere (nor to the root).
    if folders.isEmpty { return (nil, warning) }
    if let file = finding.file {
      let ref: EntityRef?
      if !mayHaveClaimedAncestor(file) {
        ref = rootEntity
      } else if let known = entitiesByFile[file] {
        ref = known
      } else {
        ref = entity(forFile: file)
        entitiesByFile[file] = .some(ref)
      }
      if let ref { return (ref, warning) }
    }
    return (nil, warning)
  }

  /// The entity whose `backstage.io/kubernetes-id` is the object's label of that name, else
  /// names the object, if exactly one does.
  package func entity(for object: KubernetesObject) -> EntityRef? {
    var candidates = [object.kubernetesId, object.name.isEmpty ? nil : object.name].compactMap { $0?.lowercased() }
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
