import FlyingFox
import Foundation

/// Answers the preview server's requests: the site folder's files (HTML with the reload script and,
/// after a failed build, the diagnostics overlay), the reload script, the build events, the status
/// and the diagnostics page under the reserved `/.waymark/` (hidden, so never a site path).
///
/// Only GET and HEAD are answered; nothing is cached by the browser (`no-store`), so a reload
/// always shows the latest build. On a loopback address only requests naming this machine in
/// their `Host` are answered, so a web page cannot read the portal through a domain that
/// resolves to 127.0.0.1 (DNS rebinding).
public struct PreviewHandler: HTTPHandler {
  /// Resolves request paths inside the site folder.
  public let resolver: RequestPathResolver
  /// The build status and the pages listening for builds.
  public let hub: PreviewHub
  /// The host names a request's `Host` may give (lowercase, without the port); nil: any.
  public let allowedHosts: Set<String>?

  /// Creates a handler serving `siteFolder`, answering requests for `allowedHosts` (nil: any).
  public init(siteFolder: String, hub: PreviewHub, allowedHosts: Set<String>? = nil) {
    resolver = RequestPathResolver(siteFolder: siteFolder)
    self.hub = hub
    self.allowedHosts = allowedHosts
  }

  /// The hosts a server on `address` answers for: this machine's names on a loopback address, any
  /// elsewhere (the user chose to be reachable under names Waymark cannot know).
  public static func allowedHosts(for address: ListenAddress) -> Set<String>? {
    address.isLoopback
      ? ["localhost", "127.0.0.1", "[::1]", address.family == .ip6 ? "[\(address.host)]" : address.host] : nil
  }

  /// The host name of a `Host` header (`127.0.0.1:8000` → `127.0.0.1`, `[::1]:8000` → `[::1]`), lowercase.
  static func hostName(_ header: String) -> String {
    let value = header.lowercased()
    if value.hasPrefix("["), let end = value.firstIndex(of: "]") { return String(value[...end]) }
    return String(value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
  }

  /// The response to `request`: 405 for methods other than GET and HEAD; HEAD gets GET's headers.
  public func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
    let isHead = request.method == .HEAD
    if let allowedHosts, let host = request.headers[.host], !allowedHosts.contains(Self.hostName(host)) {
      return Self.text(.forbidden, "waymark serve answers requests for this machine only (localhost, 127.0.0.1)\n")
    }
    guard isHead || request.method == .GET else {
      var response = Self.text(.methodNotAllowed, "only GET and HEAD are served\n")
      response.headers[HTTPHeader("Allow")] = "GET, HEAD"
      return response
    }
    let path = request.target.path()
    if path == ReloadScript.eventsPath {
      return isHead ? Self.eventsHeaders(body: HTTPBodySequence()) : await events()
    }
    let response = try await respond(to: path)
    return isHead ? Self.withoutBody(response) : response
  }

  /// The response to GET `path` (percent-encoded, as requested).
  func respond(to path: String) async throws -> HTTPResponse {
    let status = await hub.status
    switch path {
    case ReloadInjector.scriptPath: return Self.bytes(.ok, Data(ReloadScript.source.utf8), ContentType.of("reload.js"))
    case "/.waymark/status.json": return Self.bytes(.ok, Data(status.json.utf8), ContentType.of("status.json"))
    case "/.waymark/errors":
      return Self.html(.ok, DiagnosticsOverlay.page(for: status, title: "waymark serve: diagnostics"))
    default: break
    }
    switch resolver.resolve(path) {
    case .file(let file): return try fileResponse(file, status: status)
    case .redirect(let location):
      var response = HTTPResponse(statusCode: .found, headers: Self.commonHeaders)
      response.headers[.location] = location
      return response
    case .badRequest: return Self.text(.badRequest, "malformed request path\n")
    case .notFound: return try notFound(status: status)
    }
  }

  /// A site file: HTML with the reload script (and overlay) inserted, anything else as it is.
  private func fileResponse(_ path: String, status: PreviewStatus) throws -> HTTPResponse {
    let type = ContentType.of(path)
    guard ContentType.isHTML(type) else {
      var response = HTTPResponse(
        statusCode: .ok, headers: Self.commonHeaders, body: try HTTPBodySequence(file: URL(fileURLWithPath: path)))
      response.headers[.contentType] = type
      return response
    }
    let html = try Data(contentsOf: URL(fileURLWithPath: path))
    return Self.bytes(.ok, ReloadInjector.inject(into: html, status: status), type)
  }

  /// Nothing at the path: the site's `404.html`, else a page saying the build is running, failed, or
  /// that there is no such page.
  private func notFound(status: PreviewStatus) throws -> HTTPResponse {
    if case .file(let page) = resolver.resolve("/404.html") {
      var response = try fileResponse(page, status: status)
      response.statusCode = .notFound
      return response
    }
    if status.hasErrors {
      return Self.html(
        .internalServerError, DiagnosticsOverlay.page(for: status, title: "waymark serve: the build failed"))
    }
    if !status.built {
      return Self.html(
        HTTPStatusCode(503, phrase: "Service Unavailable"),
        DiagnosticsOverlay.page(for: status, title: "waymark serve: building the site…"))
    }
    return Self.html(.notFound, DiagnosticsOverlay.page(for: status, title: "Not found"))
  }

  /// The build events for one page, open until the page or the server goes.
  private func events() async -> HTTPResponse {
    Self.eventsHeaders(body: HTTPBodySequence(from: await hub.events()))
  }

  private static func eventsHeaders(body: HTTPBodySequence) -> HTTPResponse {
    var response = HTTPResponse(statusCode: .ok, headers: commonHeaders, body: body)
    response.headers[.contentType] = "text/event-stream; charset=utf-8"
    return response
  }

  /// `response`'s status and headers with its body's length, without the body.
  static func withoutBody(_ response: HTTPResponse) -> HTTPResponse {
    guard case .httpBody(let body) = response.payload else { return response }
    var head = HTTPResponse(statusCode: response.statusCode, headers: response.headers)
    if let count = body.count { head.headers[.contentLength] = String(count) }
    return head
  }

  static let commonHeaders: HTTPHeaders = [
    .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff",
  ]

  static func bytes(_ status: HTTPStatusCode, _ body: Data, _ type: String) -> HTTPResponse {
    var response = HTTPResponse(statusCode: status, headers: commonHeaders, body: body)
    response.headers[.contentType] = type
    return response
  }

  static func html(_ status: HTTPStatusCode, _ page: String) -> HTTPResponse {
    bytes(status, Data(page.utf8), ContentType.of("index.html"))
  }

  static func text(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
    bytes(status, Data(text.utf8), ContentType.of("a.txt"))
  }
}
