import FlyingSocks

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The address `waymark serve --host` listens on: an IPv4 or IPv6 literal, or `localhost`.
public struct ListenAddress: Sendable, Equatable {
  /// The address family.
  public enum Family: Sendable, Equatable {
    case ip4, ip6
  }

  /// The address as a literal (`127.0.0.1`, `::1`).
  public let host: String
  /// Its family.
  public let family: Family
  private let bytes: [UInt8]

  /// The address `text` names; nil when it is neither an IP literal nor `localhost` (host names
  /// are not looked up: a name could resolve to an address that is not meant to be reachable).
  public init?(_ text: String) {
    var literal = text == "localhost" ? "127.0.0.1" : text
    if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
    if let bytes = Self.parse(literal, family: AF_INET, size: 4) {
      (host, family, self.bytes) = (literal, .ip4, bytes)
    } else if let bytes = Self.parse(literal, family: AF_INET6, size: 16) {
      (host, family, self.bytes) = (literal, .ip6, bytes)
    } else {
      return nil
    }
  }

  /// Whether only this machine can connect: 127.0.0.0/8, `::1`, or an IPv4-mapped 127 address.
  public var isLoopback: Bool {
    switch family {
    case .ip4: return bytes[0] == 127
    case .ip6:
      let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
      return (bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1) || (mapped && bytes[12] == 127)
    }
  }

  /// The URL of the site's root on `port`.
  public func url(port: UInt16) -> String {
    family == .ip6 ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/"
  }

  /// The socket address for `port`.
  func socketAddress(port: UInt16) throws -> any SocketAddress {
    switch family {
    case .ip4: return try sockaddr_in.inet(ip4: host, port: port)
    case .ip6: return try sockaddr_in6.inet6(ip6: host, port: port)
    }
  }

  private static func parse(_ text: String, family: Int32, size: Int) -> [UInt8]? {
    var buffer = [UInt8](repeating: 0, count: size)
    return inet_pton(family, text, &buffer) == 1 ? buffer : nil
  }
}
