import Foundation
import Testing
import WaymarkFetch
import WaymarkLoading
import WaymarkModel

@Suite struct RemoteArchiveExtractorTests {
  private let rewriter = RemoteURLRewriter(settings: IntegrationSettings(), environment: ["GITHUB_TOKEN": "gh-secret"])

  private func plan(_ url: String, _ kind: RemoteLock.Kind = .folder) throws -> RemoteURLRewriter.ArchivePlan {
    try rewriter.archive(for: url, kind: kind).get()
  }

  private func text(_ files: [(path: String, bytes: [UInt8])]) -> [String] {
    files.map { "\($0.path)=\(String(decoding: $0.bytes, as: UTF8.self))" }
  }

  private func extract(_ archive: ArchiveBuilder, _ url: String, _ kind: RemoteLock.Kind = .folder) throws -> Result<
    RemoteArchiveExtractor.Extracted, RemoteFetchProblem
  > {
    RemoteArchiveExtractor.extract(archive.gzip, plan: try plan(url, kind))
  }

  @Test func githubFoldersAreReadFromTheTarballOfTheRef() throws {
    let plan = try plan("https://github.com/acme/billing/tree/v2.1/site")
    #expect(plan.download.url.absoluteString == "https://api.github.com/repos/acme/billing/tarball/v2.1")
    #expect(plan.download.headers == ["Authorization": "token gh-secret"])
    #expect(plan.download.redirectHosts == ["codeload.github.com"])
    #expect(plan.folder == "site")
    let root = try self.plan("https://github.com/acme/billing")
    #expect(root.download.url.absoluteString == "https://api.github.com/repos/acme/billing/tarball")
    #expect(root.folder == "")
  }

