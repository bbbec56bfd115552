import Foundation
import WaymarkModel

/// One docs site as read from disk: its config, markdown files and other files.
public struct LoadedDocsSite: Sendable {
  /// Where the site was found.
  public var source: DocsSource
  /// `mkdocs.yaml`/`mkdocs.yml`, or the defaults when there is none.
  public var config: MkDocsConfig
  /// The docs folder, relative to the site root.
  public var docsFolder: String
  /// The markdown files, by path relative to the docs folder; a README standing in for a
  /// missing `index.md` is listed as `index.md`.
  public var pages: [(path: String, file: SourceFile)]
  /// The other files under the docs folder, by path relative to it.
  public var assets: [(path: String, file: SourceFile)]
  /// The config file read, if any.
  public var configFile: SourceFile?
  /// Problems found while reading.
  public var diagnostics: [Diagnostic]
  /// The files the pages' `--8<--` snippets name, by root-relative path: read, or why not.
  public var snippets: [String: Result<SourceFile, Diagnostic>] = [:]
  /// Where a fetched site came from; nil for a folder of the repository.
  public var origin: RemoteOrigin?
  /// The trace of finding `snippets` as a build cache entry (`SnippetTrace`), when the loader keeps traces.
  package var snippetTrace: (key: MemoKey, entry: [UInt8])?
}

/// Reads a docs site's files; nothing outside the folder the techdocs-ref names is read.
///
/// The config is `mkdocs.yaml`, else `mkdocs.yml` (TechDocs' order), else the defaults.
/// Without `docs/index.md` the first of `docs/README.md`, `docs/readme.md`, `README.md`,
/// `readme.md` is the home page, as TechDocs copies it in. A fetched site is read from the folder
/// `waymark fetch` stored, verified against `waymark.lock`, exactly as a folder of the repository.
public struct DocsLoader: Sendable {
  /// The site root.
  public let root: URL
  /// Every file under the root (sorted, root-relative), as the input walk found them; for a
  /// fetched site, its files named under its URL.
  public let files: [String]
  /// Fetched sites.
  public let remote: RemoteCache
  /// The files of the fetched site being read, by name; nil when reading the disk.
  let fetchedFiles: [String: [UInt8]]?
  /// The root with its links resolved, once for every file read.
  let resolvedRoot: String
  /// The snippet traces of earlier builds (`SnippetTrace`), replayed rather than expanding the
  /// pages; nil keeps no trace.
  package var snippetTraces: CacheTable?

  /// Creates a loader over the files of one input walk.
  public init(root: URL, files: [String], remote: RemoteCache? = nil) {
    self.root = root
    self.files = files
    self.remote = remote ?? RemoteCache(root: root)
    self.fetchedFiles = nil
    self.resolvedRoot = RootPath.resolved(root.standardizedFileURL.path)
  }

