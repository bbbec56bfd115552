import Foundation
import StructuredData
import WaymarkModel

/// Turns a Location entity's `spec.target` and `spec.targets` into the root-relative files to read.
///
/// As Backstage's `LocationEntityProcessor` and file reader: `target` comes before `targets`,
/// relative targets resolve against the Location's own file, globs are allowed, a missing file
/// is an error unless `presence: optional`, and a target ending in `/` is an error. A URL
/// target (or any target in a file that was itself fetched, resolved against its URL) is read
/// from the cache `waymark fetch` filled, and is a warning naming the URL until it is there; a
/// URL with a `*` in its path names the files its search found. No path target may leave the root.
public struct LocationResolver: Sendable {
  /// The site root.
  public let root: URL
  /// Every file under the root, for matching glob targets.
  public let available: [String]
  /// Fetched files.
  public let remote: RemoteCache

  /// Creates a resolver.
  public init(root: URL, available: [String], remote: RemoteCache? = nil) {
    self.root = root
    self.available = available
    self.remote = remote ?? RemoteCache(root: root)
  }

  /// One file a Location points at, with where the Location names it.
  public struct Target: Sendable, Hashable {
    /// The file, relative to the root.
    public var path: String
    /// The `spec.target` or `spec.targets[i]` field naming it.
    public var field: SourceLocation
    /// Names the Location entity, for diagnostics.
    public var note: DiagnosticNote?
  }

