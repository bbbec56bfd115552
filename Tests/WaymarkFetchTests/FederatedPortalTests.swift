import Foundation
import Testing
import WaymarkFetch
import WaymarkKit
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Issue 28's "done when": a catalog repository whose entities live entirely behind `url:`
/// Locations builds the same portal as if the files were local, offline after one `waymark
/// fetch`; the lock makes two builds on different machines byte-identical.
@Suite("A federated catalog builds the portal of its files", .enabled(if: FixtureServer.isAvailable))
struct FederatedPortalTests {
  private func build(
    _ root: URL, into name: String, cache: BuildCacheLocation = .none
  ) async throws -> (BuildResult, [String: Data]) {
    let output = root.appendingPathComponent(name)
    var options = BuildOptions(root: root, output: output, writesOutput: true, progress: { _ in })
    options.cache = cache
    let result = try await SiteBuilder().build(options)
    return (result, SiteFixture.snapshot(of: output))
  }

  private func lines(_ list: DiagnosticList) -> [String] {
    list.items.map { DiagnosticFormat.textLine($0).trimmingCharacters(in: .newlines) }
  }

  @Test func fetchedAndLocalCatalogsBuildTheSamePortalButForProvenance() async throws {
    let fixture = try RemoteRepositoriesFixture()
    let remote = try fixture.remoteSite()
    let report = try await fixture.fetch(remote)
    #expect(report.diagnostics == [])
    fixture.server.stop()
    let (remoteBuild, fetched) = try await build(remote, into: "remote-output")
    let localRoot = try fixture.localSite()
    let (localBuild, local) = try await build(localRoot, into: "local-output")
    #expect(lines(remoteBuild.diagnostics) == [])
    #expect(lines(localBuild.diagnostics) == [])
    #expect(Set(fetched.keys) == Set(local.keys))
    let normalizer = ProvenanceNormalizer(
      fixture: fixture, lock: report.lock, remoteRoot: remote, localRoot: localRoot)
    var differing: [String] = []
    for path in local.keys.sorted() {
      guard let fetchedFile = fetched[path], let localFile = local[path] else { continue }
      if fetchedFile == localFile { continue }
      differing.append(path)
      let normalized = try normalizer.normalize(String(decoding: fetchedFile, as: UTF8.self))
      let expected = String(decoding: localFile, as: UTF8.self)
      #expect(normalized == expected, "\(path) differs beyond provenance (\(remote.path), \(local.count))")
    }
    #expect(differing == ProvenanceNormalizer.filesWithProvenance)
  }

  @Test func buildsWithTheBuildCacheReadTheFetchedDocsSites() async throws {
    let fixture = try RemoteRepositoriesFixture()
    let remote = try fixture.remoteSite()
    _ = try await fixture.fetch(remote)
    fixture.server.stop()
    let (fresh, expected) = try await build(remote, into: "fresh-output")
    let cache = BuildCacheLocation.folder(remote.appendingPathComponent("build-cache"))
    let (cold, first) = try await build(remote, into: "cached-output", cache: cache)
    let (warm, second) = try await build(remote, into: "cached-output", cache: cache)
    for result in [fresh, cold, warm] { #expect(lines(result.diagnostics) == []) }
    for files in [first, second] {
      let paths = Set(files.keys).union(expected.keys)
      #expect(paths.filter { files[$0] != expected[$0] }.sorted() == [])
    }
  }

  @Test func twoCopiesOfTheRepositoryAndLockBuildByteIdentically() async throws {
    let fixture = try RemoteRepositoriesFixture()
    let first = try fixture.remoteSite()
    try await fixture.fetch(first)
    // Another machine: the committed files only (no cache), in another folder.
    let second = try TestPaths.temporaryDirectory("waymark-other-machine").appendingPathComponent("catalog")
    try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
    for path in ["waymark.yaml", "waymark.lock", "content"] {
      try FileManager.default.copyItem(
        at: first.appendingPathComponent(path), to: second.appendingPathComponent(path))
    }
    let (offline, _) = try await build(second, into: "unfetched-output")
    #expect(
      lines(offline.diagnostics)
        == ["0", "1"].map { index in
          let url = [
            fixture.url("acme/platform/blob/main/services/**/catalog-info.yaml"),
            fixture.url("acme/billing/blob/main/catalog-info.yaml"),
          ][Int(index) ?? 0]
          return
            "content/catalog/all.yaml:\(8 + (Int(index) ?? 0)):7: warning: spec.targets[\(index)] '\(url)' is not in "
            + "waymark.lock or its cache; run 'waymark fetch' to fetch it [catalog.location-not-fetched]\n"
            + "  note: in entity 'location:default/acme-repositories'"
        })
    let restore = try await fixture.fetch(second, now: "2027-01-15T09:00:00Z")
    #expect(restore.diagnostics == [])
    #expect(
      try Data(contentsOf: second.appendingPathComponent("waymark.lock"))
        == Data(contentsOf: first.appendingPathComponent("waymark.lock")))
    fixture.server.stop()
    let (firstBuild, one) = try await build(first, into: "output-one")
    let (secondBuild, two) = try await build(second, into: "output-two")
    #expect(lines(firstBuild.diagnostics) == [])
    #expect(lines(secondBuild.diagnostics) == [])
    #expect(one.count > 20)
    #expect(one == two)
  }
}

