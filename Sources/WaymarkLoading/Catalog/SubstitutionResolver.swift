import Foundation
import StructuredData
import WaymarkModel
import YAML

/// Resolves Backstage's `$text`, `$json` and `$yaml` placeholders in a catalog document.
///
/// Follows `PlaceholderProcessor`: an object whose only key is `$text`, `$json` or `$yaml` with
/// a string value is replaced by the file it names, read relative to the entity's file. Objects
/// with other `$` keys (a JSON Schema's `$ref`) are left alone, and substituted content is not
/// searched again. Paths never leave the site root; a URL (or any target in a fetched file,
/// resolved against its URL) is read from the cache `waymark fetch` filled, never the network.
public struct SubstitutionResolver: Sendable {
  /// The site root.
  public let root: URL
  /// Fetched files.
  public let remote: RemoteCache

  /// Creates a resolver.
  public init(root: URL, remote: RemoteCache? = nil) {
    self.root = root
    self.remote = remote ?? RemoteCache(root: root)
  }

  /// What resolving one document produced.
  public struct Resolution: Sendable {
    /// The document with every resolvable placeholder replaced.
    public var value: JSONValue
    /// The files read for the placeholders.
    public var files: [SourceFile]
    /// Problems: missing files, paths outside the root, unparsable JSON or YAML, URLs not fetched.
    public var diagnostics: [Diagnostic]
    /// The URLs named that the cache does not hold.
    package var requests: [RemoteRequest] = []
  }

  /// The placeholder kinds Backstage resolves, by key.
  package static let placeholderKeys: Set<String> = ["$text", "$json", "$yaml"]

  /// Whether `value` is a placeholder, resolved or not (`{$text: ./openapi.yaml}`).
  public static func isPlaceholder(_ value: JSONValue) -> Bool {
    guard case .object(let members) = value, members.count == 1, let (key, target) = members.first else { return false }
    return placeholderKeys.contains(key) && target.stringValue != nil
  }

  /// "in entity 'kind:namespace/name'", for problems found before the entity is validated.
  package static func entityNote(for document: JSONValue) -> DiagnosticNote? {
    guard let kind = document["kind"]?.stringValue, let name = document.value(at: ["metadata", "name"])?.stringValue
    else {
      return nil
    }
    let namespace = document.value(at: ["metadata", "namespace"])?.stringValue ?? "default"
    return DiagnosticNote("in entity '\(EntityRef(kind: kind, namespace: namespace, name: name))'")
  }

  /// Resolves the placeholders of the document read from `path`.
  public func resolve(_ value: JSONValue, path: String, sourceMap: YAMLSourceMap) -> Resolution {
    var resolution = Resolution(value: value, files: [], diagnostics: [])
    guard Self.containsPlaceholder(value) else { return resolution }
    var components: [ValuePath.Component] = []
    resolution.value = substitute(value, components: &components, path: path, sourceMap: sourceMap, into: &resolution)
    if let note = Self.entityNote(for: value) {
      resolution.diagnostics = resolution.diagnostics.map { diagnostic in
        var noted = diagnostic
        noted.notes.append(note)
        return noted
      }
    }
    return resolution
  }

  /// A read-only scan first, so the common document without placeholders is never rebuilt.
  package static func containsPlaceholder(_ value: JSONValue) -> Bool {
    switch value {
    case .object(let members):
      if members.keys.contains(where: { $0.hasPrefix("$") }) { return members.count == 1 && isPlaceholder(value) }
      return members.values.contains(where: containsPlaceholder)
    case .array(let elements):
      return elements.contains(where: containsPlaceholder)
    default:
      return false
    }
  }

  private func substitute(
    _ value: JSONValue, components: inout [ValuePath.Component], path: String, sourceMap: YAMLSourceMap,
    into resolution: inout Resolution
  ) -> JSONValue {
    switch value {
    case .object(let members):
      if Self.isPlaceholder(value), let (key, target) = members.first, let text = target.stringValue {
        let field = ValuePath(components)
        let location = SourceLocation(path: path, position: sourceMap.position(of: field))
        return replacement(for: key, target: text, field: field, at: location, besideFile: path, into: &resolution)
          ?? value
      }
      if members.keys.contains(where: { $0.hasPrefix("$") }) { return value }
      var result: [String: JSONValue] = [:]
      result.reserveCapacity(members.count)
      for (key, member) in members {
        components.append(.key(key))
        result[key] = substitute(member, components: &components, path: path, sourceMap: sourceMap, into: &resolution)
        components.removeLast()
      }
      return .object(result)
    case .array(let elements):
      var result: [JSONValue] = []
      result.reserveCapacity(elements.count)
      for (index, element) in elements.enumerated() {
        components.append(.index(index))
        result.append(substitute(element, components: &components, path: path, sourceMap: sourceMap, into: &resolution))
        components.removeLast()
      }
      return .array(result)
    default:
      return value
    }
  }

