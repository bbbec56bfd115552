import Foundation

/// Writes a small site into a fresh temporary folder, from inline files (path → contents).
public enum SiteFixture {
  /// The folder holding `files`.
  public static func make(_ files: [String: String]) throws -> URL {
    let root = try TestPaths.temporaryDirectory("waymark-site")
    for (path, contents) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(contents.utf8).write(to: url)
    }
    return root
  }

  /// Every file under `folder` with its bytes, by relative path, sorted.
  public static func snapshot(of folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    else {
      return files
    }
    let base = folder.standardizedFileURL.path
    for case let url as URL in walker {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
      let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
      files[path] = FileManager.default.contents(atPath: url.path)
    }
    return files
  }

  /// A minimal valid catalog: one group and one component it owns.
  public static let minimalCatalog = """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata:
      name: team-a
    spec:
      type: team
      children: []
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: svc
      description: A <b>bold</b> service
    spec:
      type: service
      lifecycle: production
      owner: team-a

    """
}
