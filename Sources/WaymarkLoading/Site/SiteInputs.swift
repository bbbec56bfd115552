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
  /// The output folder.
  public let output: URL
  /// Every regular file under the root the walk took, root-relative and sorted.
  public let files: [String]
  /// Problems with the settings and with entries the input globs match but cannot read.
  public let diagnostics: [Diagnostic]
  package let finder: InputFinder

  /// The files matching any of `globs`, sorted, each listed once.
  public func files(matching globs: [String]) -> [String] {
    finder.files(matching: globs, in: files)
  }
}
