import Foundation
import Testing
import WaymarkTestSupport

@testable import WaymarkServe

/// Request paths never reach a file outside the site folder: `..` in any spelling, encoded
/// separators and NULs, hidden files, and links leading out are refused.
@Suite struct RequestPathResolverTests {
  let base: URL
  let site: String
  let resolver: RequestPathResolver

  init() throws {
    base = try TestPaths.temporaryDirectory("waymark-resolver")
    let siteURL = base.appendingPathComponent("site")
    let files = [
      "index.html", "catalog/index.html", "assets/style.css", "empty/.gitkeep", ".env", "café/index.html",
      "a b/page.html",
    ]
    for file in files {
      let url = siteURL.appendingPathComponent(file)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("x".utf8).write(to: url)
    }
    try Data("secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
    try FileManager.default.createDirectory(
      at: base.appendingPathComponent("outside"), withIntermediateDirectories: true)
    try Data("secret".utf8).write(to: base.appendingPathComponent("outside/index.html"))
    let manager = FileManager.default
    try manager.createSymbolicLink(
      atPath: siteURL.appendingPathComponent("out.txt").path, withDestinationPath: "../secret.txt")
    try manager.createSymbolicLink(
      atPath: siteURL.appendingPathComponent("outdir").path, withDestinationPath: "../outside")
    try manager.createSymbolicLink(
      atPath: siteURL.appendingPathComponent("abs.txt").path,
      withDestinationPath: base.appendingPathComponent("secret.txt").path)
    try manager.createSymbolicLink(
      atPath: siteURL.appendingPathComponent("in.css").path, withDestinationPath: "assets/style.css")
    site = RequestPathResolver.realPath(siteURL.path)!
    resolver = RequestPathResolver(siteFolder: siteURL.path)
  }

  @Test func filesAndFolderIndexes() {
    #expect(resolver.resolve("/") == .file(site + "/index.html"))
    #expect(resolver.resolve("/index.html") == .file(site + "/index.html"))
    #expect(resolver.resolve("/catalog/") == .file(site + "/catalog/index.html"))
    #expect(resolver.resolve("/catalog/?q=payments#top") == .file(site + "/catalog/index.html"))
    #expect(resolver.resolve("/assets/style.css") == .file(site + "/assets/style.css"))
    #expect(resolver.resolve("/caf%C3%A9/") == .file(site + "/café/index.html"))
    #expect(resolver.resolve("/a%20b/page.html") == .file(site + "/a b/page.html"))
    #expect(resolver.resolve("//assets//style.css") == .file(site + "/assets/style.css"))
    // A link that stays inside the site is followed.
    #expect(resolver.resolve("/in.css") == .file(site + "/assets/style.css"))
  }

  @Test func foldersWithoutTheirSlashRedirectToAPathBuiltFromTheSegments() {
    #expect(resolver.resolve("/catalog") == .redirect("/catalog/"))
    #expect(resolver.resolve("/catalog?q=1") == .redirect("/catalog/"))
    #expect(resolver.resolve("/caf%C3%A9") == .redirect("/caf%C3%A9/"))
    // Never a protocol-relative URL (`//host/`), whatever the request's slashes.
    #expect(resolver.resolve("//catalog") == .redirect("/catalog/"))
  }

  @Test func traversalInAnySpellingIsRefused() {
    for path in [
      "/../secret.txt", "/catalog/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt",
      "/catalog/%2e%2e/%2e%2e/secret.txt", "/./index.html", "/%2e/index.html", "/..",
    ] {
      #expect(resolver.resolve(path) == .badRequest, "\(path)")
    }
    for path in [
      "/..%2fsecret.txt", "/catalog%2f..%2f..%2fsecret.txt", "/%2fetc%2fpasswd", "/index.html%00.css", "/a%00",
    ] {
      #expect(resolver.resolve(path) == .badRequest, "\(path)")
    }
  }

  @Test func malformedPathsAreBadRequests() {
    for path in ["index.html", "", "*", "/%", "/%2", "/%zz", "/%g0/x", "http://example.com/"] {
      #expect(resolver.resolve(path) == .badRequest, "\(path)")
    }
  }

  @Test func linksLeadingOutOfTheSiteAreNotFollowed() {
    #expect(resolver.resolve("/out.txt") == .notFound)
    #expect(resolver.resolve("/abs.txt") == .notFound)
    #expect(resolver.resolve("/outdir/") == .notFound)
    #expect(resolver.resolve("/outdir/index.html") == .notFound)
    #expect(resolver.resolve("/outdir") == .notFound)
  }

  @Test func hiddenMissingAndIndexlessPathsAreNotFound() {
    for path in [
      "/.env", "/%2eenv", "/empty/.gitkeep", "/missing.html", "/catalog/missing/", "/empty/", "/index.html/",
    ] {
      #expect(resolver.resolve(path) == .notFound, "\(path)")
    }
    // Not UTF-8: no file of the site has such a name.
    #expect(resolver.resolve("/%FF.html") == .notFound)
  }

  @Test func aSiteFolderThatDoesNotExistServesNothing() {
    let missing = RequestPathResolver(siteFolder: base.appendingPathComponent("nothing").path)
    #expect(missing.resolve("/") == .notFound)
    #expect(missing.resolve("/index.html") == .notFound)
  }

  @Test func percentDecodingIsStrict() {
    #expect(RequestPathResolver.percentDecoded("a%41%2f".utf8) == Array("aA/".utf8))
    #expect(RequestPathResolver.percentDecoded("%4".utf8) == nil)
    #expect(RequestPathResolver.percentEncoded("a b/é?#%") == "a%20b%2F%C3%A9%3F%23%25")
    #expect(RequestPathResolver.percentEncoded("Az09-._~!$&'()*+,;=:@") == "Az09-._~!$&'()*+,;=:@")
  }
}
