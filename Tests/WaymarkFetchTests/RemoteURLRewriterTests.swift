import Foundation
import Testing
import WaymarkFetch
import WaymarkLoading
import WaymarkModel

@Suite struct RemoteURLRewriterTests {
  private let rewriter = RemoteURLRewriter(
    settings: IntegrationSettings(), environment: ["GITHUB_TOKEN": "gh-secret", "GITLAB_TOKEN": "gl-secret"])

  @Test func githubBlobURLsAreReadFromTheRawHostWithTheToken() throws {
    let download = try rewriter.download(for: "https://github.com/acme/orders/blob/main/docs/catalog-info.yaml").get()
    #expect(download.url.absoluteString == "https://raw.githubusercontent.com/acme/orders/main/docs/catalog-info.yaml")
    #expect(download.headers == ["Authorization": "token gh-secret"])
  }

  @Test func gitlabBlobURLsAreReadThroughRaw() throws {
    let download = try rewriter.download(for: "https://gitlab.com/acme/platform/orders/-/blob/main/catalog-info.yaml")
      .get()
    #expect(download.url.absoluteString == "https://gitlab.com/acme/platform/orders/-/raw/main/catalog-info.yaml")
    #expect(download.headers == ["PRIVATE-TOKEN": "gl-secret"])
  }

  @Test func otherHostsAreReadAsWrittenWithoutCredentials() throws {
    let download = try rewriter.download(for: "https://specs.example.com/orders/openapi.yaml").get()
    #expect(download.url.absoluteString == "https://specs.example.com/orders/openapi.yaml")
    #expect(download.headers == [:])
  }

  @Test func onlyHTTPSOrLoopbackHTTPIsFetched() {
    for refused in ["http://example.com/a.yaml", "file:///etc/passwd", "ftp://example.com/a.yaml"] {
      #expect(
        throws: RemoteFetchProblem.refused(
          "'\(refused)' is not fetched: only https URLs are (http only to this machine)")
      ) { try rewriter.download(for: refused).get() }
    }
    #expect((try? rewriter.download(for: "http://127.0.0.1:8080/a.yaml").get()) != nil)
  }

  @Test func relativeTargetsResolveAgainstTheFetchedFile() {
    let base = "https://github.com/acme/orders/blob/main/catalog-info.yaml"
    #expect(
      RemoteCache.resolve("./openapi.yaml", againstURL: base) == "https://github.com/acme/orders/blob/main/openapi.yaml"
    )
    #expect(
      RemoteCache.resolve("../v2/catalog-info.yaml", againstURL: base)
        == "https://github.com/acme/orders/blob/v2/catalog-info.yaml")
  }
}
