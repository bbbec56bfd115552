import Foundation
import StructuredData
import WaymarkModel

/// Reads a repository for `waymark init`: which files are catalog YAML, Location targets,
/// template skeletons, MkDocs sites, event exports and policy results, and what the catalog names.
///
/// Formats are recognised by the loaders the build uses (the catalog reader, the Location
/// resolver, the event decoder, the policy-result format detection), so what `init` finds is what
/// `build` reads.
public struct RepositoryScanner: Sendable {
  /// The repository root.
  public let root: URL

  /// Creates a scanner.
  public init(root: URL) {
    self.root = root.standardizedFileURL
  }

  /// Scans every file under the root.
  public func scan() -> RepositoryScan {
    var scan = RepositoryScan()
    scan.files = InputFinder(root: root, excludedFolders: [SiteConfig().outputDirectory]).allFiles()
    let yaml = scan.files.filter { Self.isYAML($0) }
    var parsed: [String: [CatalogDocument]] = [:]
    for path in yaml where !Self.isMkDocs(path) {
      let documents = CatalogLoader.read(path, under: root).documents.filter { Self.isBackstage($0.value) }
      if !documents.isEmpty { parsed[path] = documents }
    }
    scan.skeletons = skeletons(parsed)
    let skeletonPatterns = scan.skeletons.map { GlobPattern($0 + "/**") }
    func inSkeleton(_ path: String) -> Bool {
      scan.skeletons.contains(path) || skeletonPatterns.contains { $0.matches(path) }
    }
    let catalog = parsed.filter { !inSkeleton($0.key) }
    let locations = LocationResolver(root: root, available: scan.files)
    var targets = Set<String>()
    for path in catalog.keys.sorted() {
      for document in catalog[path]! where LocationResolver.isLocation(document.value) {
        targets.formUnion(locations.targets(of: document).0.map(\.path))
        scan.remoteLocations += Self.remoteTargets(of: document.value).map { "\(path): \($0)" }
      }
    }
    scan.catalogFiles = catalog.keys.sorted().map { path in
      let kinds = Set(catalog[path]!.compactMap { $0.value["kind"]?.stringValue })
      return RepositoryScan.CatalogFile(path: path, kinds: kinds.sorted(), isLocationTarget: targets.contains(path))
    }
    for document in catalog.keys.sorted().flatMap({ catalog[$0]! }) { record(document, into: &scan) }
    scan.references.sort()
    scan.docsSites = yaml.filter { Self.isMkDocs($0) && !inSkeleton($0) }
    classifyData(scan.files.filter { !inSkeleton($0) && parsed[$0] == nil && !Self.isMkDocs($0) }, into: &scan)
    return scan
  }

  static func isYAML(_ path: String) -> Bool { path.hasSuffix(".yaml") || path.hasSuffix(".yml") }

  static func isMkDocs(_ path: String) -> Bool {
    let name = path.split(separator: "/").last ?? ""
    return name == "mkdocs.yml" || name == "mkdocs.yaml"
  }

  /// Whether a document is a Backstage entity (`backstage.io/…`, `scaffolder.backstage.io/…`).
  static func isBackstage(_ value: JSONValue) -> Bool {
    guard let apiVersion = value["apiVersion"]?.stringValue else { return false }
    return apiVersion.hasPrefix("backstage.io/") || apiVersion.contains(".backstage.io/")
  }

  private static func remoteTargets(of value: JSONValue) -> [String] {
    let spec = value["spec"]
    let written =
      [spec?["target"]?.stringValue].compactMap { $0 } + (spec?["targets"]?.arrayValue ?? []).compactMap(\.stringValue)
    return written.filter(LocationResolver.isURL)
  }
}
