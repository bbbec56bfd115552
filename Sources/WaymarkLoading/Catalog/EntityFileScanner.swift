import Foundation
import StructuredData
import WaymarkModel
import YAML

/// Looks through YAML files no catalog glob reads for ones that hold entities, to say what is
/// wrong with the globs: when none matches, or when a reference's target is defined outside them.
///
/// Bounded: at most `fileLimit` files of at most `byteLimit` bytes are read, so a large tree
/// costs no more than a moment, and nothing is read unless there is a problem to explain.
package struct EntityFileScanner: Sendable {
  /// The site root.
  package let root: URL
  /// The most files read.
  package var fileLimit = 2_000
  /// Larger files are skipped.
  package var byteLimit = 256 * 1024

  /// Creates a scanner.
  package init(root: URL) {
    self.root = root
  }

  /// Whether `path` names a YAML file.
  package static func isYAML(_ path: String) -> Bool {
    path.hasSuffix(".yaml") || path.hasSuffix(".yml")
  }

  /// Up to `limit` of `paths` (sorted) whose text has a line `apiVersion: backstage.io/…`.
  package func lookalikes(in paths: [String], limit: Int = 3) -> [String] {
    var found: [String] = []
    for path in paths.filter(Self.isYAML).prefix(fileLimit) {
      guard let text = text(of: path) else { continue }
      let isEntity = text.split(whereSeparator: \.isNewline).contains { line in
        let trimmed = line.drop { $0 == " " || $0 == "-" }
        guard trimmed.hasPrefix("apiVersion:") else { return false }
        let value = trimmed.dropFirst("apiVersion:".count).drop { $0 == " " || $0 == "\"" || $0 == "'" }
        return value.hasPrefix("backstage.io/")
      }
      if isEntity { found.append(path) }
      if found.count == limit { break }
    }
    return found
  }

  /// Where each entity among `wanted` is defined in `paths`: the first document naming it.
  package func definitions(of wanted: Set<EntityRef>, in paths: [String]) -> [EntityRef: SourceLocation] {
    var found: [EntityRef: SourceLocation] = [:]
    for path in paths.filter(Self.isYAML).prefix(fileLimit) where found.count < wanted.count {
      guard let text = text(of: path), text.contains("kind") else { continue }
      for document in YAMLLoader().load(bytes: Array(text.utf8)).documents {
        let value = YAMLConverter().convert(document.root).value
        guard let kind = value["kind"]?.stringValue, let name = value.value(at: ["metadata", "name"])?.stringValue
        else { continue }
        let namespace = value.value(at: ["metadata", "namespace"])?.stringValue ?? "default"
        let ref = EntityRef(kind: kind, namespace: namespace, name: name)
        guard wanted.contains(ref), found[ref] == nil else { continue }
        found[ref] = SourceLocation(path: path, line: document.root.start.line, column: document.root.start.column)
      }
    }
    return found
  }

  /// A glob that would read `path`: its folder's files of its extension, or the file itself at the root.
  package static func suggestedGlob(for path: String) -> String {
    let parts = path.split(separator: "/")
    guard parts.count > 1, let name = parts.last, let dot = name.lastIndex(of: ".") else { return path }
    return parts.dropLast().joined(separator: "/") + "/**/*" + name[dot...]
  }

  private func text(of path: String) -> String? {
    guard case .success(let file) = SourceFile.read(path, under: root, maximumByteCount: byteLimit) else { return nil }
    return String(decoding: file.bytes, as: UTF8.self)
  }
}