  /// The value a placeholder stands for, or nil (with a diagnostic) when it cannot be resolved.
  private func replacement(
    for key: String, target: String, field: ValuePath, at location: SourceLocation, besideFile file: String,
    into resolution: inout Resolution
  ) -> JSONValue? {
    if LocationResolver.isURL(target) || LocationResolver.isURL(file) {
      guard
        let read = remoteFile(
          key: key, target: target, field: field, at: location, besideFile: file, into: &resolution)
      else { return nil }
      return parsed(read, key: key, field: field, at: location, into: &resolution)
    }
    guard !target.hasPrefix("/"), let resolved = RootPath.resolve(target, besideFile: file) else {
      resolution.diagnostics.append(
        .error(.catalogPathOutsideRoot, "\(field) \(key) '\(target)' points outside the site root", at: location))
      return nil
    }
    if RootPath.hiddenSegment(in: resolved) != nil {
      resolution.diagnostics.append(
        .error(
          .catalogHiddenPath, "\(field) \(key) '\(target)' names the hidden file '\(resolved)', which is never read",
          at: location))
      return nil
    }
    let file: SourceFile
    switch SourceFile.read(resolved, under: root) {
    case .failure(let problem) where problem.code == .inputMissing:
      resolution.diagnostics.append(
        .error(
          .catalogSubstitutionMissing, "\(field) \(key) '\(target)' names '\(resolved)', which does not exist",
          at: location))
      return nil
    case .failure(let problem) where problem.code == .inputOutsideRoot:
      resolution.diagnostics.append(
        .error(
          .catalogPathOutsideRoot, "\(field) \(key) '\(target)' points outside the site root through a symbolic link",
          at: location))
      return nil
    case .failure(let problem) where problem.code == .inputHiddenPath:
      resolution.diagnostics.append(
        .error(
          .catalogHiddenPath, "\(field) \(key) '\(target)' names '\(resolved)': \(problem.message)", at: location))
      return nil
    case .failure(let problem):
      resolution.diagnostics.append(
        .error(problem.code, "\(field) \(key) '\(target)' names '\(resolved)': \(problem.message)", at: location))
      return nil
    case .success(let read):
      file = read
    }
    resolution.files.append(file)
    return parsed(file, key: key, field: field, at: location, into: &resolution)
  }

  /// The fetched file a placeholder names, or nil (with a diagnostic, and a request when not fetched).
  private func remoteFile(
    key: String, target: String, field: ValuePath, at location: SourceLocation, besideFile file: String,
    into resolution: inout Resolution
  ) -> SourceFile? {
    let absolute = LocationResolver.isURL(target) ? target : RemoteCache.resolve(target, againstURL: file)
    guard let url = absolute else {
      resolution.diagnostics.append(
        .error(
          .catalogSubstitutionMissing, "\(field) \(key) '\(target)' does not make a URL beside '\(file)'",
          at: location))
      return nil
    }
    guard remote.isAvailable(url) else {
      resolution.requests.append(RemoteRequest(url: url, location: location))
      resolution.diagnostics.append(
        .warning(
          .catalogSubstitutionNotFetched,
          "\(field) \(key) \(RemoteCache.notFetchedMessage(url)); the placeholder is kept as written", at: location))
      return nil
    }
    switch remote.read(url) {
    case .failure(let problem):
      resolution.diagnostics.append(problem)
      return nil
    case .success(let read):
      resolution.files.append(read)
      return read
    }
  }

  /// The value of a placeholder's file: its text, or its JSON or YAML parsed.
  private func parsed(
    _ file: SourceFile, key: String, field: ValuePath, at location: SourceLocation, into resolution: inout Resolution
  ) -> JSONValue? {
    let resolved = file.path
    let note = DiagnosticNote("substituted for \(field) here", at: location)
    switch key {
    case "$json":
      do {
        return try JSONReader().parse(file.bytes)
      } catch {
        resolution.diagnostics.append(
          .error(
            .catalogSubstitutionInvalid, "\(key) file is not valid JSON: \(error.message)",
            at: SourceLocation(path: resolved, line: error.line, column: error.column), notes: [note]))
        return nil
      }
    case "$yaml":
      let stream = YAMLLoader().load(bytes: file.bytes)
      if let problem = stream.problems.first(where: { $0.severity == .error }) {
        resolution.diagnostics.append(
          .error(
            .catalogSubstitutionInvalid, "\(key) file is not valid YAML: \(problem.message)",
            at: SourceLocation(path: resolved, position: problem.position), notes: [note]))
        return nil
      }
      guard stream.documents.count == 1, let document = stream.documents.first else {
        resolution.diagnostics.append(
          .error(
            .catalogSubstitutionInvalid,
            "\(key) file must hold exactly one YAML document, found \(stream.documents.count)",
            at: SourceLocation(path: resolved, line: 1, column: 1), notes: [note]))
        return nil
      }
      let conversion = YAMLConverter().convert(document.root)
      resolution.diagnostics += conversion.problems.map { Diagnostic(yaml: $0, path: resolved) }
      return conversion.value
    default:
      return .string(String(decoding: file.bytes, as: UTF8.self))
    }
  }
}
