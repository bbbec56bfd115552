import Foundation
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// The docs fixture sites under `Fixtures/`, as files to hand to `SiteFixture.make`.
enum DocsFixture {
  /// Every file of `Fixtures/<name>/`, by relative path.
  static func files(_ name: String, filePath: String = #filePath) -> [String: String] {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures").appendingPathComponent(name)
    var files: [String: String] = [:]
    for (path, data) in SiteFixture.snapshot(of: folder) {
      files[path] = String(decoding: data, as: UTF8.self)
    }
    return files
  }

  /// Builds a site from `files` without publishing it.
  static func build(_ files: [String: String]) async throws -> BuildResult {
    let root = try SiteFixture.make(files)
    return try await SiteBuilder().build(
      BuildOptions(root: root, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"), writesOutput: false))
  }

  /// The text of an output file, or nil.
  static func text(_ result: BuildResult, _ path: String) -> String? {
    result.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
  }
}