/// The differences a fetched catalog's portal must have from the local one, stated as the
/// rewrites that turn the first into the second; anything else differing fails the test.
///
/// 1. The inputs that differ by construction: the Location names URLs rather than paths (its
///    `spec.targets`, and its bytes and SHA-256 in `api/build.json`), and billing's `techdocs-ref`
///    is `url:…/tree/main/site` rather than `dir:site` (shown as written; its file's bytes and
///    SHA-256).
/// 2. Where each file came from: a fetched file is named by its URL (`source.path` of its
///    entities, `source` of docs pages, `api/build.json`'s inputs), a fetched entity's source
///    carries the locked SHA-256 (`source.sha256`), and its page says "Fetched from <URL>, line N
///    (SHA-256 …)", a link, where a local one says "Defined in <path>:N".
/// 3. A fetched docs site's provenance: "Fetched from <URL> (SHA-256 …)" on its pages,
///    `fetched: {url, resolvedURL, sha256}` in `api/docs/…json`, and its pages' "Edit this page"
///    links, made from the site's URL as TechDocs makes `edit_uri` (the local sites have none).
struct ProvenanceNormalizer {
  let fixture: RemoteRepositoriesFixture
  let lock: RemoteLock
  let remoteRoot: URL
  let localRoot: URL

  static let filesWithProvenance = [
    "api/build.json", "api/catalog.json", "api/docs/default/component/billing.json",
    "api/docs/default/component/orders.json", "api/entities/default/api/orders-api.json",
    "api/entities/default/component/billing.json", "api/entities/default/component/orders.json",
    "api/entities/default/component/payments.json", "api/entities/default/location/acme-repositories.json",
    "catalog/default/api/orders-api/index.html", "catalog/default/component/billing/index.html",
    "catalog/default/component/orders/index.html", "catalog/default/component/payments/index.html",
    "docs/default/component/billing/guide/setup/index.html", "docs/default/component/billing/index.html",
    "docs/default/component/orders/index.html", "docs/default/component/orders/runbook/index.html",
  ]

