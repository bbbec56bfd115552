import Foundation
import StructuredData
import WaymarkModel
import YAML

/// One YAML document read from a catalog file, before it is validated as an entity.
public struct CatalogDocument: Sendable, Hashable {
  /// The file, relative to the site root.
  public var path: String
  /// The 0-based index of the document in its file.
  public var index: Int
  /// The 1-based line where the document starts.
  public var line: Int
  /// The document's value.
  public var value: JSONValue
  /// Where each field is written.
  public var sourceMap: YAMLSourceMap
  /// The files its `$text`/`$json`/`$yaml` placeholders read, root-relative.
  public var substitutedPaths: [String] = []
  /// For a document of a fetched file (`path` is its URL), the file's SHA-256, as locked.
  public var fetchedSHA256: String?

  /// Creates a value from each stored property.
  package init(
    path: String, index: Int, line: Int, value: JSONValue, sourceMap: YAMLSourceMap, substitutedPaths: [String] = [],
    fetchedSHA256: String? = nil
  ) {
    self.path = path
    self.index = index
    self.line = line
    self.value = value
    self.sourceMap = sourceMap
    self.substitutedPaths = substitutedPaths
    self.fetchedSHA256 = fetchedSHA256
  }
}

/// What the catalog loader read: documents, the files they came from, and problems.
public struct LoadedCatalog: Sendable {
  /// Documents sorted by (path, index).
  public var documents: [CatalogDocument]
  /// The files read, sorted by path.
  public var files: [SourceFile]
  /// Problems found while reading.
  public var diagnostics: [Diagnostic]
  /// The URLs named that the cache does not hold, each once, at the first field naming it.
  package var remoteRequests: [RemoteRequest] = []
  /// The glob URLs Location targets name, sorted, each once.
  package var remoteSearches: [String] = []
  /// The build cache's entries for the files read (see `CatalogLoader.memo`).
  package var memoEntries: [MemoKey: [UInt8]] = [:]

  /// The URLs read from the cache (files and glob searches), sorted.
  public var remoteURLs: [String] {
    Set(files.map(\.path).filter(LocationResolver.isURL) + remoteSearches).sorted {
      $0.utf8.lexicographicallyPrecedes($1.utf8)
    }
  }
}

/// Reads catalog YAML files in parallel, follows Location entities to the files they name,
/// resolves `$text`/`$json`/`$yaml` substitutions and splits everything into documents.
///
/// Files are read in waves: the glob matches first, then the files their Locations name that
/// were not read yet, and so on; each file is read once however it was reached, and the result
/// is sorted by path so the order never depends on the waves or on scheduling. Files under the
/// folders Software Templates fetch their content from are left out, and a scaffolder skeleton
/// (placeholders in place of values) is reported once rather than parsed as entities.
public struct CatalogLoader: Sendable {
  /// The site root.
  public let root: URL
  /// `inputs.exclude`: a Location naming such a file by its path still reads it, with a note.
  public let excludeGlobs: [String]
  /// Whether files under the folders Templates fetch their content from are read all the same
  /// (`inputs.templateContent: read`).
  public let readsTemplateContent: Bool
  /// Fetched files, read for URL targets and placeholders.
  public let remote: RemoteCache
  /// Files parsed by an earlier build, by path and bytes (the build cache's `catalog` table):
  /// such a file is read but not parsed again.
  package var memo: CacheTable?

  /// Creates a loader.
  public init(
    root: URL, excludeGlobs: [String] = [], readsTemplateContent: Bool = false, remote: RemoteCache? = nil
  ) {
    self.root = root
    self.excludeGlobs = excludeGlobs
    self.readsTemplateContent = readsTemplateContent
    self.remote = remote ?? RemoteCache(root: root)
  }

