import Foundation
import Testing
import WaymarkFetch
import WaymarkKit
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

@Suite("waymark fetch against a loopback server", .enabled(if: FixtureServer.isAvailable))
struct RemoteFetcherTests {
  private func lines(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { DiagnosticFormat.textLine($0).trimmingCharacters(in: .newlines) }
  }

  @Test func followsLocationsRecursivelyAndLocksEveryURL() async throws {
    let fixture = try FederatedCatalogFixture()
    defer { fixture.server.stop() }
    let report = try await fixture.fetch()
    #expect(lines(report.diagnostics) == [])
    #expect(report.downloads == 4)
    let raw = fixture.url("raw/acme")
    let expected: [(String, String, String)] = [
      (
        "acme/orders/blob/main/catalog-info.yaml", "\(raw)/orders/main/catalog-info.yaml",
        FederatedCatalogFixture.ordersInfo
      ),
      ("acme/orders/blob/main/openapi.yaml", "\(raw)/orders/main/openapi.yaml", FederatedCatalogFixture.openAPI),
      (
        "acme/payments/blob/main/catalog-info.yaml", "\(raw)/payments/main/catalog-info.yaml",
        FederatedCatalogFixture.paymentsInfo
      ),
      (
        "acme/payments/blob/main/workers/catalog-info.yaml", "\(raw)/payments/main/workers/catalog-info.yaml",
        FederatedCatalogFixture.workerInfo
      ),
    ]
    let entries = expected.map { path, resolved, text in
      let source = SourceFile(path: path, bytes: Array(text.utf8))
      return [
        "    {", "      \"bytes\": \(source.bytes.count),", "      \"fetchedAt\": \"2026-12-01T10:00:00Z\",",
        "      \"resolvedURL\": \"\(resolved)\",", "      \"sha256\": \"\(source.sha256)\",",
        "      \"url\": \"\(fixture.url(path))\"", "    }",
      ].joined(separator: "\n")
    }
    #expect(
      try fixture.lockText() == "{\n  \"entries\": [\n\(entries.joined(separator: ",\n"))\n  ],\n  \"version\": 1\n}\n")
    for (_, _, text) in expected {
      let digest = SourceFile(path: "", bytes: Array(text.utf8)).sha256
      let cached = try Data(contentsOf: RemoteCache.cacheFile(digest, root: fixture.root))
      #expect(String(decoding: cached, as: UTF8.self) == text)
    }
  }

  @Test func aSecondFetchWithNothingChangedDownloadsNothing() async throws {
    let fixture = try FederatedCatalogFixture()
    defer { fixture.server.stop() }
    try await fixture.fetch()
    let lock = try fixture.lockText()
    let requestsBefore = fixture.server.requests().count
    let again = try await fixture.fetch(now: "2026-12-24T00:00:00Z")
    #expect(again.downloads == 0)
    #expect(fixture.server.requests().count == requestsBefore)
    #expect(try fixture.lockText() == lock)
    let check = try await fixture.fetch(.check, now: "2026-12-24T00:00:00Z")
    #expect(lines(check.diagnostics) == [])
    #expect(check.downloads == 4)
  }

  @Test func buildsOfflineFromTheCacheByteIdentically() async throws {
    let fixture = try FederatedCatalogFixture()
    try await fixture.fetch()
    fixture.server.stop()
    var outputs: [[String: Data]] = []
    for run in 1...2 {
      let output = fixture.root.appendingPathComponent("site-\(run)")
      let result = try await SiteBuilder().build(
        BuildOptions(root: fixture.root, output: output, writesOutput: true, progress: { _ in }))
      #expect(result.diagnostics.errorCount == 0)
      #expect(result.diagnostics.warningCount == 0)
      outputs.append(SiteFixture.snapshot(of: output))
    }
    #expect(outputs[0] == outputs[1])
    let catalog = try #require(outputs[0]["api/catalog.json"])
    let text = String(decoding: catalog, as: UTF8.self)
    for name in [
      "\"name\": \"orders\"", "\"name\": \"orders-api\"", "\"name\": \"payments\"", "\"name\": \"payments-worker\"",
    ] {
      #expect(text.contains(name))
    }
    #expect(text.contains("\"path\": \"\(fixture.url("acme/payments/blob/main/workers/catalog-info.yaml"))\""))
    #expect(text.contains("List orders"))
    let page = try #require(outputs[0]["catalog/default/component/payments-worker/index.html"])
    let worker = fixture.url("acme/payments/blob/main/workers/catalog-info.yaml")
    let sha = SourceFile(path: "", bytes: Array(FederatedCatalogFixture.workerInfo.utf8)).sha256
    #expect(
      String(decoding: page, as: UTF8.self).contains(
        "<p class=\"source muted\">Fetched from <a href=\"\(worker)\">\(worker)</a>, line 1 "
          + "(SHA-256 <code title=\"\(sha)\">\(sha.prefix(12))</code>)</p>"))
    #expect(text.contains("\"path\": \"\(worker)\",\n        \"sha256\": \"\(sha)\""))
  }

  @Test func aURLMissingFromTheLockIsTheLocatedWarningSayingToFetch() async throws {
    let fixture = try FederatedCatalogFixture()
    defer { fixture.server.stop() }
    let inputs = fixture.inputs()
    let loaded = await CatalogLoader(root: inputs.root, remote: inputs.remote).load(
      paths: inputs.files(matching: inputs.config.catalogGlobs), available: inputs.files)
    let orders = fixture.url("acme/orders/blob/main/catalog-info.yaml")
    let payments = fixture.url("acme/payments/blob/main/catalog-info.yaml")
    #expect(
      lines(loaded.diagnostics) == [
        "content/catalog/all.yaml:8:7: warning: spec.targets[0] '\(orders)' is not in waymark.lock or its cache; run "
          + "'waymark fetch' to fetch it [catalog.location-not-fetched]\n  note: in entity 'location:default/acme-repositories'",
        "content/catalog/all.yaml:9:7: warning: spec.targets[1] '\(payments)' is not in waymark.lock or its cache; run "
          + "'waymark fetch' to fetch it [catalog.location-not-fetched]\n  note: in entity 'location:default/acme-repositories'",
      ])
  }

  @Test func aMissingFileIsALocatedErrorAndTheRestIsLocked() async throws {
    let fixture = try FederatedCatalogFixture(
      targets: FederatedCatalogFixture.defaultTargets + ["acme/gone/blob/main/catalog-info.yaml"])
    defer { fixture.server.stop() }
    let report = try await fixture.fetch()
    let gone = fixture.url("acme/gone/blob/main/catalog-info.yaml")
    #expect(
      lines(report.diagnostics) == [
        "content/catalog/all.yaml:10:7: error: cannot fetch '\(gone)' (\(fixture.url("raw/acme/gone/main/catalog-info.yaml"))): "
          + "HTTP 404 [input.fetch-failed]"
      ])
    #expect(report.lock.entries.count == 4)
    #expect(report.lock.entries[gone] == nil)
  }

  @Test func anUpstreamChangeMakesTheLockStaleUntilUpdated() async throws {
    let fixture = try FederatedCatalogFixture()
    defer { fixture.server.stop() }
    try await fixture.fetch()
    let lock = try fixture.lockText()
    let changed = FederatedCatalogFixture.openAPI.replacingOccurrences(of: "1.2.0", with: "1.3.0")
    try fixture.server.serve(changed, at: "raw/acme/orders/main/openapi.yaml")
    let plain = try await fixture.fetch()
    #expect(plain.downloads == 0)
    #expect(try fixture.lockText() == lock)
    let check = try await fixture.fetch(.check)
    let url = fixture.url("acme/orders/blob/main/openapi.yaml")
    let old = SourceFile(path: "", bytes: Array(FederatedCatalogFixture.openAPI.utf8)).sha256.prefix(12)
    let new = SourceFile(path: "", bytes: Array(changed.utf8)).sha256.prefix(12)
    #expect(
      lines(check.diagnostics) == [
        "waymark.lock: error: '\(url)' changed upstream (locked \(old), now \(new)); run 'waymark fetch --update \(url)' "
          + "[input.lock-stale]"
      ])
    #expect(try fixture.lockText() == lock)
    let update = try await fixture.fetch(
      .update([GlobPattern(fixture.url("acme/orders/**"))]), now: "2026-12-02T08:00:00Z")
    #expect(update.downloads == 2)
    #expect(update.lock.entries[url]?.fetchedAt == "2026-12-02T08:00:00Z")
    #expect(
      update.lock.entries[fixture.url("acme/orders/blob/main/catalog-info.yaml")]?.fetchedAt == "2026-12-01T10:00:00Z")
    #expect(lines(await fixture.fetcher().run(.check).diagnostics) == [])
  }

  @Test func aTamperedCacheFileIsAnErrorAndFetchRepairsIt() async throws {
    let fixture = try FederatedCatalogFixture()
    defer { fixture.server.stop() }
    let report = try await fixture.fetch()
    let url = fixture.url("acme/orders/blob/main/catalog-info.yaml")
    let digest = try #require(report.lock.entries[url]?.sha256)
    try Data("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: evil}\n".utf8)
      .write(to: RemoteCache.cacheFile(digest, root: fixture.root))
    let result = try await SiteBuilder().build(
      BuildOptions(root: fixture.root, writesOutput: false, progress: { _ in }))
    #expect(
      lines(result.diagnostics.items.filter { $0.code == .inputCacheMismatch }) == [
        "\(url): error: the cached copy does not match the SHA-256 in waymark.lock; run 'waymark fetch' to fetch it "
          + "again [input.cache-mismatch]"
      ])
    let repair = try await fixture.fetch()
    #expect(repair.downloads == 1)
    let cached = try Data(contentsOf: RemoteCache.cacheFile(digest, root: fixture.root))
    #expect(String(decoding: cached, as: UTF8.self) == FederatedCatalogFixture.ordersInfo)
  }

  @Test func aFileOverTheLimitIsNotStored() async throws {
    let big = String(repeating: "# padding line of a very large catalog file\n", count: 100)
    let fixture = try FederatedCatalogFixture(
      targets: ["acme/big/blob/main/catalog-info.yaml"], extra: ["raw/acme/big/main/catalog-info.yaml": big])
    defer { fixture.server.stop() }
    let fetcher = fixture.fetcher(maximumByteCount: 1024)
    let report = await fetcher.run(.fetch)
    #expect(
      lines(report.diagnostics) == [
        "content/catalog/all.yaml:8:7: error: '\(fixture.url("acme/big/blob/main/catalog-info.yaml"))' is over the 1024 "
          + "bytes limit for one fetched file; it is not stored [input.fetch-too-large]"
      ])
    #expect(report.lock.entries.isEmpty)
    #expect(report.fetched.isEmpty)
  }

  @Test func redirectsAreFollowedOnlyWithinTheSameHost() async throws {
    let fixture = try FederatedCatalogFixture(targets: [
      "redirect-same/raw/acme/orders/main/catalog-info.yaml", "redirect-away/raw/acme/payments/main/catalog-info.yaml",
    ])
    defer { fixture.server.stop() }
    let report = try await fixture.fetch()
    let same = fixture.url("redirect-same/raw/acme/orders/main/catalog-info.yaml")
    #expect(report.lock.entries[same]?.resolvedURL == fixture.url("raw/acme/orders/main/catalog-info.yaml"))
    let away = fixture.url("redirect-away/raw/acme/payments/main/catalog-info.yaml")
    #expect(
      lines(report.diagnostics) == [
        "content/catalog/all.yaml:9:7: error: '\(away)' is not fetched: redirected to "
          + "'http://localhost:\(fixture.server.port)/raw/acme/payments/main/catalog-info.yaml', another host or scheme "
          + "[input.fetch-refused]"
      ])
  }

  @Test func aSlowResponseTimesOut() async throws {
    let fixture = try FederatedCatalogFixture(targets: ["slow/raw/acme/orders/main/catalog-info.yaml"])
    defer { fixture.server.stop() }
    let report = await fixture.fetcher(timeout: 1).run(.fetch)
    #expect(
      lines(report.diagnostics) == [
        "content/catalog/all.yaml:8:7: error: cannot fetch '\(fixture.url("slow/raw/acme/orders/main/catalog-info.yaml"))': "
          + "timed out [input.fetch-failed]"
      ])
  }

  @Test func theTokenIsSentButNeverWritten() async throws {
    let fixture = try FederatedCatalogFixture()
    defer { fixture.server.stop() }
    let secret = "ghp_fixtureToken0123456789abcdefghijkl"
    let fetcher = fixture.fetcher(environment: ["GITHUB_TOKEN": secret])
    let report = await fetcher.run(.fetch)
    try fetcher.persist(report)
    #expect(fixture.server.requests().allSatisfy { $0.hasSuffix("token=yes") })
    #expect(fixture.server.requests().count == 4)
    #expect(!(try fixture.lockText()).contains(secret))
  }
}