  /// Whether `text` is an absolute URL (`https://…`) rather than a path.
  public static func isURL(_ text: String) -> Bool {
    // The first `://`, found by bytes (every entity's source location asks).
    let bytes = Array(text.utf8)
    guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: "://".utf8) }) else { return false }
    let scheme = String(decoding: bytes[..<start], as: UTF8.self)
    return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
  }

  /// Whether a URL target is a glob (a `*` in its path), read as Backstage's UrlReader `search`:
  /// the files of the repository at the ref that match it.
  public static func isGlobURL(_ url: String) -> Bool {
    url.prefix { $0 != "?" && $0 != "#" }.contains("*")
  }

  /// Whether a document is a Location entity whose targets should be followed.
  public static func isLocation(_ document: JSONValue) -> Bool {
    guard document["kind"]?.stringValue == "Location", let apiVersion = document["apiVersion"]?.stringValue else {
      return false
    }
    return apiVersion == "backstage.io/v1alpha1" || apiVersion == "backstage.io/v1beta1"
  }

  /// The files `document` (a Location read from `path`) points at, and the problems found.
  public func targets(of document: CatalogDocument) -> ([Target], [Diagnostic]) {
    let resolution = resolvedTargets(of: document)
    return (resolution.targets, resolution.diagnostics)
  }

  /// What one Location's targets resolve to.
  package struct Resolution: Sendable {
    /// The files it points at.
    package var targets: [Target] = []
    /// The problems found.
    package var diagnostics: [Diagnostic] = []
    /// The URLs it names that are not fetched.
    package var requests: [RemoteRequest] = []
    /// The glob URLs it names (searched or not).
    package var searches: [String] = []
  }

  /// The files `document` points at, the problems found, and the URLs it names that are not fetched.
  package func resolvedTargets(of document: CatalogDocument) -> Resolution {
    guard let spec = document.value["spec"]?.objectValue else { return Resolution() }
    let optional = spec["presence"]?.stringValue == "optional"
    let type = spec["type"]?.stringValue
    var written: [(String, ValuePath)] = []
    if let target = spec["target"]?.stringValue { written.append((target, ValuePath(keys: "spec", "target"))) }
    for (index, element) in (spec["targets"]?.arrayValue ?? []).enumerated() {
      if let target = element.stringValue {
        written.append((target, ValuePath(keys: "spec", "targets").appending(index: index)))
      }
    }
    var resolution = Resolution()
    let note = SubstitutionResolver.entityNote(for: document.value)
    for (target, field) in written {
      let location = SourceLocation(path: document.path, position: document.sourceMap.position(of: field))
      let (resolved, problem) =
        Self.isURL(document.path) || Self.isURL(target)
        ? resolveRemote(
          target, field: field, besideURL: document.path, optional: optional, at: location, into: &resolution)
        : resolve(target, field: field, type: type, optional: optional, besideFile: document.path)
      if let problem {
        resolution.diagnostics.append(
          Diagnostic(
            problem.severity, code: problem.code, message: problem.message, location: location,
            notes: note.map { [$0] } ?? []))
      }
      resolution.targets += resolved.map { Target(path: $0, field: location, note: note) }
    }
    return resolution
  }

  /// A URL target, or any target of a fetched file: the absolute URL when the cache holds it.
  private func resolveRemote(
    _ target: String, field: ValuePath, besideURL base: String, optional: Bool, at location: SourceLocation,
    into resolution: inout Resolution
  ) -> ([String], Diagnostic?) {
    let absolute = Self.isURL(target) ? target : RemoteCache.resolve(target, againstURL: base)
    guard let url = absolute else {
      let message = "\(field) '\(target)' does not make a URL beside '\(base)'"
      return ([], Diagnostic(.error, code: .catalogLocationTargetMissing, message: message, location: nil))
    }
    if Self.isGlobURL(url) {
      resolution.searches.append(url)
      guard remote.isAvailable(url, as: .search) else {
        resolution.requests.append(RemoteRequest(url: url, location: location, kind: .search))
        return (
          [],
          Diagnostic(
            .warning, code: .catalogLocationNotFetched, message: "\(field) \(RemoteCache.notFetchedMessage(url))",
            location: nil)
        )
      }
      switch remote.readSearch(url) {
      case .failure(let problem):
        let message = "\(field) '\(url)': \(problem.message)"
        return ([], Diagnostic(problem.severity, code: problem.code, message: message, location: nil))
      case .success(let matches) where matches.isEmpty && !optional:
        let message = "\(field) '\(target)' matches no file in the repository"
        return ([], Diagnostic(.error, code: .catalogLocationTargetMissing, message: message, location: nil))
      case .success(let matches):
        return (matches, nil)
      }
    }
    if remote.isAvailable(url, as: .file) { return ([url], nil) }
    resolution.requests.append(RemoteRequest(url: url, location: location))
    return (
      [],
      Diagnostic(
        .warning, code: .catalogLocationNotFetched, message: "\(field) \(RemoteCache.notFetchedMessage(url))",
        location: nil)
    )
  }

  private func resolve(_ target: String, field: ValuePath, type: String?, optional: Bool, besideFile file: String) -> (
    [String], Diagnostic?
  ) {
    func problem(
      _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String
    ) -> ([String], Diagnostic?) {
      ([], Diagnostic(severity, code: code, message: "\(field) \(message)", location: nil))
    }
    if target.hasSuffix("/") {
      return problem(
        .error, .catalogLocationTargetFolder, "'\(target)' names a folder; a Location target must be a file or a glob")
    }
    var written = target
    if type == "file", written.hasPrefix("file:") { written.removeFirst("file:".count) }
    guard !written.hasPrefix("/"), let resolved = RootPath.resolve(written, besideFile: file) else {
      return problem(.error, .catalogPathOutsideRoot, "'\(target)' points outside the site root")
    }
    if RootPath.hiddenSegment(in: resolved) != nil {
      return problem(
        .error, .catalogHiddenPath, "'\(target)' names the hidden path '\(resolved)', which is never read")
    }
    if resolved.contains(where: { "*?[".contains($0) }) {
      let pattern = GlobPattern(resolved)
      let matches = available.filter { pattern.matches($0) }
      if matches.isEmpty, !optional {
        return problem(.error, .catalogLocationTargetMissing, "'\(target)' matches no file")
      }
      return (matches, nil)
    }
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(
      atPath: root.appendingPathComponent(resolved).path, isDirectory: &isDirectory)
    if exists, isDirectory.boolValue {
      return problem(
        .error, .catalogLocationTargetFolder, "'\(target)' is a folder; a Location target must be a file or a glob")
    }
    guard exists else {
      if optional { return ([], nil) }
      return problem(
        .error, .catalogLocationTargetMissing,
        "'\(target)' names '\(resolved)', which does not exist; add 'presence: optional' if it may be absent")
    }
    guard RootPath.staysInside(resolved, root: root) else {
      return problem(
        .error, .catalogPathOutsideRoot, "'\(target)' points outside the site root through a symbolic link")
    }
    if let hidden = RootPath.hiddenTarget(of: resolved, root: root.standardizedFileURL.path) {
      return problem(
        .error, .catalogHiddenPath,
        "'\(target)' leads to the hidden file '\(hidden)' through a symbolic link, which is never read")
    }
    return ([resolved], nil)
  }
}
