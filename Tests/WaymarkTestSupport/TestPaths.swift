import Foundation

/// Where things are, for tests: the repository root and the optional `../shared` folder.
public enum TestPaths {
  /// The repository root, found from this file's location.
  public static let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  /// `../shared` beside the repository, or nil when absent (a user's fresh clone has none).
  public static var shared: URL? {
    let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      return nil
    }
    return url
  }

  /// A message for tests skipped because `../shared` is absent.
  public static let sharedMissing = "skipped: ../shared is absent (it holds the conformance suites; see README)"

  /// A fresh, empty temporary directory.
  public static func temporaryDirectory(_ label: String = "waymark-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
