import Foundation

/// Where things are, for tests: the repository root and the vendored conformance suites.
public enum TestPaths {
  /// The repository root, found from this file's location.
  public static let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  /// The vendored conformance suites, `Tests/Conformance/` (each folder has its source's README and LICENSE).
  public static let conformance: URL = repositoryRoot.appendingPathComponent("Tests/Conformance")

  /// The vendored suite `name` (`yaml-test-suite`, `backstage`, `cel`, `cdevents`, `policy-results`).
  ///
  /// Throws when the folder is missing, so a clone without it fails the test instead of skipping it.
  public static func conformanceSuite(_ name: String) throws -> URL {
    let url = conformance.appendingPathComponent(name)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw MissingConformanceSuite(path: url.path)
    }
    return url
  }

  /// A fresh, empty temporary directory.
  public static func temporaryDirectory(_ label: String = "waymark-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
