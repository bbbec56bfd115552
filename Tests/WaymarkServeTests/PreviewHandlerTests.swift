import FlyingFox
import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

@testable import WaymarkServe

/// The handler over a site folder: HTML gets the reload script in the response only, other files
/// are sent as they are, and the reserved `/.waymark/` paths answer the script, events and status.
@Suite struct PreviewHandlerTests {
  let folder: URL
  let hub = PreviewHub(session: "t")
  let handler: PreviewHandler
  let page = "<!DOCTYPE html><html><body><h1>Home</h1></body></html>\n"

  init() throws {
    let folder = try TestPaths.temporaryDirectory("waymark-handler")
    try Self.write("index.html", page, in: folder)
    try Self.write("assets/style.css", "body{color:red}", in: folder)
    try Self.write("docs/index.html", "<body>docs</body>", in: folder)
    self.folder = folder
    handler = PreviewHandler(siteFolder: folder.path, hub: hub)
  }

  func write(_ path: String, _ text: String) throws {
    try Self.write(path, text, in: folder)
  }

  static func write(_ path: String, _ text: String, in folder: URL) throws {
    let url = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func get(_ target: String, method: HTTPMethod = .GET) async throws -> (HTTPResponse, String) {
    let request = HTTPRequest(
      method: method, version: .http11, target: .init(path: target, query: ""), headers: [:], body: HTTPBodySequence())
    let response = try await handler.handleRequest(request)
    return (response, String(decoding: try await response.bodyData, as: UTF8.self))
  }

  @Test func htmlGetsTheScriptInTheResponseAndTheFileStaysAsItWas() async throws {
    let (response, body) = try await get("/")
    #expect(response.statusCode == .ok)
    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
    #expect(response.headers[.cacheControl] == "no-store")
    #expect(response.headers[HTTPHeader("X-Content-Type-Options")] == "nosniff")
    #expect(
      body
        == "<!DOCTYPE html><html><body><h1>Home</h1>"
        + "<script src=\"/.waymark/reload.js\" data-generation=\"t-0\"></script></body></html>\n")
    #expect(try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8) == page)
  }

  @Test func otherFilesAreSentAsTheyAre() async throws {
    let (response, body) = try await get("/assets/style.css")
    #expect(response.statusCode == .ok)
    #expect(response.headers[.contentType] == "text/css; charset=utf-8")
    #expect(body == "body{color:red}")
  }

  @Test func headSendsTheLengthWithoutTheBody() async throws {
    let (response, body) = try await get("/assets/style.css", method: .HEAD)
    #expect(response.statusCode == .ok)
    #expect(response.headers[.contentLength] == "15")
    #expect(body == "")
    let (page, pageBody) = try await get("/", method: .HEAD)
    #expect(page.headers[.contentLength] == String(try await get("/").1.utf8.count))
    #expect(pageBody == "")
  }

