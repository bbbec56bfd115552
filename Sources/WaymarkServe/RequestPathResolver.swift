#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps a request's path to a regular file of the site folder, and never to anything outside it.
///
/// Each `/`-separated segment is percent-decoded on its own, so an encoded `%2F` or `%00` cannot
/// make a separator or end the path; `.` and `..` segments, decoded or not, are refused rather
/// than normalised; hidden segments (`.git`, `.env`) are never served; and the file's real path,
/// links resolved, must lie inside the site folder's real path, so a link inside the site that
/// points out of it is not followed.
public struct RequestPathResolver: Sendable {
  /// What a request path names.
  public enum Resolution: Sendable, Equatable {
    /// A regular file inside the site folder, by its real path.
    case file(String)
    /// A folder asked for without its trailing slash: the path to redirect to.
    case redirect(String)
    /// Nothing servable: missing, hidden, a link leading out of the site, not a regular file.
    case notFound
    /// A malformed path: no leading `/`, a bad percent escape, a `.`/`..` segment, an encoded `/` or NUL.
    case badRequest
  }

  /// The site folder (absolute).
  public let siteFolder: String

  /// Creates a resolver for `siteFolder`.
  public init(siteFolder: String) {
    self.siteFolder = siteFolder
  }

  /// What the request target `target` (path and optional query, percent-encoded) names.
  public func resolve(_ target: String) -> Resolution {
    let path = target.prefix { $0 != "?" && $0 != "#" }
    guard path.hasPrefix("/") else { return .badRequest }
    var segments: [String] = []
    for raw in path.split(separator: "/") {
      guard let bytes = Self.percentDecoded(raw.utf8) else { return .badRequest }
      if bytes.contains(0) || bytes.contains(UInt8(ascii: "/")) { return .badRequest }
      guard let segment = String(validating: bytes, as: UTF8.self) else { return .notFound }
      if segment == "." || segment == ".." { return .badRequest }
      if segment.hasPrefix(".") { return .notFound }
      segments.append(segment)
    }
    guard let root = Self.realPath(siteFolder) else { return .notFound }
    guard let real = inside(root, Self.realPath(([siteFolder] + segments).joined(separator: "/"))) else {
      return .notFound
    }
    switch Self.fileType(real) {
    case S_IFREG: return path.hasSuffix("/") ? .notFound : .file(real)
    case S_IFDIR:
      guard path.hasSuffix("/") else {
        return .redirect("/" + segments.map(Self.percentEncoded).joined(separator: "/") + "/")
      }
      guard let index = inside(root, Self.realPath(real + "/index.html")), Self.fileType(index) == S_IFREG else {
        return .notFound
      }
      return .file(index)
    default: return .notFound
    }
  }

  /// `path` when it is `root` or lies inside it.
  private func inside(_ root: String, _ path: String?) -> String? {
    guard let path, path == root || path.hasPrefix(root == "/" ? "/" : root + "/") else { return nil }
    return path
  }

  /// The bytes `encoded` stands for; nil when a `%` is not followed by two hex digits.
  static func percentDecoded(_ encoded: some Collection<UInt8>) -> [UInt8]? {
    var bytes: [UInt8] = []
    var iterator = encoded.makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    return bytes
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  /// `segment` percent-encoded but for RFC 3986's unreserved characters and sub-delimiters.
  static func percentEncoded(_ segment: String) -> String {
    let kept = Set("-._~!$&'()*+,;=:@".utf8)
    let digits = Array("0123456789ABCDEF".unicodeScalars)
    var out = ""
    for byte in segment.utf8 {
      let alphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
      if alphanumeric || kept.contains(byte) {
        out.unicodeScalars.append(UnicodeScalar(byte))
      } else {
        out += "%"
        out.unicodeScalars.append(digits[Int(byte >> 4)])
        out.unicodeScalars.append(digits[Int(byte & 0xF)])
      }
    }
    return out
  }

  /// The real path of `path` (links resolved); nil when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The `S_IFMT` bits of `path`'s mode (`stat`, links followed); nil when it does not exist.
  static func fileType(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & S_IFMT
  }
}
