import Foundation
import WaymarkLoading
import WaymarkModel

/// Resolves the links of docs pages: relative `.md` links become page URLs, files under the
/// docs folder become asset URLs, and anything else relative is reported as broken.
///
/// A link may also reach a page of another entity's docs site (a relative path that lands in
/// that site's docs folder); it is rewritten to that site's page. No file is read here: only
/// the lists of pages and assets the loader found.
package struct DocsLinkResolver: Sendable {
  /// A page: the site's index in the set and the page's index in the site.
  package struct PageKey: Sendable, Hashable {
    package var site: Int
    package var page: Int
  }

  /// What resolving needs to know about one site.
  package struct SiteIndex: Sendable {
    package var entity: EntityRef
    package var docsFolder: String
    /// Page index by root-relative path: the path in the docs folder (`…/docs/index.md`) and
    /// the file's own path (differing only for a README standing in for `index.md`).
    package var pages: [String: Int]
    /// Page slugs, by page index.
    package var slugs: [String]
    /// Paths of assets relative to the docs folder.
    package var assets: Set<String>
  }

  /// Where a link leads.
  package enum Resolution: Sendable, Hashable {
    /// Outside the docs (a URL with a scheme, a site-absolute path); left alone and unchecked.
    case external
    /// An anchor on the same page (`#usage`), to check against its headings.
    case samePage(fragment: String)
    /// Another page, maybe with an anchor to check.
    case page(PageKey, fragment: String?)
    /// A file under the docs folder.
    case asset
    /// Nothing: the reason, in words.
    case broken(String)
  }

  package let sites: [SiteIndex]
  /// Page keys by root-relative path (`content/docs/x/docs/setup.md`), for links across sites.
  package let pagesByPath: [String: PageKey]

  package init(sites: [SiteIndex]) {
    self.sites = sites
    var pagesByPath: [String: PageKey] = [:]
    for (siteIndex, site) in sites.enumerated() {
      for (path, pageIndex) in site.pages where pagesByPath[path] == nil {
        pagesByPath[path] = PageKey(site: siteIndex, page: pageIndex)
      }
    }
    self.pagesByPath = pagesByPath
  }

  /// The URL of a page, relative to the portal root.
  package func url(of key: PageKey) -> String {
    SitePaths.docsSite(sites[key.site].entity) + sites[key.site].slugs[key.page]
  }

  /// Resolves `destination`, written in the file `sourcePath` (root-relative) of the page `key`;
  /// returns where it leads and the destination to write in the HTML (`rootPrefix` leads from
  /// the page's folder back to the portal root).
  ///
  /// Links resolve against the file's own folder, so a README standing in for `index.md`
  /// keeps the links written for where it is.
  package func resolve(_ destination: String, on key: PageKey, sourcePath: String, rootPrefix: String) -> (
    Resolution, String
  ) {
    let site = sites[key.site]
    if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("/") {
      return (.external, destination)
    }
    var path = Substring(destination)
    var suffix = ""
    var fragment: String?
    if let hash = path.firstIndex(of: "#") {
      fragment = String(path[path.index(after: hash)...])
      suffix = String(path[hash...])
      path = path[..<hash]
    }
    if let question = path.firstIndex(of: "?") {
      suffix = String(path[question...]) + suffix
      path = path[..<question]
    }
    if path.isEmpty {
      return (fragment.map { .samePage(fragment: $0) } ?? .external, destination)
    }
    let decoded = PercentDecoding.decoded(path)
    guard let resolved = DocsLocator.resolve(decoded, besideFile: sourcePath), !resolved.isEmpty else {
      return (.broken("leaves the site root"), destination)
    }
    let candidates = [resolved, resolved + "/index.md", resolved + "/README.md"]
    let folderPrefix = site.docsFolder + "/"
    for candidate in candidates {
      // The page's own site first: two entities may share one docs folder.
      let target = site.pages[candidate].map { PageKey(site: key.site, page: $0) } ?? pagesByPath[candidate]
      if let target {
        let anchor = fragment.map { "#" + $0 } ?? ""
        // Inside one site links stay short and relative; across sites they go through the root.
        let href =
          target.site == key.site
          ? SitePaths.docsRelative(fromSlug: site.slugs[key.page], to: site.slugs[target.page])
          : rootPrefix + url(of: target)
        return (.page(target, fragment: fragment), href + anchor)
      }
    }
    guard resolved.hasPrefix(folderPrefix) else {
      return (.broken("points outside the docs folder '\(site.docsFolder)'"), destination)
    }
    let relative = String(resolved.dropFirst(folderPrefix.count))
    if site.assets.contains(relative) {
      return (
        .asset, SitePaths.docsRelative(fromSlug: site.slugs[key.page], to: SitePaths.docsFileInSite(relative)) + suffix
      )
    }
    return (.broken("names no page or file in '\(site.docsFolder)'"), destination)
  }

  /// Whether a destination starts with a URL scheme (`https:`, `mailto:`) or is protocol-relative.
  package static func hasScheme(_ destination: String) -> Bool {
    if destination.hasPrefix("//") { return true }
    guard let colon = destination.firstIndex(of: ":") else { return false }
    let scheme = destination[..<colon]
    guard let first = scheme.unicodeScalars.first, first.properties.isAlphabetic else { return false }
    return scheme.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)
    }
  }
}
