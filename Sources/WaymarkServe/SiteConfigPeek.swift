import Foundation
import WaymarkLoading

/// The output folder a build of the root would write, read before the first build so the watcher
/// can ignore it from the start.
enum SiteConfigPeek {
  /// `output` (`--output`) when given, else `waymark.yaml`'s `output` under the root.
  static func outputFolder(root: URL, output: URL?) -> URL {
    if let output { return output.standardizedFileURL }
    let root = root.standardizedFileURL
    return root.appendingPathComponent(SiteConfigLoader().load(root: root).config.outputDirectory)
  }
}
