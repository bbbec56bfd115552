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

  /// Reads `path` under `root`, or returns a located diagnostic.
  public static func read(_ path: String, under root: URL) -> Result<SourceFile, Diagnostic> {
    let url = root.appendingPathComponent(path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      return .failure(.error("input.missing", "file does not exist", at: SourceLocation(path: path)))
    }
    if isDirectory.boolValue {
      return .failure(.error("input.unreadable", "expected a file, found a directory", at: SourceLocation(path: path)))
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return .failure(.error("input.unreadable", "file cannot be read (permissions?)", at: SourceLocation(path: path)))
    }
    return .success(SourceFile(path: path, bytes: [UInt8](data)))
  }
}
