import Crypto
import Foundation

/// A file read from the site root: its relative path, bytes and SHA-256.
public struct SourceFile: Sendable, Hashable {
  /// The path relative to the site root, with `/` separators.
  public var path: String
  /// The file's bytes.
  public var bytes: [UInt8]

  /// Creates a file value.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// The lowercase hex SHA-256 of the bytes, recorded in `api/build.json`.
  public var sha256: String {
    SHA256.hash(data: bytes).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
