import Foundation
import StructuredData
import YAML

/// Times the YAML engine alone: every `*.yaml` under a folder, read into memory first, then
/// parsed (`YAMLLoader`) and converted to values (`YAMLConverter`) one file after another.
///
/// This is the same work as PyYAML's `CSafeLoader` `load_all` over the same bytes, the peer it
/// is compared with; both sit on libyaml.
struct YAMLThroughputProbe: Sendable {
  /// The folder searched recursively.
  var folder: URL

  func run() -> ProbeReport {
    let files = Self.yamlFiles(under: folder)
    let contents = files.compactMap { FileManager.default.contents(atPath: $0.path).map { [UInt8]($0) } }
    let clock = ContinuousClock()
    var documents = 0
    var problems = 0
    let elapsed = clock.measure {
      for bytes in contents {
        let stream = YAMLLoader().load(bytes: bytes)
        problems += stream.problems.count
        for document in stream.documents {
          let conversion = YAMLConverter().convert(document.root)
          problems += conversion.problems.count
          documents += 1
        }
      }
    }
    let byteCount = contents.reduce(0) { $0 + $1.count }
    return ProbeReport(
      stage: "yaml", seconds: elapsed.seconds,
      fields: [
        "files": .int(Int64(contents.count)), "bytes": .int(Int64(byteCount)), "documents": .int(Int64(documents)),
        "problems": .int(Int64(problems)),
        "mbPerSecond": .double(elapsed.seconds > 0 ? Double(byteCount) / elapsed.seconds / 1e6 : 0),
      ])
  }

  /// Every regular `*.yaml` file under `folder`, sorted by path.
  static func yamlFiles(under folder: URL) -> [URL] {
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    else {
      return []
    }
    var files: [URL] = []
    for case let url as URL in walker where url.pathExtension == "yaml" {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
    }
    return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }
}
