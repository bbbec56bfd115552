import StructuredData
import WaymarkLoading
import WaymarkModel

/// Keeps credentials out of the portal: any input that holds one is an error at its exact
/// location, so the build publishes nothing, and no message ever shows the secret itself.
///
/// Every file read whole (catalog files and their substitutions, policies, config, docs pages,
/// their assets and `mkdocs.yml`, policy results) is scanned once with `SecretScanner`, files
/// in parallel; event exports are scanned chunk by chunk as they are decoded (`EventLoader`).
/// An entity's `waymark.dev/allow-secret-pattern` annotation, a regular expression (RE2 syntax,
/// matched in linear time) that must match a detected value whole, allows documented examples
/// in the entity's own document, the files its `$text`/`$json`/`$yaml` placeholders read, and
/// its TechDocs folder.
public struct SecretGuard: Sendable {
  /// The annotation allowing documented examples.
  public static let allowAnnotation = SecretScanner.allowAnnotation

  /// What the guard found.
  public struct Outcome: Sendable {
    /// `secrets.detected` errors and `secrets.bad-allow-pattern` errors.
    public var diagnostics: [Diagnostic] = []
    /// Files and bytes scanned.
    public var files = 0
    public var bytes = 0
    /// Matches an allow pattern let through.
    public var allowed = 0
    /// Every value found (reported or allowed), so the scan of the output (`outputDiagnostics`)
    /// reports only values no input holds literally. Never printed.
    package var judged: Set<String> = []
    /// Credentials found and not allowed, each a `secrets.detected` error.
    public var found = 0

    /// For the progress line: `214 files (1.2 MB), 0 found, 0 allowed`.
    public var summary: String {
      let megabytes = (Double(bytes) / 1_048_576 * 10).rounded() / 10
      return "\(files) files (\(megabytes) MB), \(found) found, \(allowed) allowed"
    }
  }

  package let catalog: Catalog
  package let documents: [CatalogDocument]
  package let docsSites: [DocsSite]

  /// Creates a guard over the loaded catalog and docs.
  public init(catalog: Catalog, documents: [CatalogDocument], docs: DocsSet) {
    self.catalog = catalog
    self.documents = documents
    self.docsSites = docs.sites
  }

  /// Scans `files` (each path once) and judges what is found.
  public func check(_ files: [SourceFile]) async -> Outcome {
    await check(files, clean: nil).outcome
  }

  /// `check(_:)`, not scanning files whose bytes `clean` names (the digests of files an earlier
  /// scan found nothing in); also returns the digests of this build's files found clean.
  package func check(_ files: [SourceFile], clean: Set<MemoKey>?) async -> (outcome: Outcome, clean: Set<MemoKey>) {
    var unique: [String: SourceFile] = [:]
    for file in files where unique[file.path] == nil { unique[file.path] = file }
    let ordered = unique.values.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    typealias Scanned = (path: String, matches: [SecretScanner.Match], clean: MemoKey?)
    let scanned = await withTaskGroup(of: Scanned.self) { group in
      for file in ordered {
        group.addTask {
          guard let clean else { return (file.path, SecretScanner().scan(file.bytes), nil) }
          let digest = MemoKey.digest(of: file.bytes)
          if clean.contains(digest) { return (file.path, [], digest) }
          let matches = SecretScanner().scan(file.bytes)
          return (file.path, matches, matches.isEmpty ? digest : nil)
        }
      }
      var scanned: [Scanned] = []
      for await result in group { scanned.append(result) }
      return scanned
    }
    let found = scanned.filter { !$0.matches.isEmpty }.map { ($0.path, $0.matches) }
      .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    var outcome = Outcome(files: ordered.count, bytes: ordered.reduce(0) { $0 + $1.bytes.count })
    let allowances = SecretAllowances(catalog: catalog, documents: documents, docsSites: docsSites)
    outcome.diagnostics = allowances.diagnostics
    for (path, matches) in found {
      for match in matches {
        outcome.judged.insert(match.text)
        if allowances.allows(match, in: path) {
          outcome.allowed += 1
          continue
        }
        outcome.found += 1
        let entity = allowances.documentEntity(path: path, line: match.line)
        outcome.diagnostics.append(
          SecretScanner.diagnostic(
            for: match, at: SourceLocation(path: path, line: match.line, column: match.column),
            canAllow: allowances.canAllow(path),
            notes: entity.map { [DiagnosticNote("in entity '\($0)'")] } ?? []))
      }
    }
    return (outcome, Set(scanned.compactMap(\.clean)))
  }

  /// `diagnostics` with any credential in their messages and notes redacted, so a value that
  /// another check quotes (a bad tag, a YAML error) never reaches a terminal or CI log.
  public static func redacting(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    let scanner = SecretScanner()
    return diagnostics.map { diagnostic in
      var redacted = diagnostic
      redacted.message = scanner.redacting(diagnostic.message)
      redacted.notes = diagnostic.notes.map { note in
        var copy = note
        copy.message = scanner.redacting(note.message)
        return copy
      }
      return redacted
    }
  }
}
