import Foundation
import WaymarkModel

/// Reads the site's layouts folder: every file's bytes, by path relative to the folder.
public struct LayoutFolderReader: Sendable {
  /// The site's settings and files.
  public let inputs: SiteInputs

  /// Creates a reader.
  public init(inputs: SiteInputs) {
    self.inputs = inputs
  }

  /// The layout files; empty when the site has no layouts folder. Unreadable files are skipped.
  public func read() -> [String: [UInt8]] {
    let folder = inputs.root.appendingPathComponent(inputs.config.layoutsDirectory)
    guard FileManager.default.fileExists(atPath: folder.path) else { return [:] }
    var files: [String: [UInt8]] = [:]
    for path in InputFinder(root: folder, excludedFolders: []).allFiles() {
      if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) {
        files[path] = [UInt8](data)
      }
    }
    return files
  }
}
