import Foundation
import StructuredData
import WaymarkModel

/// Where one entity's TechDocs live, as its `backstage.io/techdocs-ref` annotation says.
public struct DocsSource: Sendable, Hashable {
  /// The entity.
  public var entity: EntityRef
  /// The entity's title, the site's name when mkdocs.yml has none.
  public var entityTitle: String
  /// The folder holding `mkdocs.yml`, relative to the site root (`""` is the root itself).
  public var folder: String
  /// The catalog file that declared the entity, relative to the site root.
  public var entityFile: String
  /// Where the annotation is written.
  public var location: SourceLocation
  /// `backstage.io/edit-url`, if any.
  public var editURL: String?
  /// `backstage.io/source-location` without its `url:` prefix, if it is a URL.
  public var sourceLocationURL: String?
  /// For a site `waymark fetch` fetched, its URL, the key of its `waymark.lock` entry: a
  /// `techdocs-ref: url:…`, or a `dir:` ref beside a fetched catalog file resolved against it.
  /// `folder` is then the URL without a trailing `/`, under which the site's files are named.
  public var remoteURL: String?
}

/// Finds docs through the catalog: `backstage.io/techdocs-ref` on each entity.
///
/// A `dir:<path>` is resolved against the folder of the entity's catalog file (Backstage resolves
/// it against the entity's location) and must stay inside the site root. A `url:` ref, and a
/// `dir:` ref on an entity read from a fetched file (resolved against that file's URL, as
/// Backstage does), name a site `waymark fetch` reads from an archive of its repository.
public struct DocsLocator: Sendable {
  /// The annotation naming an entity's docs.
  public static let refAnnotation = "backstage.io/techdocs-ref"

  /// Creates a locator.
  public init() {}

  /// The docs sources of every entity that declares one, in catalog order, and the problems.
  public func locate(_ catalog: Catalog) -> (sources: [DocsSource], diagnostics: [Diagnostic]) {
    var sources: [DocsSource] = []
    var diagnostics: [Diagnostic] = []
    for entity in catalog.entities {
      guard let found = locate(entity) else { continue }
      if let source = found.source { sources.append(source) }
      if let problem = found.problem { diagnostics.append(problem) }
    }
    return (sources, diagnostics)
  }

