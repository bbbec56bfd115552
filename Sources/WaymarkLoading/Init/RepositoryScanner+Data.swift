import Foundation
import StructuredData
import WaymarkModel

extension RepositoryScanner {
  /// Sorts the non-catalog files into event exports and policy results, by their content.
  func classifyData(_ paths: [String], into scan: inout RepositoryScan) {
    for path in paths {
      let ext = (path as NSString).pathExtension.lowercased()
      let isJSON = ["json", "jsonl", "ndjson", "sarif"].contains(ext)
      guard isJSON || Self.isYAML(path) else { continue }
      guard case .success(let file) = SourceFile.read(path, under: root) else { continue }
      if EventLoader.extensions.contains(ext), let format = Self.eventFormat(file.bytes, isJSON: ext == "json") {
        scan.eventFiles[path] = format
        continue
      }
      let parsed = GuardrailResultLoader.parse(file)
      if parsed.format != "unknown", !parsed.diagnostics.contains(where: { $0.severity == .error }) {
        scan.policyResultFiles[path] = parsed.format
      }
    }
  }

  /// `CDEvents` or `GitHub deliveries` when the file's records decode as events, else nil.
  ///
  /// JSON Lines are judged by their first 256 KiB (whole lines); a JSON document whole.
  static func eventFormat(_ bytes: [UInt8], isJSON: Bool) -> String? {
    let decoder = EventChunkDecoder()
    let first = GuardrailResultLoader.firstContentByte(bytes)
    let result: EventChunkDecoder.Result
    if first == UInt8(ascii: "[") || isJSON {
      result = EventLoader.decodeDocument(bytes, decoder: decoder, isArray: first == UInt8(ascii: "["))
    } else {
      var prefix = Array(bytes.prefix(256 << 10))
      if prefix.count < bytes.count, let end = prefix.lastIndex(of: UInt8(ascii: "\n")) {
        prefix.removeSubrange((end + 1)...)
      }
      result = prefix.withUnsafeBufferPointer { decoder.decodeLines($0) }
    }
    let decoded = result.events.count + result.tickets.count + result.ignored
    guard decoded > 0, decoded >= result.records / 2 else { return nil }
    if let type = result.events.first?.type { return type.hasPrefix("github.") ? "GitHub deliveries" : "CDEvents" }
    if !result.tickets.isEmpty { return "CDEvents" }
    // Only ignored records (tests, approvals): CDEvents name their spec version, deliveries do not.
    let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
    return head.contains("dev.cdevents.") ? "CDEvents" : "GitHub deliveries"
  }
}
