import Foundation
import WaymarkModel

/// What every stage reads from: the site root, its settings, and the files one walk found.
public struct SiteInputs: Sendable {
  /// The site root.
  public let root: URL
  /// The settings of `waymark.yaml` (defaults where absent), with command-line overrides applied.
  public let config: SiteConfig
  /// `waymark.yaml` itself, when the site has one.
  public let configFile: SourceFile?
  /// The folder the site is written to: the output folder, or `waymark serve`'s preview folder.
  public let output: URL
  /// The output folder the placement rules check: the output folder even when a preview is written.
  package let checkedOutput: URL
  /// Every regular file under the root the walk took, root-relative and sorted.
  public let files: [String]
  /// Problems with the settings and with entries the input globs match but cannot read.
  public let diagnostics: [Diagnostic]
  /// Why `--output` cannot be used (a usage error: the build stops before reading anything).
  public let usageFailure: String?
  /// Whether the output folder was refused already (it is then not checked against docs folders).
  package let outputIsRefused: Bool
  package let finder: InputFinder
  /// What `waymark fetch` stored: `waymark.lock` and its cache, the only source of remote inputs.
  public var remote: RemoteCache

  /// The files matching any of `globs`, sorted, each listed once.
  public func files(matching globs: [String]) -> [String] {
    finder.files(matching: globs, in: files)
  }

  /// The output and layouts folders checked against the docs folders the catalog names, known
  /// once the docs are read: neither may share one.
  public func placementDiagnostics(catalog: Catalog, docs: DocsSet) -> [Diagnostic] {
    var placement = FolderPlacement(root: root, config: config)
    placement.docs = FolderPlacement.docsFolders(sources: DocsLocator().locate(catalog).sources, sites: docs.sites)
    let output = outputIsRefused ? [] : placement.outputDiagnostics(placement.outputProblems(checkedOutput))
    return output + placement.layoutsDiagnostics(placement.layoutsProblems(files: files))
  }
}