  /// The docs source `entity` declares, or why its ref names none; nil when it declares none.
  public func locate(_ entity: Entity) -> (source: DocsSource?, problem: Diagnostic?)? {
    let annotations = entity.document.value(at: ["metadata", "annotations"])
    guard let ref = annotations?[Self.refAnnotation] else { return nil }
    let location = entity.source.location(of: ValuePath(keys: "metadata", "annotations", Self.refAnnotation))
    guard let text = ref.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) else {
      return (nil, .error(.docsBadRef, "'\(Self.refAnnotation)' must be a string such as 'dir:.'", at: location))
    }
    let sourceLocation = annotations?["backstage.io/source-location"]?.stringValue
    var source = DocsSource(
      entity: entity.ref, entityTitle: entity.title, folder: "", entityFile: entity.source.path, location: location,
      editURL: annotations?["backstage.io/edit-url"]?.stringValue,
      sourceLocationURL: sourceLocation.flatMap { $0.hasPrefix("url:") ? String($0.dropFirst(4)) : nil })
    let remote = text.hasPrefix("url:") || (text.hasPrefix("dir:") && LocationResolver.isURL(entity.source.path))
    if let problem = remote ? Self.resolveRemote(text, into: &source) : Self.resolveLocal(text, into: &source) {
      // A warning (a ref `waymark fetch` cannot read) still names no site.
      return (nil, problem)
    }
    return (source, nil)
  }

  /// Sets the URL and folder of a site `waymark fetch` reads, or says why the ref names none.
  private static func resolveRemote(_ text: String, into source: inout DocsSource) -> Diagnostic? {
    guard let url = remoteSiteURL(ref: text, entityFile: source.entityFile) else {
      return .error(
        .docsBadRef,
        text.hasPrefix("url:")
          ? "'\(text)' must name an absolute URL, such as 'url:https://github.com/acme/x/tree/main/docs-site'"
          : "'\(text)' does not make a URL beside '\(source.entityFile)'",
        at: source.location)
    }
    guard ["https", "http"].contains(url.prefix { $0 != ":" }.lowercased()) else {
      return .warning(
        .docsRemoteRef, "'\(text)' is not an https URL, the only kind 'waymark fetch' reads; it is not read",
        at: source.location)
    }
    source.remoteURL = url
    source.folder = folder(ofURL: url)
    return nil
  }

  /// Sets the folder a `dir:` ref names inside the root, or says why it names none.
  private static func resolveLocal(_ text: String, into source: inout DocsSource) -> Diagnostic? {
    guard text.hasPrefix("dir:") else {
      return .error(
        .docsBadRef, "'\(refAnnotation)' must start with 'dir:' or 'url:', not '\(text)'", at: source.location)
    }
    let relative = String(text.dropFirst("dir:".count)).trimmingCharacters(in: .whitespacesAndNewlines)
    guard let folder = resolve(relative, besideFile: source.entityFile) else {
      return .error(
        .docsPathOutsideRoot, "'\(text)' leaves the site root; docs must live inside it", at: source.location)
    }
    if RootPath.hiddenSegment(in: folder) != nil {
      return .error(
        .docsHiddenPath, "'\(text)' names the hidden folder '\(folder)'; hidden files are never read",
        at: source.location)
    }
    source.folder = folder
    return nil
  }

  /// The URL of the fetched site a `techdocs-ref` names on an entity read from `entityFile`: the
  /// URL of a `url:` ref, or a `dir:` ref resolved against the URL the entity was fetched from;
  /// nil for a folder of the repository or a ref that makes no URL.
  public static func remoteSiteURL(ref: String, entityFile: String) -> String? {
    let text = ref.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasPrefix("url:") {
      let url = String(text.dropFirst("url:".count)).trimmingCharacters(in: .whitespacesAndNewlines)
      return LocationResolver.isURL(url) ? url : nil
    }
    guard text.hasPrefix("dir:"), LocationResolver.isURL(entityFile) else { return nil }
    let relative = String(text.dropFirst("dir:".count)).trimmingCharacters(in: .whitespacesAndNewlines)
    return RemoteCache.resolve(relative.isEmpty ? "." : relative, againstURL: entityFile)
  }

  /// The name a fetched site's folder goes by: its URL without query, fragment or trailing `/`.
  public static func folder(ofURL url: String) -> String {
    var folder = Substring(url.prefix { $0 != "?" && $0 != "#" })
    while folder.hasSuffix("/") { folder = folder.dropLast() }
    return String(folder)
  }

  /// `relative` resolved against the folder holding `file`: a root-relative folder, `""` for
  /// the root itself, nil when absolute or above the root. For a file of a fetched site (named
  /// by its URL) the arithmetic is on the URL's path, which never climbs above its host.
  package static func resolve(_ relative: String, besideFile file: String) -> String? {
    guard !relative.hasPrefix("/") else { return nil }
    if let (origin, path) = splitURL(file) {
      guard let resolved = resolve(relative, besideFile: path), !resolved.isEmpty else { return nil }
      return origin + resolved
    }
    if let folder = RootPath.resolve(relative.isEmpty ? "." : relative, besideFile: file) { return folder }
    // RootPath has no name for the root itself; probe with a placeholder folder above the path.
    let folder = file.split(separator: "/").dropLast().joined(separator: "/")
    let probe = "waymark-root/" + (folder.isEmpty ? relative : folder + "/" + relative)
    return RootPath.normalized(probe) == "waymark-root" ? "" : nil
  }

  /// A root-relative path with `.` and `..` folded, or a fetched file's URL with its path folded;
  /// nil when it climbs above the root (or the URL's host).
  package static func normalized(_ path: String) -> String? {
    guard let (origin, rest) = splitURL(path) else { return RootPath.normalized(path) }
    return RootPath.normalized(rest).map { origin + $0 }
  }

  /// `https://host/` and the rest of a URL's path, or nil for a path that is no URL.
  private static func splitURL(_ text: String) -> (origin: String, path: String)? {
    guard LocationResolver.isURL(text), let scheme = text.range(of: "://") else { return nil }
    let slash = text[scheme.upperBound...].firstIndex(of: "/") ?? text.endIndex
    let origin = String(text[..<slash]) + "/"
    return (origin, slash == text.endIndex ? "" : String(text[text.index(after: slash)...]))
  }
}
