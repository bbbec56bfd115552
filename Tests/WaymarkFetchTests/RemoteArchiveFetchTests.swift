import Foundation
import StructuredData
import Testing
import WaymarkFetch
import WaymarkKit
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

@Suite("waymark fetch: docs sites and glob targets through archives", .enabled(if: FixtureServer.isAvailable))
struct RemoteArchiveFetchTests {
  private func lines(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { DiagnosticFormat.textLine($0).trimmingCharacters(in: .newlines) }
  }

  private func digest(_ text: String) -> String { SourceFile(path: "", bytes: Array(text.utf8)).sha256 }

  @Test func aGlobAndTwoDocsSitesAreLockedEachByItsContent() async throws {
    let fixture = try RemoteRepositoriesFixture()
    defer { fixture.server.stop() }
    let root = try fixture.remoteSite()
    let report = try await fixture.fetch(root)
    #expect(lines(report.diagnostics) == [])
    let glob = fixture.url("acme/platform/blob/main/services/**/catalog-info.yaml")
    let orders = fixture.url("acme/platform/blob/main/services/orders/catalog-info.yaml")
    let payments = fixture.url("acme/platform/blob/main/services/payments/catalog-info.yaml")
    let billing = fixture.url("acme/billing/blob/main/catalog-info.yaml")
    let billingSite = fixture.url("acme/billing/tree/main/site")
    let ordersSite = fixture.url("acme/platform/blob/main/services/orders/")
    let openAPI = fixture.url("acme/platform/blob/main/services/orders/openapi.yaml")
    let lock = report.lock
    #expect(
      lock.sortedEntries.map { "\($0.url) \($0.kind.rawValue) \($0.search ?? "-")" } == [
        "\(billing) file -", "\(billingSite) folder -", "\(glob) search -", "\(ordersSite) folder -",
        "\(orders) file \(glob)", "\(openAPI) file -", "\(payments) file \(glob)",
      ])
    let platformArchive = fixture.url("codeload/acme/platform/tar.gz/main")
    #expect(lock.entries[glob]?.resolvedURL == platformArchive)
    #expect(lock.entries[orders]?.resolvedURL == platformArchive)
    #expect(lock.entries[ordersSite]?.resolvedURL == platformArchive)
    #expect(lock.entries[billingSite]?.resolvedURL == fixture.url("codeload/acme/billing/tar.gz/main"))
    #expect(lock.entries[billing]?.resolvedURL == fixture.url("raw/acme/billing/main/catalog-info.yaml"))
    let ordersInfo = RemoteRepositoriesFixture.platform["services/orders/catalog-info.yaml"] ?? ""
    let paymentsInfo = RemoteRepositoriesFixture.platform["services/payments/catalog-info.yaml"] ?? ""
    #expect(lock.entries[orders]?.sha256 == digest(ordersInfo))
    let listing = "\(digest(ordersInfo))  \(orders)\n\(digest(paymentsInfo))  \(payments)\n"
    #expect(lock.entries[glob]?.sha256 == digest(listing))
    #expect(
      String(decoding: try Data(contentsOf: RemoteCache.cacheFile(digest(listing), root: root)), as: UTF8.self)
        == listing)
    // The billing site is its three files, packed canonically: the lock names the content.
    let site = RemoteRepositoriesFixture.billing.map {
      (path: String($0.key.dropFirst("site/".count)), bytes: Array($0.value.utf8))
    }
    #expect(lock.entries[billingSite]?.sha256 == SourceFile(path: "", bytes: TarWriter.pack(site)).sha256)
    let folder = try RemoteCache.load(root: root).cache.readFolder(billingSite).get()
    #expect(folder.files.map(\.path) == ["docs/guide/setup.md", "docs/index.md", "mkdocs.yml"])
    let lockText = String(decoding: try Data(contentsOf: root.appendingPathComponent("waymark.lock")), as: UTF8.self)
    #expect(lockText.contains("\"kind\": \"folder\",\n      \"resolvedURL\": \"\(platformArchive)\""))
    #expect(lockText.contains("\"search\": \"\(glob)\",\n      \"sha256\": \"\(digest(ordersInfo))\""))
  }

  @Test func aSecondFetchDownloadsNothingAndFreshArchivesAreNotStale() async throws {
    let fixture = try RemoteRepositoriesFixture()
    defer { fixture.server.stop() }
    let root = try fixture.remoteSite()
    let first = try await fixture.fetch(root)
    // The platform tarball twice (the glob, then the orders site named by what it found), the
    // billing tarball, two raw files.
    #expect(first.downloads == 5)
    let lock = try Data(contentsOf: root.appendingPathComponent("waymark.lock"))
    let requests = fixture.server.requests().count
    let again = try await fixture.fetch(root, now: "2026-12-24T00:00:00Z")
    #expect(again.downloads == 0)
    #expect(fixture.server.requests().count == requests)
    #expect(try Data(contentsOf: root.appendingPathComponent("waymark.lock")) == lock)
    // Every archive is made again with a new gzip time stamp: other bytes, the same files.
    let check = try await fixture.fetch(root, mode: .check, now: "2026-12-24T00:00:00Z")
    #expect(lines(check.diagnostics) == [])
  }

  @Test func upstreamChangesToASiteOrTheGlobsMatchesMakeTheLockStale() async throws {
    let fixture = try RemoteRepositoriesFixture()
    defer { fixture.server.stop() }
    let root = try fixture.remoteSite()
    let before = try await fixture.fetch(root)
    try fixture.server.serve("# Setup\n\nChanged.\n", at: "raw/acme/billing/main/site/docs/guide/setup.md")
    try fixture.server.serve(
      (RemoteRepositoriesFixture.platform["services/payments/catalog-info.yaml"] ?? "")
        .replacingOccurrences(of: "name: payments", with: "name: shipping"),
      at: "raw/acme/platform/main/services/shipping/catalog-info.yaml")
    let check = try await fixture.fetch(root, mode: .check)
    let site = fixture.url("acme/billing/tree/main/site")
    let glob = fixture.url("acme/platform/blob/main/services/**/catalog-info.yaml")
    let sites = [site, glob].map { url in
      (url, before.lock.entries[url]?.sha256.prefix(12) ?? "", check.lock.entries[url]?.sha256.prefix(12) ?? "")
    }
    #expect(
      lines(check.diagnostics)
        == sites.sorted { $0.0 < $1.0 }.map { url, old, new in
          "waymark.lock: error: '\(url)' changed upstream (locked \(old), now \(new)); run 'waymark fetch --update "
            + "\(url)' [input.lock-stale]"
        })
    let update = try await fixture.fetch(root, mode: .update([GlobPattern(fixture.url("acme/**"))]))
    #expect(lines(update.diagnostics) == [])
    let shipping = fixture.url("acme/platform/blob/main/services/shipping/catalog-info.yaml")
    #expect(update.lock.entries[shipping]?.search == glob)
    let folder = try RemoteCache.load(root: root).cache.readFolder(site).get()
    #expect(folder.files.first { $0.path == "docs/guide/setup.md" }?.bytes == Array("# Setup\n\nChanged.\n".utf8))
  }

  @Test func aFreshCloneRestoresEveryArchiveToTheLockedContent() async throws {
    let fixture = try RemoteRepositoriesFixture()
    defer { fixture.server.stop() }
    let root = try fixture.remoteSite()
    try await fixture.fetch(root)
    try FileManager.default.removeItem(at: root.appendingPathComponent(".waymark"))
    let restore = try await fixture.fetch(root)
    #expect(lines(restore.diagnostics) == [])
    // All locked entries are restored in one batch, which downloads the platform tarball once for
    // the glob and the orders site.
    #expect(restore.downloads == 4)
    #expect(restore.lock == (try await fixture.fetch(root, mode: .check)).lock)
    // An upstream change after locking is refused on restore: the cache is restored, not updated.
    try FileManager.default.removeItem(at: root.appendingPathComponent(".waymark"))
    try fixture.server.serve("# Billing\n\nNew.\n", at: "raw/acme/billing/main/site/docs/index.md")
    let refused = try await fixture.fetch(root)
    let site = fixture.url("acme/billing/tree/main/site")
    #expect(lines(refused.diagnostics).count == 1)
    #expect(lines(refused.diagnostics).first?.hasPrefix("waymark.lock: error: '\(site)' changed upstream") == true)
    #expect(!RemoteCache.load(root: root).cache.isAvailable(site))
  }

  @Test func linksLeavingASiteAndHostileArchivesAreLocatedErrors() async throws {
    let fixture = try RemoteRepositoriesFixture()
    defer { fixture.server.stop() }
    try fixture.server.link("raw/acme/billing/main/site/docs/readme.md", to: "../../README.md")
    try fixture.server.link("raw/acme/billing/main/site/docs/start.md", to: "index.md")
    var hostile = ArchiveBuilder()
    hostile.add("acme-platform-1/services/orders/catalog-info.yaml", data: Array("kind: x\n".utf8))
    hostile.add("acme-platform-1/../../etc/cron.d/evil", data: Array("* * * * * root sh\n".utf8))
    try fixture.server.serve(bytes: hostile.gzip, at: "archives/acme/platform/main.tar.gz")
    let root = try fixture.remoteSite()
    let report = try await fixture.fetch(root)
    let glob = fixture.url("acme/platform/blob/main/services/**/catalog-info.yaml")
    let site = fixture.url("acme/billing/tree/main/site")
    let billingInfo = fixture.url("acme/billing/blob/main/catalog-info.yaml")
    #expect(
      lines(report.diagnostics) == [
        "content/catalog/all.yaml:8:7: error: '\(glob)' is not fetched: its archive "
          + "(\(fixture.url("api/repos/acme/platform/tarball/main"))) holds the path "
          + "'acme-platform-1/../../etc/cron.d/evil', which climbs out with '..'; nothing of it is used [input.fetch-refused]",
        "\(billingInfo):7:32: error: '\(site)' holds 'site/docs/readme.md', a link to '../../README.md' outside "
          + "the folder fetched; it is left out [input.outside-root]",
      ])
    let folder = try RemoteCache.load(root: root).cache.readFolder(site).get()
    #expect(folder.files.map(\.path) == ["docs/guide/setup.md", "docs/index.md", "docs/start.md", "mkdocs.yml"])
    #expect(report.lock.entries[glob] == nil)
  }

  @Test func anArchiveOverTheLimitIsNotStored() async throws {
    let fixture = try RemoteRepositoriesFixture()
    defer { fixture.server.stop() }
    let root = try fixture.remoteSite()
    let inputs = SiteInputsLoader(root: root).load()
    let fetcher = RemoteFetcher(
      inputs: inputs, rewriter: RemoteURLRewriter(settings: inputs.config.integrations, environment: [:]),
      downloader: RemoteDownloader(maximumArchiveByteCount: 200, timeout: 10), now: "2026-12-01T10:00:00Z")
    let report = await fetcher.run(.fetch)
    let glob = fixture.url("acme/platform/blob/main/services/**/catalog-info.yaml")
    let site = fixture.url("acme/billing/tree/main/site")
    let billingInfo = fixture.url("acme/billing/blob/main/catalog-info.yaml")
    #expect(
      lines(report.diagnostics) == [
        "content/catalog/all.yaml:8:7: error: '\(glob)' is read from an archive "
          + "(\(fixture.url("api/repos/acme/platform/tarball/main"))) that is over the 200 bytes limit for one fetched "
          + "archive; it is not stored [input.fetch-too-large]",
        "\(billingInfo):7:32: error: '\(site)' is read from an archive "
          + "(\(fixture.url("api/repos/acme/billing/tarball/main"))) that is over the 200 bytes limit for one fetched "
          + "archive; it is not stored [input.fetch-too-large]",
      ])
    #expect(report.lock.entries.keys.sorted() == [billingInfo])
  }

  @Test func theSecretsGuardReadsFetchedDocsLikeAnyInput() async throws {
    let fixture = try RemoteRepositoriesFixture()
    defer { fixture.server.stop() }
    let token = "ghp_" + String(repeating: "a1B2c3D4e5", count: 4).prefix(36)
    try fixture.server.serve(
      "# Setup\n\nUse the token \(token) to log in.\n", at: "raw/acme/billing/main/site/docs/guide/setup.md")
    let root = try fixture.remoteSite()
    try await fixture.fetch(root)
    let result = try await SiteBuilder().build(BuildOptions(root: root, writesOutput: false, progress: { _ in }))
    let secrets = result.diagnostics.items.filter { $0.code == .secretsDetected }
    #expect(
      secrets.map { DiagnosticFormat.textLine($0).trimmingCharacters(in: .newlines) } == [
        "\(fixture.url("acme/billing/tree/main/site/docs/guide/setup.md")):3:15: error: this looks like a GitHub token "
          + "('ghp_…', 40 characters, rule 'github-token'); nothing is published: remove it (and revoke it), or allow a "
          + "documented example with 'waymark.dev/allow-secret-pattern' [secrets.detected]"
      ])
  }

  @Test func aGitLabDocsSiteIsReadThroughTheArchiveOfItsPath() async throws {
    let server = try FixtureServer([
      "gitlab/acme/tools/cli/main/catalog-info.yaml": RemoteRepositoriesFixture.billingInfo(docsRef: "dir:./handbook"),
      "gitlab/acme/tools/cli/main/handbook/mkdocs.yml": "site_name: CLI\n",
      "gitlab/acme/tools/cli/main/handbook/docs/index.md": "# CLI\n",
      "gitlab/acme/tools/cli/main/src/main.go": "package main\n",
    ])
    defer { server.stop() }
    try server.serve(
      RemoteRepositoriesFixture.billingInfo(docsRef: "dir:./handbook"),
      at: "acme/tools/cli/-/raw/main/catalog-info.yaml")
    let root = try SiteFixture.make([
      "waymark.yaml": """
      asOf: 2026-11-01T00:00:00Z
      integrations:
        github:
          host: github.example.com
        gitlab:
          host: 127.0.0.1:\(server.port)
          apiBaseUrl: \(server.base)/api/v4

      """,
      "content/catalog/team.yaml": RemoteRepositoriesFixture.team,
      "content/catalog/all.yaml": RemoteRepositoriesFixture.location([
        "\(server.base)/acme/tools/cli/-/blob/main/catalog-info.yaml"
      ]),
    ])
    let inputs = SiteInputsLoader(root: root).load()
    let fetcher = RemoteFetcher(
      inputs: inputs,
      rewriter: RemoteURLRewriter(settings: inputs.config.integrations, environment: ["GITLAB_TOKEN": "gl-secret"]),
      downloader: RemoteDownloader(timeout: 10), now: "2026-12-01T10:00:00Z")
    let report = await fetcher.run(.fetch)
    try fetcher.persist(report)
    #expect(lines(report.diagnostics) == [])
    let site = "\(server.base)/acme/tools/cli/-/blob/main/handbook"
    #expect(
      report.lock.entries[site]?.resolvedURL
        == "\(server.base)/api/v4/projects/acme%2Ftools%2Fcli/repository/archive.tar.gz?sha=main&path=handbook")
    #expect(server.requests().allSatisfy { $0.hasSuffix("token=yes") })
    let result = try await SiteBuilder().build(BuildOptions(root: root, writesOutput: false, progress: { _ in }))
    #expect(result.diagnostics.errorCount == 0)
    let api = try #require(result.files.first { $0.path == "api/docs/default/component/billing.json" })
    let value = try JSONReader().parse(api.bytes)
    #expect(value["pages"]?.arrayValue?.compactMap { $0["source"]?.stringValue } == ["\(site)/docs/index.md"])
    #expect(value["fetched"]?["url"]?.stringValue == site)
    #expect(value["fetched"]?["sha256"]?.stringValue == report.lock.entries[site]?.sha256)
    let page = try #require(result.files.first { $0.path == "docs/default/component/billing/index.html" })
    #expect(
      String(decoding: page.bytes, as: UTF8.self).contains(
        "<a href=\"\(server.base)/acme/tools/cli/-/edit/main/handbook/docs/index.md\" rel=\"noopener\">Edit this page</a>"
      ))
  }

  @Test func aRedirectToAnAllowedHostGetsNoCredentialsAndItsQueryIsNotRecorded() async throws {
    let fixture = try FederatedCatalogFixture()
    defer { fixture.server.stop() }
    // As GitHub's archive endpoint redirects a private repository's tarball: a one-time token in the query.
    let url = try #require(
      URL(string: fixture.url("redirect-away/raw/acme/orders/main/catalog-info.yaml?token=one-time-secret")))
    let download = RemoteURLRewriter.Download(
      url: url, headers: ["Authorization": "token ghp_secret"], redirectHosts: ["localhost:\(fixture.server.port)"])
    let result = await RemoteDownloader(timeout: 10).fetch(download)
    #expect(
      (try? result.get().finalURL) == "http://localhost:\(fixture.server.port)/raw/acme/orders/main/catalog-info.yaml")
    #expect(
      fixture.server.requests() == [
        "GET /redirect-away/raw/acme/orders/main/catalog-info.yaml?token=one-time-secret token=yes",
        "GET /raw/acme/orders/main/catalog-info.yaml?token=one-time-secret token=no",
      ])
  }
}
