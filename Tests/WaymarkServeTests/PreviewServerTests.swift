import Foundation
import Testing
import WaymarkTestSupport

@testable import WaymarkServe

/// The server on a real loopback socket, driven by raw requests: traversal in the request line is
/// refused however it is spelled, only GET and HEAD are answered, and the build events arrive on
/// an open connection as each build finishes.
@Suite(.serialized) struct PreviewServerTests {
  static func started() async throws -> (PreviewServer, PreviewHub, UInt16, URL) {
    let base = try TestPaths.temporaryDirectory("waymark-server")
    let site = base.appendingPathComponent("site")
    try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
    try Data("<body>home</body>".utf8).write(to: site.appendingPathComponent("index.html"))
    try Data("root:x:0:0".utf8).write(to: base.appendingPathComponent("passwd"))
    let hub = PreviewHub(session: "s")
    let server = try PreviewServer(address: ListenAddress("127.0.0.1")!, port: 0, siteFolder: site.path, hub: hub)
    let url = try await server.start()
    let port = UInt16(url.split(separator: ":").last!.dropLast())!
    return (server, hub, port, base)
  }

  @Test func requestLinesAreResolvedInsideTheSiteOnly() async throws {
    let (server, _, port, _) = try await Self.started()
    let home = try await RawHTTPClient.exchange(port, "GET / HTTP/1.1")
    #expect(home.hasPrefix("HTTP/1.1 200 OK\r\n"))
    #expect(home.contains("<body>home<script src=\"/.waymark/reload.js\" data-generation=\"s-0\"></script></body>"))
    for target in ["/../passwd", "/%2e%2e/passwd", "/..%2fpasswd", "/%2e%2e%2fpasswd", "/./../passwd"] {
      let response = try await RawHTTPClient.exchange(port, "GET \(target) HTTP/1.1")
      #expect(response.hasPrefix("HTTP/1.1 400 Bad Request\r\n"), "\(target)")
      #expect(!response.contains("root:x"), "\(target)")
    }
    #expect(try await RawHTTPClient.exchange(port, "GET /.. HTTP/1.1").hasPrefix("HTTP/1.1 400 "))
    let post = try await RawHTTPClient.exchange(port, "POST / HTTP/1.1")
    #expect(post.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
    #expect(post.contains("Allow: GET, HEAD\r\n"))
    let client = try RawHTTPClient(port: port)
    client.send("GET / HTTP/1.1\r\nHost: rebound.example:\(port)\r\nConnection: close\r\n\r\n")
    #expect(await client.readToEnd().hasPrefix("HTTP/1.1 403 Forbidden\r\n"))
    client.close()
    let head = try await RawHTTPClient.exchange(port, "HEAD / HTTP/1.1")
    #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
    #expect(head.hasSuffix("\r\n\r\n"))
    await server.stop()
  }

  @Test func buildEventsArriveOnTheOpenConnection() async throws {
    let (server, hub, port, _) = try await Self.started()
    let client = try RawHTTPClient(port: port)
    defer { client.close() }
    client.send("GET /.waymark/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    let opening = await client.read(until: "data: s-0\n\n")
    #expect(opening.hasPrefix("HTTP/1.1 200 OK\r\n"))
    #expect(opening.contains("Content-Type: text/event-stream; charset=utf-8\r\n"))
    #expect(opening.contains("Transfer-Encoding: chunked\r\n"))
    for _ in 0..<100 where await hub.listenerCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
    await hub.publish(errors: [], warningCount: 0, failure: nil, timing: nil)
    let next = await client.read(until: "data: s-1\n\n")
    await hub.close()
    let closing = await client.read(until: "0\r\n\r\n")
    let transcript = opening + next + closing
    await server.stop()
    // One chunk per event, and the last chunk when the streams end (the server is stopping).
    #expect(
      transcript.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        == "23\r\nretry: 500\nevent: build\ndata: s-0\n\n\r\n18\r\nevent: build\ndata: s-1\n\n\r\n0\r\n\r\n")
  }

  @Test func aPortInUseIsAFailure() async throws {
    let (server, hub, port, base) = try await Self.started()
    let second = try PreviewServer(address: ListenAddress("127.0.0.1")!, port: port, siteFolder: base.path, hub: hub)
    await #expect(throws: PreviewServer.Failure.self) { try await second.start() }
    await server.stop()
  }

  @Test func listenAddresses() {
    #expect(ListenAddress("127.0.0.1")?.isLoopback == true)
    #expect(ListenAddress("127.8.9.10")?.isLoopback == true)
    #expect(ListenAddress("localhost")?.host == "127.0.0.1")
    #expect(ListenAddress("::1")?.isLoopback == true)
    #expect(ListenAddress("[::1]")?.url(port: 8000) == "http://[::1]:8000/")
    #expect(ListenAddress("::ffff:127.0.0.1")?.isLoopback == true)
    #expect(ListenAddress("0.0.0.0")?.isLoopback == false)
    #expect(ListenAddress("::")?.isLoopback == false)
    #expect(ListenAddress("192.168.1.10")?.isLoopback == false)
    #expect(ListenAddress("example.com") == nil)
    #expect(ListenAddress("127.0.0.1.evil") == nil)
    #expect(ListenAddress("127.0.0.1")?.url(port: 8000) == "http://127.0.0.1:8000/")
  }
}