  @Test func gitlabFoldersAreReadFromTheArchiveOfThePath() throws {
    let rewriter = RemoteURLRewriter(settings: IntegrationSettings(), environment: ["GITLAB_TOKEN": "gl-secret"])
    let plan = try rewriter.archive(
      for: "https://gitlab.com/acme/platform/billing/-/tree/main/docs%20site", kind: .folder
    )
    .get()
    #expect(
      plan.download.url.absoluteString
        == "https://gitlab.com/api/v4/projects/acme%2Fplatform%2Fbilling/repository/archive.tar.gz?sha=main&path=docs%20site"
    )
    #expect(plan.download.headers == ["PRIVATE-TOKEN": "gl-secret"])
    #expect(plan.download.redirectHosts == [])
    #expect(plan.folder == "docs site")
    let withQuery = try rewriter.archive(
      for: "https://gitlab.com/acme/platform/billing/-/tree/main/site?ref_type=heads", kind: .folder
    ).get()
    #expect(
      withQuery.download.url.absoluteString
        == "https://gitlab.com/api/v4/projects/acme%2Fplatform%2Fbilling/repository/archive.tar.gz?sha=main&path=site")
  }

  @Test func globSearchesReadTheWholeRepositoryAndMatchThePath() throws {
    let plan = try plan("https://github.com/acme/platform/blob/main/services/**/catalog-info.yaml", .search)
    #expect(plan.download.url.absoluteString == "https://api.github.com/repos/acme/platform/tarball/main")
    #expect(plan.folder == "services")
    #expect(plan.pattern?.pattern == "services/**/catalog-info.yaml")
    #expect(
      plan.repository.fileURL("services/a b/catalog-info.yaml")
        == "https://github.com/acme/platform/blob/main/services/a%20b/catalog-info.yaml")
  }

  @Test func otherHostsHaveNoArchive() {
    #expect(
      throws: RemoteFetchProblem.refused(
        "'https://docs.example.com/site' is not fetched: a docs site is read from an archive of its repository, which "
          + "needs a GitHub (github.com) or GitLab (gitlab.com) URL such as "
          + "'https://github.com/<owner>/<repo>/tree/<ref>/<path>'")
    ) { try rewriter.archive(for: "https://docs.example.com/site", kind: .folder).get() }
    #expect(
      throws: RemoteFetchProblem.refused(
        "'https://github.com/acme/platform' is not fetched: a glob URL needs a ref and a path, '…/blob/<ref>/<glob>'")
    ) { try rewriter.archive(for: "https://github.com/acme/platform", kind: .search).get() }
  }

  @Test func theFolderIsCutOutOfTheArchiveWithItsTopFolderStripped() throws {
    var archive = ArchiveBuilder()
    archive.add("acme-billing-0a1b2c3/", type: "5")
    archive.add("acme-billing-0a1b2c3/README.md", data: Array("# Repo\n".utf8))
    archive.add("acme-billing-0a1b2c3/site/", type: "5")
    archive.add("acme-billing-0a1b2c3/site/mkdocs.yml", data: Array("site_name: B\n".utf8))
    let long = "site/docs/" + String(repeating: "deep/", count: 24) + "page.md"
    archive.addPaxPath("acme-billing-0a1b2c3/" + long)
    archive.add("ignored-by-pax", data: Array("deep\n".utf8))
    archive.add("acme-billing-0a1b2c3/site/docs/index.md", data: Array("# B\n".utf8))
    archive.add("acme-billing-0a1b2c3/sites/other.md", data: Array("no\n".utf8))
    let extracted = try extract(archive, "https://github.com/acme/billing/tree/main/site").get()
    #expect(
      text(extracted.files) == [
        "docs/" + String(repeating: "deep/", count: 24) + "page.md=deep\n", "docs/index.md=# B\n",
        "mkdocs.yml=site_name: B\n",
      ])
    #expect(extracted.leftOut == [])
  }

  @Test func linksInsideTheFolderAreCopiesAndLinksLeavingItAreLeftOut() throws {
    var archive = ArchiveBuilder()
    archive.add("top/site/docs/index.md", data: Array("# Home\n".utf8))
    archive.add("top/site/docs/home.md", type: "2", link: "index.md")
    archive.add("top/site/docs/again.md", type: "2", link: "home.md")
    archive.add("top/site/docs/hard.md", type: "1", link: "top/site/docs/index.md")
    archive.add("top/site/docs/readme.md", type: "2", link: "../../README.md")
    archive.add("top/site/docs/passwd.md", type: "2", link: "/etc/passwd")
    archive.add("top/site/docs/loop.md", type: "2", link: "loop.md")
    archive.add("top/README.md", data: Array("# Repo\n".utf8))
    let extracted = try extract(archive, "https://github.com/acme/billing/tree/main/site").get()
    #expect(
      text(extracted.files) == [
        "docs/again.md=# Home\n", "docs/hard.md=# Home\n", "docs/home.md=# Home\n", "docs/index.md=# Home\n",
      ])
    #expect(
      extracted.leftOut == [
        "'site/docs/loop.md', a link to 'loop.md' outside the folder fetched",
        "'site/docs/passwd.md', a link to '/etc/passwd' outside the folder fetched",
        "'site/docs/readme.md', a link to '../../README.md' outside the folder fetched",
      ])
  }

  @Test func hostileArchivesAreRefusedWhole() throws {
    let url = "https://github.com/acme/billing/tree/main/site"
    let cases: [(ArchiveBuilder, String)] = [
      (
        {
          var a = ArchiveBuilder()
          a.add("/etc/cron.d/x", data: [1])
          return a
        }(),
        "holds the absolute or malformed path '/etc/cron.d/x'"
      ),
      (
        {
          var a = ArchiveBuilder()
          a.add("top/site/../../../x", data: [1])
          return a
        }(),
        "holds the path 'top/site/../../../x', which climbs out with '..'"
      ),
      (
        {
          var a = ArchiveBuilder()
          a.add("top/site/docs/tty", type: "3")
          return a
        }(),
        "holds the device file 'top/site/docs/tty'"
      ),
      (
        {
          var a = ArchiveBuilder()
          a.add("top/site/docs/pipe", type: "6")
          return a
        }(), "holds the FIFO 'top/site/docs/pipe'"
      ),
      (
        {
          var a = ArchiveBuilder()
          a.add("top/site/x.md", data: [1], checksumDelta: 1)
          return a
        }(),
        "has a header whose checksum is wrong"
      ),
      (
        {
          var a = ArchiveBuilder()
          a.add("top/site/docs/x", type: "S")
          return a
        }(),
        "holds 'top/site/docs/x', an entry of the unsupported type 'S'"
      ),
    ]
    for (archive, message) in cases {
      #expect(throws: RemoteFetchProblem.unsafeArchive(message)) { try extract(archive, url).get() }
    }
    var cut = ArchiveBuilder()
    cut.add("top/site/index.md", data: Array(repeating: 65, count: 2000))
    let truncated = ArchiveBuilder.gzip(Array(cut.bytes.prefix(1000)))
    #expect(throws: RemoteFetchProblem.unsafeArchive("ends in the middle of an entry")) {
      try RemoteArchiveExtractor.extract(truncated, plan: try plan(url)).get()
    }
    #expect(throws: RemoteFetchProblem.failed("the archive is not a readable .tar.gz")) {
      try RemoteArchiveExtractor.extract(cut.tar, plan: try plan(url)).get()
    }
  }

  @Test func aMissingFolderIsAFailureNamingIt() throws {
    var archive = ArchiveBuilder()
    archive.add("top/README.md", data: [1])
    #expect(throws: RemoteFetchProblem.failed("the repository has no folder 'site' at 'main'")) {
      try extract(archive, "https://github.com/acme/billing/tree/main/site").get()
    }
  }

  @Test func aSearchKeepsTheMatchesByRepositoryPath() throws {
    var archive = ArchiveBuilder()
    archive.add("top/services/a/catalog-info.yaml", data: Array("a\n".utf8))
    archive.add("top/services/b/c/catalog-info.yaml", data: Array("c\n".utf8))
    archive.add("top/services/catalog-info.yaml", data: Array("s\n".utf8))
    archive.add("top/other/catalog-info.yaml", data: Array("o\n".utf8))
    archive.add("top/services/a/openapi.yaml", data: Array("x\n".utf8))
    let extracted = try extract(
      archive, "https://github.com/acme/platform/blob/main/services/**/catalog-info.yaml", .search
    ).get()
    #expect(
      text(extracted.files) == [
        "services/a/catalog-info.yaml=a\n", "services/b/c/catalog-info.yaml=c\n", "services/catalog-info.yaml=s\n",
      ])
  }

  @Test func anArchiveUnpackingPastTheLimitStops() throws {
    let zeros = ArchiveBuilder.gzip([UInt8](repeating: 0, count: 300_000))
    var pieces = 0
    #expect(throws: GzipDecoder.Problem.tooLarge(100_000)) {
      try GzipDecoder.decode(zeros, limit: 100_000) { _ in pieces += 1 }
    }
    #expect(pieces == 0)
    var all: [UInt8] = []
    try GzipDecoder.decode(
      ArchiveBuilder.gzip(Array("two ".utf8)) + ArchiveBuilder.gzip(Array("members".utf8)),
      limit: 100
    ) { all += $0 }
    #expect(String(decoding: all, as: UTF8.self) == "two members")
  }

  @Test func theStoredFolderIsOneCanonicalTarReadBackExactly() throws {
    let files: [(path: String, bytes: [UInt8])] = [
      ("mkdocs.yml", Array("site_name: B\n".utf8)), ("docs/img/flow.png", [0x89, 0x50, 0x00, 0xff]),
      ("docs/" + String(repeating: "x", count: 120) + ".md", Array("# Long\n".utf8)),
    ]
    let pack = TarWriter.pack(files)
    #expect(pack == TarWriter.pack(files.reversed()))
    #expect(pack.count % 512 == 0)
    let reader = try TarReader.read(pack, limits: RemoteCache.folderLimits).get()
    let read = reader.entries.indices.compactMap { index in reader.data[index].map { (reader.entries[index].path, $0) }
    }
    #expect(read.map(\.0) == ["docs/img/flow.png", "docs/" + String(repeating: "x", count: 120) + ".md", "mkdocs.yml"])
    #expect(read.map(\.1) == [[0x89, 0x50, 0x00, 0xff], Array("# Long\n".utf8), Array("site_name: B\n".utf8)])
  }

  @Test func keptFilesAreBoundedInSizeAndNumber() throws {
    var archive = ArchiveBuilder()
    archive.add("a.md", data: Array(repeating: 65, count: 600))
    archive.add("b.md", data: Array(repeating: 66, count: 600))
    let limits = TarReader.Limits(maximumEntryBytes: 500, maximumKeptBytes: 1000, maximumKeptEntries: 1)
    #expect(throws: TarProblem(message: "holds 'a.md', over the 500 bytes limit for one file", exceedsLimit: true)) {
      try TarReader.read(archive.tar, limits: limits).get()
    }
    let total = TarReader.Limits(maximumEntryBytes: 1000, maximumKeptBytes: 1000, maximumKeptEntries: 5)
    #expect(throws: TarProblem(message: "holds over 1000 bytes of files to keep", exceedsLimit: true)) {
      try TarReader.read(archive.tar, limits: total).get()
    }
    let count = TarReader.Limits(maximumEntryBytes: 1000, maximumKeptBytes: 5000, maximumKeptEntries: 1)
    #expect(throws: TarProblem(message: "holds more files to keep than the limit of 1", exceedsLimit: true)) {
      try TarReader.read(archive.tar, limits: count).get()
    }
  }
}