  @Test func onLoopbackOnlyRequestsNamingThisMachineAreAnswered() async throws {
    let guarded = PreviewHandler(
      siteFolder: folder.path, hub: hub, allowedHosts: PreviewHandler.allowedHosts(for: ListenAddress("127.0.0.1")!))
    func status(_ host: String?) async throws -> Int {
      let headers: HTTPHeaders = host.map { [.host: $0] } ?? [:]
      let request = HTTPRequest(
        method: .GET, version: .http11, target: .init(path: "/", query: ""), headers: headers, body: HTTPBodySequence())
      return try await guarded.handleRequest(request).statusCode.code
    }
    for host in ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000", nil] {
      #expect(try await status(host) == 200, "\(host ?? "no Host")")
    }
    for host in ["rebound.example:8000", "127.0.0.1.rebound.example", "[::2]:8000", "0.0.0.0:8000", ""] {
      #expect(try await status(host) == 403, "\(host)")
    }
    #expect(PreviewHandler.allowedHosts(for: ListenAddress("::1")!) == ["localhost", "127.0.0.1", "[::1]"])
    #expect(
      PreviewHandler.allowedHosts(for: ListenAddress("127.0.0.2")!) == ["localhost", "127.0.0.1", "[::1]", "127.0.0.2"])
    #expect(PreviewHandler.allowedHosts(for: ListenAddress("0.0.0.0")!) == nil)
  }

  @Test func onlyGetAndHeadAreAnswered() async throws {
    for method in [HTTPMethod.POST, .PUT, .DELETE, .OPTIONS, HTTPMethod("PROPFIND")] {
      let (response, _) = try await get("/", method: method)
      #expect(response.statusCode == .methodNotAllowed)
      #expect(response.headers[HTTPHeader("Allow")] == "GET, HEAD")
    }
  }

  @Test func foldersRedirectAndBadPathsAreRefused() async throws {
    let (redirect, _) = try await get("/docs")
    #expect(redirect.statusCode == .found)
    #expect(redirect.headers[.location] == "/docs/")
    #expect(
      try await get("/docs/").1
        == "<body>docs<script src=\"/.waymark/reload.js\" data-generation=\"t-0\"></script></body>")
    #expect(try await get("/../etc/passwd").0.statusCode == .badRequest)
    #expect(try await get("/%2e%2e/%2e%2e/etc/passwd").0.statusCode == .badRequest)
  }

  @Test func missingPagesUseTheSites404PageWithTheScript() async throws {
    try write("404.html", "<body>lost</body>")
    let (response, body) = try await get("/nowhere/")
    #expect(response.statusCode == .notFound)
    #expect(body == "<body>lost<script src=\"/.waymark/reload.js\" data-generation=\"t-0\"></script></body>")
  }

  @Test func beforeTheFirstBuildMissingPagesSayItIsRunning() async throws {
    let (response, body) = try await get("/nowhere/")
    #expect(response.statusCode.code == 503)
    #expect(body.contains("<h1 style=\"font-size:20px\">waymark serve: building the site…</h1>"))
    #expect(body.contains("data-generation=\"t-0\""))
  }

  @Test func afterAFailedBuildPagesCarryTheOverlayAndMissingOnesTheDiagnosticsPage() async throws {
    await Self.fail(hub)
    let (response, body) = try await get("/")
    #expect(response.statusCode == .ok)
    #expect(body.contains("<div id=\"waymark-serve-errors\""))
    #expect(body.contains("<strong class=\"location\">content/catalog/a.yaml:4:9</strong>: error: "))
    #expect(body.contains("data-generation=\"t-1\""))
    let (missing, page) = try await get("/nowhere/")
    #expect(missing.statusCode == .internalServerError)
    #expect(page.contains("<h1 style=\"font-size:20px\">waymark serve: the build failed</h1>"))
    #expect(page.contains("content/catalog/a.yaml:4:9"))
  }

  @Test func theReservedPathsAnswerTheScriptStatusAndDiagnostics() async throws {
    let (script, source) = try await get("/.waymark/reload.js")
    #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
    #expect(source == ReloadScript.source)
    #expect(try await get("/.waymark/other").0.statusCode.code == 503)
    await Self.fail(hub)
    let (status, json) = try await get("/.waymark/status.json")
    #expect(status.headers[.contentType] == "application/json")
    #expect(json.contains("\"generation\": \"t-1\""))
    #expect(json.contains("content/catalog/a.yaml:4:9: error: no such owner [catalog.dangling-ref]"))
    #expect(try await get("/.waymark/errors").1.contains("content/catalog/a.yaml:4:9"))
    #expect(try await get("/.waymark/other").0.statusCode == .internalServerError)
  }

  @Test func theEventStreamStartsWithTheCurrentGenerationAndSendsEachBuild() async throws {
    let (response, _) = try await Self.headOnly(handler)
    #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
    let body = await hub.events()
    var iterator = body.makeAsyncIterator()
    #expect(
      await iterator.nextBuffer(suggested: 4096).map { String(decoding: $0, as: UTF8.self) }
        == "retry: 500\nevent: build\ndata: t-0\n\n")
    #expect(await hub.listenerCount == 1)
    await Self.fail(hub)
    #expect(
      await iterator.nextBuffer(suggested: 4096).map { String(decoding: $0, as: UTF8.self) }
        == "event: build\ndata: t-1\n\n")
    await hub.heartbeat()
    #expect(await iterator.nextBuffer(suggested: 4).map { String(decoding: $0, as: UTF8.self) } == ": pi")
    #expect(await iterator.nextBuffer(suggested: 4096).map { String(decoding: $0, as: UTF8.self) } == "ng\n\n")
    await hub.close()
    #expect(await iterator.nextBuffer(suggested: 4096) == nil)
  }

  @Test func aDroppedStreamStopsListening() async throws {
    do {
      let body = await hub.events()
      #expect(await hub.listenerCount == 1)
      _ = body
    }
    for _ in 0..<100 where await hub.listenerCount > 0 { try await Task.sleep(for: .milliseconds(10)) }
    #expect(await hub.listenerCount == 0)
  }

  static func headOnly(_ handler: PreviewHandler) async throws -> (HTTPResponse, String) {
    let request = HTTPRequest(
      method: .HEAD, version: .http11, target: .init(path: "/.waymark/events", query: ""), headers: [:],
      body: HTTPBodySequence())
    let response = try await handler.handleRequest(request)
    return (response, String(decoding: try await response.bodyData, as: UTF8.self))
  }

  static func fail(_ hub: PreviewHub) async {
    let diagnostic = Diagnostic.error(
      .catalogDanglingRef, "no such owner", at: SourceLocation(path: "content/catalog/a.yaml", line: 4, column: 9))
    await hub.publish(
      errors: [diagnostic], warningCount: 0, failure: nil,
      timing: RebuildTiming(
        settleMilliseconds: 50, buildMilliseconds: 10, stages: [], changed: ["content/catalog/a.yaml"]))
  }
}
