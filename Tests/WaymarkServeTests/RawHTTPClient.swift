import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A bare TCP client for the server tests: sends request bytes exactly as written (no client
/// library normalises `..` or percent escapes first) and reads what comes back.
struct RawHTTPClient {
  let port: UInt16
  private let socket: Int32

  struct Failure: Error {}

  init(port: UInt16) throws {
    self.port = port
    socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw Failure() }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var timeout = timeval(tv_sec: 60, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      Glibc.close(socket)
      throw Failure()
    }
  }

  func send(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
  }

  /// Reads until `text` has arrived (or the connection closes or sixty seconds pass); everything
  /// read. The blocking reads run on a thread of their own: on the cooperative pool they would hold
  /// one of the few threads (two on a 2-core machine) the server's own tasks need to answer.
  func read(until text: String) async -> String {
    await Self.onOwnThread { readBlocking(until: text) }
  }

  private func readBlocking(until text: String) -> String {
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !String(decoding: received, as: UTF8.self).contains(text) {
      let count = recv(socket, &buffer, buffer.count, 0)
      guard count > 0 else { break }
      received += buffer[0..<count]
    }
    return String(decoding: received, as: UTF8.self)
  }

  /// Reads until the server closes the connection.
  func readToEnd() async -> String {
    await read(until: "\u{0}never\u{0}")
  }

  private static func onOwnThread(_ work: @escaping @Sendable () -> String) async -> String {
    await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: work()) }.start()
    }
  }

  func close() {
    Glibc.close(socket)
  }

  /// One request on a connection of its own, answered and closed (`Connection: close`).
  static func exchange(_ port: UInt16, _ requestLine: String) async throws -> String {
    let client = try RawHTTPClient(port: port)
    defer { client.close() }
    client.send("\(requestLine)\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    return await client.readToEnd()
  }
}
