import Foundation
import WaymarkLoading
import WaymarkModel

/// Where to edit a docs page, the first that applies:
///
/// 1. mkdocs.yml's `repo_url` + `edit_uri` + the page's path in the docs folder, as MkDocs
///    builds it (`edit_uri` defaults to `edit/master/docs/` for GitHub);
/// 2. for a fetched site whose URL names a ref (`…/tree/<ref>/…`, `…/blob/<ref>/…`, GitLab's
///    `…/-/tree/…`), that URL with `/edit/` in place of `/tree/` or `/blob/` and the page's path
///    in the site appended, as TechDocs sets `edit_uri` from the techdocs-ref when mkdocs.yml
///    has no `repo_url`;
/// 3. the entity's `backstage.io/edit-url`: a folder URL (ending in `/`) gets the page's path
///    from the entity's catalog folder appended, any other URL is used as it is;
/// 4. the entity's `backstage.io/source-location` (`url:…/tree/main/`), with `/tree/` turned
///    into `/edit/` and the page's path from the entity's catalog folder appended.
package enum DocsEditLink {
  package static func url(for source: String, pagePath: String, site: LoadedDocsSite) -> String? {
    let config = site.config
    if let repository = config.repositoryURL, source.hasPrefix(site.docsFolder + "/") {
      let editURI = config.editURI ?? (repository.contains("github.com") ? "edit/master/docs/" : nil)
      if let editURI, !editURI.isEmpty {
        let base = DocsLinkResolver.hasScheme(editURI) ? editURI : folder(repository) + editURI.drop { $0 == "/" }
        return SitePaths.safeLink(folder(base) + pagePath)
      }
    }
    if config.repositoryURL == nil, site.origin != nil, source.hasPrefix(site.source.folder + "/") {
      for marker in ["/tree/", "/blob/"] {
        guard let range = source.range(of: marker) else { continue }
        return SitePaths.safeLink(source.replacingCharacters(in: range, with: "/edit/"))
      }
    }
    if let editURL = site.source.editURL {
      guard editURL.hasSuffix("/") else { return SitePaths.safeLink(editURL) }
      return SitePaths.safeLink(join(editURL, relativePath(from: site.source.entityFile, to: source)))
    }
    if let location = site.source.sourceLocationURL {
      let edit = folder(location.replacingFirst("/tree/", with: "/edit/"))
      return SitePaths.safeLink(join(edit, relativePath(from: site.source.entityFile, to: source)))
    }
    return nil
  }

  /// The path from the folder of `file` to `target` (both root-relative), with `..` as needed.
  package static func relativePath(from file: String, to target: String) -> String {
    let folder = file.split(separator: "/").dropLast()
    let parts = target.split(separator: "/")
    var shared = 0
    while shared < folder.count, shared < parts.count - 1, folder[folder.startIndex + shared] == parts[shared] {
      shared += 1
    }
    let ups = Array(repeating: "..", count: folder.count - shared)
    return (ups + parts.dropFirst(shared).map(String.init)).joined(separator: "/")
  }

  /// `relative` appended to the folder URL `base`, each leading `..` taking one folder off the
  /// URL's path (never its scheme and host).
  package static func join(_ base: String, _ relative: String) -> String {
    var url = Substring(base.hasSuffix("/") ? String(base.dropLast()) : base)
    var rest = Substring(relative)
    let hostEnd =
      url.range(of: "://").map { url[$0.upperBound...].firstIndex(of: "/") ?? url.endIndex } ?? url.startIndex
    while rest.hasPrefix("../"), let slash = url.lastIndex(of: "/"), slash >= hostEnd {
      url = url[..<slash]
      rest = rest.dropFirst(3)
    }
    return url + "/" + rest
  }

  private static func folder(_ url: String) -> String {
    url.hasSuffix("/") ? url : url + "/"
  }
}

extension String {
  fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