  func normalize(_ input: String) throws -> String {
    var text = input
    let glob = fixture.url("acme/platform/blob/main/services/**/catalog-info.yaml")
    let billingInfo = fixture.url("acme/billing/blob/main/catalog-info.yaml")
    let billingSite = fixture.url("acme/billing/tree/main/site")
    let ordersSite = fixture.url("acme/platform/blob/main/services/orders/")
    // 1: the Location's targets, billing's docs ref, and both files' sizes and hashes.
    text = text.replacingOccurrences(of: "\"\(glob)\"", with: "\"../../repos/platform/services/**/catalog-info.yaml\"")
    text = text.replacingOccurrences(of: "\"\(billingInfo)\"\n", with: "\"../../repos/billing/catalog-info.yaml\"\n")
    text = text.replacingOccurrences(
      of: "<a href=\"\(billingSite)\" rel=\"noopener\">url:\(billingSite)</a>", with: "dir:site")
    text = text.replacingOccurrences(of: "\"url:\(billingSite)\"", with: "\"dir:site\"")
    for (remote, local) in [
      ("content/catalog/all.yaml", "content/catalog/all.yaml"), (billingInfo, "repos/billing/catalog-info.yaml"),
    ] {
      let fetched = try SourceFile(path: remote, bytes: bytes(remote, under: remoteRoot))
      let copy = try SourceFile(path: local, bytes: Array(Data(contentsOf: localRoot.appendingPathComponent(local))))
      text = text.replacingOccurrences(
        of:
          "\"bytes\": \(fetched.bytes.count),\n      \"path\": \"\(remote)\",\n      \"sha256\": \"\(fetched.sha256)\"",
        with: "\"bytes\": \(copy.bytes.count),\n      \"path\": \"\(remote)\",\n      \"sha256\": \"\(copy.sha256)\"")
    }
    // 3: the sites' provenance and edit links.
    for url in [billingSite, ordersSite] {
      guard let entry = lock.entries[url] else { continue }
      text = text.replacingOccurrences(
        of: "  <p class=\"docs-fetched muted\">Fetched from <a href=\"\(url)\" rel=\"noopener\">\(url)</a> "
          + "(SHA-256 <code title=\"\(entry.sha256)\">\(entry.sha256.prefix(12))</code>)</p>\n", with: "")
      text = text.replacingOccurrences(
        of: "  \"fetched\": {\n    \"resolvedURL\": \"\(entry.resolvedURL)\",\n    \"sha256\": \"\(entry.sha256)\",\n"
          + "    \"url\": \"\(url)\"\n  },\n", with: "")
    }
    for edit in [fixture.url("acme/billing/edit/main/site/"), fixture.url("acme/platform/edit/main/services/orders/")] {
      text = removingEditLinks(from: text, prefix: edit)
    }
    // 2: fetched entities' sources and hashes, then every URL as the local path.
    text = sourceLines(in: text)
    text = removingSourceHashes(from: text)
    text = text.replacingOccurrences(of: billingSite, with: "repos/billing/site")
    text = text.replacingOccurrences(of: fixture.url("acme/platform/blob/main/"), with: "repos/platform/")
    text = text.replacingOccurrences(of: fixture.url("acme/billing/blob/main/"), with: "repos/billing/")
    return text
  }

  private func bytes(_ path: String, under root: URL) throws -> [UInt8] {
    if path.hasPrefix("http") {
      return try RemoteCache.load(root: root).cache.read(path).get().bytes
    }
    return Array(try Data(contentsOf: root.appendingPathComponent(path)))
  }

  /// `<a href="<prefix>…" rel="noopener">Edit this page</a> · ` is left out.
  private func removingEditLinks(from text: String, prefix: String) -> String {
    var result = ""
    var rest = Substring(text)
    let closing = "\" rel=\"noopener\">Edit this page</a> · "
    while let start = rest.range(of: "<a href=\"\(prefix)"), let end = rest[start.upperBound...].range(of: closing) {
      result += rest[..<start.lowerBound]
      rest = rest[end.upperBound...]
    }
    return result + rest
  }

  /// "Fetched from <a href="URL">URL</a>, line N (SHA-256 <code …>…</code>)" as "Defined in <code>URL:N</code>".
  private func sourceLines(in text: String) -> String {
    var result = ""
    var rest = Substring(text)
    let opening = "<p class=\"source muted\">Fetched from <a href=\""
    while let start = rest.range(of: opening) {
      result += rest[..<start.lowerBound]
      let after = rest[start.upperBound...]
      guard let quote = after.firstIndex(of: "\""), let line = after.range(of: "</a>, line "),
        let end = after[line.upperBound...].range(of: "</p>")
      else { return result + rest[start.lowerBound...] }
      let number = after[line.upperBound..<end.lowerBound].prefix { $0.isNumber }
      result += "<p class=\"source muted\">Defined in <code>\(after[..<quote]):\(number)</code></p>"
      rest = after[end.upperBound...]
    }
    return result + rest
  }

  /// `"path": "<URL>",\n<indent>"sha256": "…"` in an entity's `source` as `"path": "<URL>"`.
  private func removingSourceHashes(from text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var index = 1
    while index < lines.count {
      let line = lines[index].trimmingCharacters(in: .whitespaces)
      let previous = lines[index - 1].trimmingCharacters(in: .whitespaces)
      let closes = index + 1 < lines.count && lines[index + 1].trimmingCharacters(in: .whitespaces).hasPrefix("}")
      if line.hasPrefix("\"sha256\": "), previous.hasPrefix("\"path\": \"http"), closes {
        lines[index - 1].removeLast()  // the comma
        lines.remove(at: index)
        continue
      }
      index += 1
    }
    return lines.joined(separator: "\n")
  }
}
