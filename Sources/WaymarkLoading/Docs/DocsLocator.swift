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
}

/// Finds docs through the catalog: `backstage.io/techdocs-ref: dir:<path>` on each entity.
///
/// The path is resolved against the folder of the entity's catalog file (Backstage resolves it
/// against the entity's location) and must stay inside the site root. `url:` refs point at
/// remote repositories that a static build does not fetch; they are warnings.
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
      let annotations = entity.document.value(at: ["metadata", "annotations"])
      guard let ref = annotations?[Self.refAnnotation] else { continue }
      let location = entity.source.location(of: ValuePath(keys: "metadata", "annotations", Self.refAnnotation))
      guard let text = ref.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) else {
        diagnostics.append(
          .error(.docsBadRef, "'\(Self.refAnnotation)' must be a string such as 'dir:.'", at: location))
        continue
      }
      if text.hasPrefix("url:") {
        diagnostics.append(
          .warning(
            .docsRemoteRef,
            "'\(text)' points at a remote repository, which a static build does not fetch; use 'dir:<path>'",
            at: location))
        continue
      }
      if text.hasPrefix("dir:"), LocationResolver.isURL(entity.source.path) {
        diagnostics.append(
          .warning(
            .docsRemoteRef,
            "'\(text)' is a folder beside '\(entity.source.path)', in a remote repository that is not fetched",
            at: location))
        continue
      }
      guard text.hasPrefix("dir:") else {
        diagnostics.append(
          .error(.docsBadRef, "'\(Self.refAnnotation)' must start with 'dir:' or 'url:', not '\(text)'", at: location))
        continue
      }
      let relative = String(text.dropFirst("dir:".count)).trimmingCharacters(in: .whitespacesAndNewlines)
      guard let folder = Self.resolve(relative, besideFile: entity.source.path) else {
        diagnostics.append(
          .error(.docsPathOutsideRoot, "'\(text)' leaves the site root; docs must live inside it", at: location))
        continue
      }
      if RootPath.hiddenSegment(in: folder) != nil {
        diagnostics.append(
          .error(
            .docsHiddenPath, "'\(text)' names the hidden folder '\(folder)'; hidden files are never read",
            at: location))
        continue
      }
      let sourceLocation = annotations?["backstage.io/source-location"]?.stringValue
      sources.append(
        DocsSource(
          entity: entity.ref, entityTitle: entity.title, folder: folder, entityFile: entity.source.path,
          location: location,
          editURL: annotations?["backstage.io/edit-url"]?.stringValue,
          sourceLocationURL: sourceLocation.flatMap { $0.hasPrefix("url:") ? String($0.dropFirst(4)) : nil }))
    }
    return (sources, diagnostics)
  }

  /// `relative` resolved against the folder holding `file`: a root-relative folder, `""` for
  /// the root itself, nil when absolute or above the root.
  package static func resolve(_ relative: String, besideFile file: String) -> String? {
    guard !relative.hasPrefix("/") else { return nil }
    if let folder = RootPath.resolve(relative.isEmpty ? "." : relative, besideFile: file) { return folder }
    // RootPath has no name for the root itself; probe with a placeholder folder above the path.
    let folder = file.split(separator: "/").dropLast().joined(separator: "/")
    let probe = "waymark-root/" + (folder.isEmpty ? relative : folder + "/" + relative)
    return RootPath.normalized(probe) == "waymark-root" ? "" : nil
  }
}