  /// Reads every file in `paths` (root-relative) and every file their Locations reach; `available`
  /// lists the site's files for Location targets written as globs.
  public func load(paths: [String], available: [String] = []) async -> LoadedCatalog {
    let locations = LocationResolver(root: root, available: available, remote: remote)
    var read = Set<String>()
    var pending = Array(Set(paths)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var results: [FileResult] = []
    var edges: [String: [LocationResolver.Target]] = [:]
    var diagnostics: [Diagnostic] = []
    let excluded = excludeGlobs.map(GlobPattern.init)
    var notedExcluded = Set<String>()
    var requests: [RemoteRequest] = []
    var searches = Set<String>()
    while !pending.isEmpty {
      read.formUnion(pending)
      let wave = await readAll(pending)
      var next = Set<String>()
      for result in wave {
        for document in result.documents where LocationResolver.isLocation(document.value) {
          let resolution = locations.resolvedTargets(of: document)
          let targets = resolution.targets
          diagnostics += resolution.diagnostics
          requests += resolution.requests
          searches.formUnion(resolution.searches)
          edges[result.path, default: []] += targets
          for target in targets where !excluded.isEmpty && !notedExcluded.contains(target.path) {
            guard let glob = zip(excludeGlobs, excluded).first(where: { $0.1.matches(target.path) })?.0 else {
              continue
            }
            notedExcluded.insert(target.path)
            diagnostics.append(Self.excludedTargetNote(target, glob: glob))
          }
          next.formUnion(targets.map(\.path).filter { !read.contains($0) })
        }
      }
      results += wave
      pending = next.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
    diagnostics += LocationCycleFinder(edges: edges).cycles()
    // Files under a folder a Template fetches its content from are that template's input, not
    // entities; Templates may be reached through Locations, so this is known only now.
    let contentFolders = TemplateContentFolders.folders(in: results.flatMap(\.documents))
    if !contentFolders.isEmpty, !readsTemplateContent {
      results.removeAll { TemplateContentFolders.contains(contentFolders, $0.path) }
    }
    let sorted = results.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    var files: [String: SourceFile] = [:]
    for file in sorted.flatMap({ $0.file.map { [$0] } ?? [] }) + sorted.flatMap(\.substitutedFiles) {
      files[file.path] = file
    }
    var seen = Set<String>()
    let firstRequests = (requests + sorted.flatMap(\.requests)).sorted { $0.location < $1.location }
      .filter { seen.insert($0.url).inserted }
    var loaded = LoadedCatalog(
      documents: sorted.flatMap(\.documents),
      files: files.values.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) },
      diagnostics: sorted.flatMap(\.diagnostics) + diagnostics, remoteRequests: firstRequests,
      remoteSearches: searches.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    loaded.memoEntries = Dictionary(sorted.compactMap(\.memoEntry), uniquingKeysWith: { first, _ in first })
    return loaded
  }

  /// A Location names a file `inputs.exclude` leaves out by its path: Backstage has no excludes
  /// and reads what a Location names, so the file is read, and this says so once.
  private static func excludedTargetNote(_ target: LocationResolver.Target, glob: String) -> Diagnostic {
    Diagnostic(
      .note, code: .catalogExcludedLocationTarget,
      message: "a Location names '\(target.path)', which inputs.exclude '\(glob)' leaves out; it is read, "
        + "as a Location's target always is",
      location: target.field, notes: target.note.map { [$0] } ?? [])
  }

  private func readAll(_ paths: [String]) async -> [FileResult] {
    let root = self.root
    let remote = self.remote
    let memo = self.memo
    return await withTaskGroup(of: FileResult.self) { group in
      for path in paths {
        group.addTask { Self.read(path, under: root, remote: remote, memo: memo) }
      }
      var results: [FileResult] = []
      for await result in group { results.append(result) }
      return results.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
  }

  package struct FileResult: Sendable {
    package var path: String
    package var file: SourceFile?
    package var documents: [CatalogDocument] = []
    package var substitutedFiles: [SourceFile] = []
    package var diagnostics: [Diagnostic] = []
    package var requests: [RemoteRequest] = []
    /// The build cache's entry for this file, when its result may be kept.
    package var memoEntry: (MemoKey, [UInt8])?
  }

  /// Reads and parses one file and resolves its substitutions; never throws, problems become diagnostics.
  package static func read(
    _ path: String, under root: URL, remote: RemoteCache? = nil, memo: CacheTable? = nil
  ) -> FileResult {
    let remote = remote ?? RemoteCache(root: root)
    let source = LocationResolver.isURL(path) ? remote.read(path) : SourceFile.read(path, under: root)
    switch source {
    case .failure(let diagnostic):
      return FileResult(path: path, diagnostics: [diagnostic])
    case .success(let file):
      if let memoized = memoized(file, in: memo) { return memoized }
      var result = parse(file, path: path, root: root, remote: remote)
      if memo != nil {
        result.memoEntry = memoEntry(
          for: result, file: file,
          hadPlaceholders: result.documents.contains { SubstitutionResolver.containsPlaceholder($0.value) }
            || result.documents.contains { !$0.substitutedPaths.isEmpty })
      }
      return result
    }
  }

  /// Parses one file read from the site and resolves its substitutions.
  private static func parse(_ file: SourceFile, path: String, root: URL, remote: RemoteCache) -> FileResult {
    let stream = YAMLLoader().load(bytes: file.bytes)
    let conversions = stream.documents.map { YAMLConverter().convert($0.root) }
    if TemplateSkeletonDetector.holdsPlaceholders(file.bytes),
      let skeleton = TemplateSkeletonDetector.skeletonDiagnostic(
        path: path, stream: stream, values: conversions.map(\.value))
    {
      return FileResult(path: path, diagnostics: [skeleton])
    }
    var result = FileResult(path: path, file: file)
    let fetchedSHA256 = LocationResolver.isURL(path) ? file.sha256 : nil
    result.diagnostics += stream.problems.map { Diagnostic(yaml: $0, path: path) }
    let substitutions = SubstitutionResolver(root: root, remote: remote)
    for (document, conversion) in zip(stream.documents, conversions) {
      result.diagnostics += conversion.problems.map { Diagnostic(yaml: $0, path: path) }
      let location = SourceLocation(path: path, position: document.root.start)
      guard case .object(let members) = conversion.value else {
        result.diagnostics.append(
          .error(
            .catalogNotAnObject, "the document must be an object (a mapping), found \(conversion.value.typeName)",
            at: location))
        continue
      }
      guard members["apiVersion"] != nil || members["kind"] != nil else {
        result.diagnostics.append(
          .warning(
            .catalogNotAnEntity,
            "document has neither 'apiVersion' nor 'kind' and is not a catalog entity; it is ignored",
            at: location))
        continue
      }
      let resolution = substitutions.resolve(conversion.value, path: path, sourceMap: conversion.sourceMap)
      result.diagnostics += resolution.diagnostics
      result.requests += resolution.requests
      result.substitutedFiles += resolution.files
      result.documents.append(
        CatalogDocument(
          path: path, index: document.index, line: document.root.start.line, value: resolution.value,
          sourceMap: conversion.sourceMap, substitutedPaths: resolution.files.map(\.path),
          fetchedSHA256: fetchedSHA256))
    }
    return result
  }
}