  private init(root: URL, remote: RemoteCache, fetched: [(path: String, bytes: [UInt8])]) {
    self.root = root
    self.files = fetched.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    self.remote = remote
    self.fetchedFiles = Dictionary(fetched.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    self.resolvedRoot = RootPath.resolved(root.standardizedFileURL.path)
  }

  /// The file `path` names: on disk under the root, or in the fetched site being read.
  func read(_ path: String) -> Result<SourceFile, Diagnostic> {
    guard let fetchedFiles else { return SourceFile.read(path, under: root, resolvedRoot: resolvedRoot) }
    guard let bytes = fetchedFiles[path] else {
      return .failure(.error(.inputMissing, "file does not exist", at: SourceLocation(path: path)))
    }
    return .success(SourceFile(path: path, bytes: bytes))
  }

  /// Markdown file extensions MkDocs renders as pages.
  package static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkdn", "mkd"]

  /// Reads one site.
  public func load(_ source: DocsSource) -> LoadedDocsSite {
    guard let url = source.remoteURL else { return loadLocal(source) }
    switch remote.readFolder(url) {
    case .failure(let problem):
      let diagnostic: Diagnostic =
        problem.code == .catalogLocationNotFetched
        ? .warning(
          .docsRemoteRef,
          "'\(DocsLocator.refAnnotation)' names '\(url)', which is not in \(RemoteLock.fileName) or its cache; "
            + "run 'waymark fetch' to fetch it",
          at: source.location)
        : Diagnostic(
          problem.severity, code: problem.code, message: "'\(url)': \(problem.message)",
          location: source.location)
      return LoadedDocsSite(
        source: source, config: MkDocsConfig(), docsFolder: source.folder + "/docs", pages: [], assets: [],
        configFile: nil, diagnostics: [diagnostic])
    case .success(let folder):
      let named = folder.files.map { (path: source.folder + "/" + $0.path, bytes: $0.bytes) }
      var site = DocsLoader(root: root, remote: remote, fetched: named).loadSite(source)
      site.origin = folder.origin
      return site
    }
  }

  /// Reads a site in a folder of the repository, which must stay inside the root and not be hidden.
  private func loadLocal(_ source: DocsSource) -> LoadedDocsSite {
    var diagnostics: [Diagnostic] = []
    if !source.folder.isEmpty, FileManager.default.fileExists(atPath: root.appendingPathComponent(source.folder).path),
      !RootPath.staysInside(source.folder, root: root)
    {
      diagnostics.append(
        .error(
          .docsPathOutsideRoot,
          "'\(source.folder)' leads outside the site root through a symbolic link; docs must live inside it",
          at: source.location))
      return LoadedDocsSite(
        source: source, config: MkDocsConfig(), docsFolder: source.folder + "/docs", pages: [], assets: [],
        configFile: nil,
        diagnostics: diagnostics)
    }
    let rootPath = root.standardizedFileURL.path
    if !source.folder.isEmpty, let hidden = RootPath.hiddenTarget(of: source.folder, root: rootPath) {
      diagnostics.append(
        .error(
          .docsHiddenPath,
          "'\(source.folder)' leads to the hidden folder '\(hidden)' through a symbolic link; "
            + "hidden files are never read",
          at: source.location))
      return LoadedDocsSite(
        source: source, config: MkDocsConfig(), docsFolder: source.folder + "/docs", pages: [], assets: [],
        configFile: nil, diagnostics: diagnostics)
    }
    return loadSite(source)
  }

  /// Reads the config, pages and files of a site whose folder is known to be readable.
  private func loadSite(_ source: DocsSource) -> LoadedDocsSite {
    var diagnostics: [Diagnostic] = []
    let prefix = source.folder.isEmpty ? "" : source.folder + "/"
    let inFolder = files(under: prefix)
    var config = MkDocsConfig()
    var configFile: SourceFile?
    if let name = ["mkdocs.yaml", "mkdocs.yml"].first(where: { inFolder.contains(prefix + $0) }) {
      switch read(prefix + name) {
      case .failure(let diagnostic): diagnostics.append(diagnostic)
      case .success(let file):
        configFile = file
        let (parsed, problems) = MkDocsConfigLoader().parse(file)
        config = parsed
        diagnostics += problems
      }
    }
    let docsFolder = prefix + config.docsDirectory
    var pages: [(path: String, file: SourceFile)] = []
    var assets: [(path: String, file: SourceFile)] = []
    for path in files(under: docsFolder + "/") {
      let relative = String(path.dropFirst(docsFolder.count + 1))
      switch read(path) {
      case .failure(let diagnostic): diagnostics.append(diagnostic)
      case .success(let file):
        let fileExtension = relative.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if relative.contains("."), Self.markdownExtensions.contains(fileExtension) {
          pages.append((relative, file))
        } else {
          assets.append((relative, file))
        }
      }
    }
    if let nav = config.nav, let configFile {
      var merged = MergedIncludes()
      config.nav = mergeIncludes(
        nav, folder: source.folder, siteFolder: source.folder, configFile: configFile, into: &merged)
      pages += merged.pages
      assets += merged.assets
      diagnostics += merged.diagnostics
    }
    let hasIndex = pages.contains { DocsSlug.isIndex($0.path) && !$0.path.contains("/") }
    if !hasIndex {
      let fallbacks = [
        docsFolder + "/README.md", docsFolder + "/readme.md", prefix + "README.md", prefix + "readme.md",
      ]
      if let fallback = fallbacks.first(where: { inFolder.contains($0) }), !fallback.hasPrefix(docsFolder + "/") {
        switch read(fallback) {
        case .failure(let diagnostic): diagnostics.append(diagnostic)
        case .success(let file): pages.append(("index.md", file))
        }
      }
    }
    pages.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    assets.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    let (snippets, trace) = readSnippets(of: pages.map(\.file), config: config, siteFolder: source.folder)
    if pages.isEmpty {
      diagnostics.append(
        .error(
          .docsNotFound,
          "'\(DocsLocator.refAnnotation)' names '\(source.folder.isEmpty ? "." : source.folder)', which has no markdown in '\(docsFolder)/' and no README.md",
          at: source.location))
    }
    var site = LoadedDocsSite(
      source: source, config: config, docsFolder: docsFolder, pages: pages, assets: assets, configFile: configFile,
      diagnostics: diagnostics, snippets: snippets)
    site.snippetTrace = trace
    return site
  }

  /// The walk's files whose path starts with `prefix` (binary search in the sorted list).
  package func files(under prefix: String) -> Set<String> {
    var low = 0
    var high = files.count
    while low < high {
      let middle = (low + high) / 2
      if files[middle].utf8.lexicographicallyPrecedes(prefix.utf8) { low = middle + 1 } else { high = middle }
    }
    var found = Set<String>()
    while low < files.count, files[low].hasPrefix(prefix) {
      found.insert(files[low])
      low += 1
    }
    return found
  }
}
