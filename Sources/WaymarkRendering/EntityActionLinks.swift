import StructuredData
import WaymarkModel

/// The links that make an entity page actionable, from its annotations as Backstage reads them:
/// "View source", "Edit", the repository and TechDocs hosted elsewhere. Only absolute `http(s)`
/// URLs become links; anything else (`javascript:`, `dir:`, relative paths) gives none.
package struct EntityActionLinks: Equatable, Sendable {
  package var viewSource: String?
  package var edit: String?
  package var repository: String?
  package var externalDocs: String?

  package static let sourceLocation = "backstage.io/source-location"
  package static let managedByLocation = "backstage.io/managed-by-location"
  package static let viewURL = "backstage.io/view-url"
  package static let editURL = "backstage.io/edit-url"
  package static let techdocsRef = "backstage.io/techdocs-ref"
  package static let githubSlug = "github.com/project-slug"
  package static let gitlabSlug = "gitlab.com/project-slug"

  /// The links of `entity`, whose catalog file is `entity.source.path`.
  package init(entity: Entity) {
    let annotations = entity.document.value(at: ["metadata", "annotations"])?.objectValue ?? [:]
    func text(_ key: String) -> String? { annotations[key]?.stringValue }
    let location = text(Self.sourceLocation).flatMap(Self.urlTarget)
    viewSource = text(Self.viewURL).flatMap(Self.httpURL) ?? location
    let fileName = entity.source.path.split(separator: "/").last.map(String.init) ?? entity.source.path
    edit =
      text(Self.editURL).flatMap(Self.httpURL)
      ?? text(Self.managedByLocation).flatMap(Self.urlTarget).flatMap(Self.fileEditURL)
      ?? location.flatMap { Self.folderEditURL($0, file: fileName) }
    repository =
      Self.slugURL(text(Self.githubSlug), host: "https://github.com/", segments: 2...2)
      ?? Self.slugURL(text(Self.gitlabSlug), host: "https://gitlab.com/", segments: 2...20)
      ?? location.flatMap(Self.repositoryURL)
    externalDocs = text(Self.techdocsRef).flatMap(Self.urlTarget)
  }

  /// Whether any link is present.
  package var isEmpty: Bool { viewSource == nil && edit == nil && repository == nil && externalDocs == nil }

  /// `text` when it is an absolute `http(s)` URL with a host, else nil.
  package static func httpURL(_ text: String) -> String? {
    let trimmed = text.trimmingSpaces
    let lower = trimmed.lowercased()
    for scheme in ["https://", "http://"] where lower.hasPrefix(scheme) {
      let rest = trimmed.dropFirst(scheme.count)
      let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
      guard !host.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\"" || $0 == "<" })
      else { return nil }
      return trimmed
    }
    return nil
  }

  /// The target of a Backstage location reference `url:<target>` when it is http(s).
  package static func urlTarget(_ text: String) -> String? {
    let trimmed = text.trimmingSpaces
    guard trimmed.hasPrefix("url:") else { return nil }
    return httpURL(String(trimmed.dropFirst(4)))
  }

  /// A file URL (`…/blob/<branch>/<path>`, GitLab `…/-/blob/…`) turned into its edit URL.
  package static func fileEditURL(_ url: String) -> String? {
    guard let range = url.range(of: "/blob/") else { return nil }
    return url.replacingCharacters(in: range, with: "/edit/")
  }

  /// The edit URL of `file` in the folder URL `url` (`…/tree/<branch>/<folder>/`, GitLab
  /// `…/-/tree/…`); nil when the URL names no branch.
  package static func folderEditURL(_ url: String, file: String) -> String? {
    if url.contains("/blob/") { return fileEditURL(url) }
    var folder = url
    if let query = folder.firstIndex(where: { $0 == "?" || $0 == "#" }) { folder = String(folder[..<query]) }
    guard let range = folder.range(of: "/tree/"), range.upperBound < folder.endIndex else { return nil }
    folder = folder.replacingCharacters(in: range, with: "/edit/")
    return (folder.hasSuffix("/") ? folder : folder + "/") + file
  }

  /// The repository of a source URL: everything before `/tree/`, `/blob/` or GitLab's `/-/`.
  package static func repositoryURL(_ url: String) -> String? {
    for marker in ["/-/", "/tree/", "/blob/"] {
      if let range = url.range(of: marker) { return String(url[..<range.lowerBound]) }
    }
    return url.hasSuffix("/") ? String(url.dropLast()) : url
  }

  /// `host` + an `owner/name` slug (GitLab allows subgroups) when every segment is plain ASCII.
  package static func slugURL(_ slug: String?, host: String, segments allowed: ClosedRange<Int>) -> String? {
    guard let slug = slug?.trimmingSpaces else { return nil }
    let segments = slug.split(separator: "/", omittingEmptySubsequences: false)
    let plain = segments.allSatisfy { segment in
      !segment.isEmpty && segment != "." && segment != ".."
        && segment.unicodeScalars.allSatisfy { scalar in
          scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
    }
    guard allowed.contains(segments.count), plain else { return nil }
    return host + slug
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
