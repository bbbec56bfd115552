import Foundation
import WaymarkModel

/// Reads `waymark.yaml` and walks the root once: the first step of every build.
public struct SiteInputsLoader: Sendable {
  /// The site root.
  public let root: URL
  /// Overrides the config's `output` (`--output`).
  public let output: URL?
  /// Overrides the config's `site.baseURL` (`--base-url`).
  public let baseURL: String?
  /// Where `waymark serve` writes its private copy of the site instead of the output folder; the
  /// output folder is still checked and left out of the walk as if it were written.
  public let previewOutput: URL?
  /// The build cache folder `--cache` names: left out of the walk like the output when it holds
  /// nothing but the cache (`BuildCacheReader.holdsOnlyCacheFiles`), as its files change every build.
  public let cache: URL?

  /// Creates a loader.
  public init(
    root: URL, output: URL? = nil, baseURL: String? = nil, previewOutput: URL? = nil, cache: URL? = nil
  ) {
    self.root = root.standardizedFileURL
    self.output = output
    self.baseURL = baseURL
    self.previewOutput = previewOutput?.standardizedFileURL
    self.cache = cache?.standardizedFileURL
  }

  /// The settings and the walk of the root, never entering the output folder; files matching
  /// `inputs.exclude` are left out of the walk, so no input of any kind reads them. A root that
  /// is not a folder is a usage failure.
  public func load() -> SiteInputs {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
      return SiteInputs(
        root: root, config: SiteConfig(), configFile: nil, output: previewOutput ?? output ?? root,
        checkedOutput: output ?? root, files: [], diagnostics: [],
        usageFailure: "the site root \(root.path) is not a folder that exists", outputIsRefused: true,
        finder: InputFinder(root: root, excludedFolders: []), remote: RemoteCache(root: root))
    }
    var (config, configFile, diagnostics) = SiteConfigLoader().load(root: root)
    if let baseURL { config.baseURL = SiteConfigLoader.normalizedBaseURL(baseURL) }
    let output = self.output?.standardizedFileURL ?? root.appendingPathComponent(config.outputDirectory)
    // The output is checked before anything is read: a refused one is not kept out of the walk.
    let placement = FolderPlacement(root: root, config: config)
    let outputProblems = placement.outputProblems(output)
    let previewProblems = previewOutput.map(placement.outputProblems) ?? []
    let usageFailure =
      previewProblems.first.map { "the preview folder: \($0.message) [\($0.code)]" }
      ?? (self.output == nil ? nil : outputProblems.first.map { "--output: \($0.message) [\($0.code)]" })
    if self.output == nil { diagnostics += placement.outputDiagnostics(outputProblems) }
    var excluded =
      outputProblems.isEmpty
      ? Self.excludedFolders(configured: self.output == nil ? config.outputDirectory : nil, root: root, output: output)
      : []
    if let previewOutput, previewProblems.isEmpty {
      excluded.formUnion(Self.excludedFolders(configured: nil, root: root, output: previewOutput))
    }
    if let cache, BuildCacheReader.holdsOnlyCacheFiles(cache) {
      excluded.formUnion(Self.excludedFolders(configured: nil, root: root, output: cache))
    }
    let finder = InputFinder(root: root, excludedFolders: excluded)
    var walk = finder.walk()
    if !config.excludeGlobs.isEmpty {
      let patterns = config.excludeGlobs.map(GlobPattern.init)
      walk.files.removeAll { path in patterns.contains { $0.matches(path) } }
      walk.skipped.removeAll { entry in patterns.contains { $0.matches(entry.path) } }
    }
    diagnostics += walk.diagnostics(
      matching: config.catalogGlobs + config.eventGlobs + config.policyResultGlobs
        + ["yaml", "yml"].map { "\(config.policiesDirectory)/**/*.\($0)" } + ["\(config.layoutsDirectory)/**/*"])
    let (remote, lockProblems) = RemoteCache.load(root: root)
    diagnostics += lockProblems
    return SiteInputs(
      root: root, config: config, configFile: configFile, output: previewOutput ?? output, checkedOutput: output,
      files: walk.files, diagnostics: diagnostics, usageFailure: usageFailure, outputIsRefused: !outputProblems.isEmpty,
      finder: finder, remote: remote)
  }

  /// Root-relative folders the input walk must not enter: the output, as configured (when no
  /// `--output` overrides it) and as resolved. A configured folder that `--output` overrides is read
  /// like any other: `output: content` with `--output _site` must not hide the content.
  package static func excludedFolders(configured: String?, root: URL, output: URL) -> Set<String> {
    var excluded = Set([configured].compactMap { $0 })
    let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
    if output.path.hasPrefix(rootPath) {
      excluded.insert(String(output.path.dropFirst(rootPath.count)))
    }
    return excluded
  }
}
