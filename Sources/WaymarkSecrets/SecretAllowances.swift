import CEL
import StructuredData
import WaymarkLoading
import WaymarkModel

/// The `waymark.dev/allow-secret-pattern` annotations of a catalog and where each applies: the
/// entity's own document, the files its placeholders read, and its TechDocs folder.
///
/// Patterns are RE2 syntax, matched by CEL's linear-time engine (`CELRegex`): a contributor's
/// pattern such as `ghp_(a|a)*b` cannot backtrack and hold up the build.
package struct SecretAllowances {
  /// The compiled pattern of each entity that has a valid one.
  private var patterns: [EntityRef: CELRegex] = [:]
  /// Per catalog file, the entities' start lines, sorted.
  private var documentStarts: [String: [(line: Int, entity: EntityRef)]] = [:]
  /// Per substituted file, the entities that read it.
  private var substitutedBy: [String: [EntityRef]] = [:]
  /// Each docs site's `docs_dir` (with a trailing `/`), its config and README paths, and its entity.
  private var docsScopes: [(folder: String, files: Set<String>, entity: EntityRef)] = []
  /// `secrets.bad-allow-pattern` errors.
  package private(set) var diagnostics: [Diagnostic] = []

  package init(catalog: Catalog, documents: [CatalogDocument], docsSites: [DocsSite]) {
    var entityAt: [String: EntityRef] = [:]
    for entity in catalog.entities {
      documentStarts[entity.source.path, default: []].append((entity.source.line, entity.ref))
      entityAt["\(entity.source.line):\(entity.source.path)"] = entity.ref
      guard let written = entity.document.value(at: ["metadata", "annotations", SecretGuard.allowAnnotation]) else {
        continue
      }
      let location = entity.source.location(of: ValuePath(keys: "metadata", "annotations", SecretGuard.allowAnnotation))
      guard let text = written.stringValue, !text.isEmpty else {
        diagnostics.append(
          .error(
            .secretsBadAllowPattern, "'\(SecretGuard.allowAnnotation)' must be a non-empty regular expression",
            at: location))
        continue
      }
      do {
        patterns[entity.ref] = try CELRegex(text)
      } catch {
        // The engine's message repeats the pattern, which the diagnostic already locates.
        let prefix = "invalid regular expression '\(text)': "
        let reason = error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
        diagnostics.append(
          .error(
            .secretsBadAllowPattern,
            "'\(SecretGuard.allowAnnotation)' is not a valid regular expression: \(reason)", at: location))
      }
    }
    for key in documentStarts.keys { documentStarts[key]?.sort { $0.line < $1.line } }
    for document in documents where !document.substitutedPaths.isEmpty {
      guard let entity = entityAt["\(document.line):\(document.path)"] else { continue }
      for path in document.substitutedPaths { substitutedBy[path, default: []].append(entity) }
    }
    docsScopes = docsSites.map { site in
      let prefix = site.folder.isEmpty ? "" : site.folder + "/"
      return (
        site.docsFolder + "/", Set(["mkdocs.yml", "mkdocs.yaml", "README.md", "readme.md"].map { prefix + $0 }),
        site.entity
      )
    }
  }

  /// The entity whose catalog document holds `line` of `path`, if `path` is a catalog file.
  package func documentEntity(path: String, line: Int) -> EntityRef? {
    guard let starts = documentStarts[path], let first = starts.first else { return nil }
    return starts.last { $0.line <= line }?.entity ?? first.entity
  }

  /// Whether an annotation could allow a match in `path` at all.
  package func canAllow(_ path: String) -> Bool {
    documentStarts[path] != nil || substitutedBy[path] != nil || docsScopes.contains { Self.covers($0, path) }
  }

  private static func covers(_ scope: (folder: String, files: Set<String>, entity: EntityRef), _ path: String) -> Bool {
    path.hasPrefix(scope.folder) || scope.files.contains(path)
  }

  /// Whether an entity whose scope covers `path` allows `match` with its pattern.
  package func allows(_ match: SecretScanner.Match, in path: String) -> Bool {
    guard !patterns.isEmpty else { return false }
    var entities: [EntityRef] = []
    if let entity = documentEntity(path: path, line: match.line) { entities.append(entity) }
    entities += substitutedBy[path] ?? []
    entities += docsScopes.filter { Self.covers($0, path) }.map(\.entity)
    return entities.contains { entity in
      guard let pattern = patterns[entity] else { return false }
      return pattern.wholeMatches(match.text)
    }
  }
}
