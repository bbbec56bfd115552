import Foundation
import StructuredData
import WaymarkModel
import YAML

/// What Waymark reads from a docs site's `mkdocs.yml`.
public struct MkDocsConfig: Sendable, Hashable {
  /// A `nav:` entry as written, before its pages are looked up.
  public struct NavEntry: Sendable, Hashable {
    /// What the entry names.
    public enum Target: Sendable, Hashable {
      /// A markdown file relative to the docs folder, or an external URL.
      case path(String)
      /// A section of further entries.
      case section([NavEntry])
      /// Another site's `mkdocs.yml` merged in (`!include ./path/mkdocs.yml`, mkdocs-monorepo-plugin),
      /// relative to this config's folder; `DocsLoader` replaces it with a section of that site's pages.
      case include(String)
    }

    /// The title, if written (`- Home: index.md`); a bare `- index.md` takes the page's title.
    public var title: String?
    /// What it leads to.
    public var target: Target
    /// Where the entry is written.
    public var position: SourcePosition

    /// Creates an entry.
    public init(title: String?, target: Target, position: SourcePosition) {
      self.title = title
      self.target = target
      self.position = position
    }
  }

  /// `site_name`.
  public var siteName: String?
  /// `site_description`.
  public var siteDescription: String?
  /// `docs_dir`, `docs` by default.
  public var docsDirectory = "docs"
  /// `nav:`, or nil to build the navigation from the file tree.
  public var nav: [NavEntry]?
  /// `repo_url`.
  public var repositoryURL: String?
  /// `edit_uri`.
  public var editURI: String?
  /// `pymdownx.snippets`' settings under `markdown_extensions` (techdocs-core turns it on).
  public var snippets = SnippetSettings()

  /// The `pymdownx.snippets` settings a site may give; techdocs-core forces `restrict_base_path`.
  public struct SnippetSettings: Sendable, Hashable {
    /// `base_path`: the folders paths are looked up in, in order, relative to the site folder
    /// (where TechDocs runs `mkdocs build`) and normalised ("" is the site folder itself).
    public var basePaths: [String] = [""]
    /// `check_paths`: a snippet that cannot be included fails the build.
    public var checksPaths = false
    /// `auto_append`: files included at the end of every page.
    public var autoAppend: [String] = []
    /// Where `auto_append` is written, for problems with its files.
    public var autoAppendPosition: SourcePosition?
    /// `dedent_subsections`.
    public var dedentsSubsections = false

    /// The defaults.
    public init() {}
  }
}

/// Reads `mkdocs.yml` with the YAML loader, looking only at the keys Waymark uses.
///
/// Other keys (`theme`, `plugins`, `markdown_extensions`, often with `!!python/name:` tags) are
/// MkDocs' business and are not converted, so their tags are not errors here.
public struct MkDocsConfigLoader: Sendable {
  /// Creates a loader.
  public init() {}

  /// The config in `file`, with located problems.
  public func parse(_ file: SourceFile) -> (MkDocsConfig, [Diagnostic]) {
    var config = MkDocsConfig()
    let stream = YAMLLoader().load(bytes: file.bytes)
    var diagnostics = stream.problems.map { Diagnostic(yaml: $0, path: file.path) }
    guard let root = stream.documents.first?.root else { return (config, diagnostics) }
    // The node tree takes the first of duplicate keys silently; the converter reports them.
    diagnostics += YAMLConverter().convert(root).problems.filter { $0.code == .duplicateKey }.map {
      Diagnostic(yaml: $0, path: file.path)
    }
    guard root.mapping != nil else {
      diagnostics.append(.error(.docsBadConfig, "mkdocs.yml must be a mapping", at: location(root.start, file)))
      return (config, diagnostics)
    }
    func string(_ key: String) -> String? {
      guard let node = root[key] else { return nil }
      guard let scalar = node.scalar else {
        diagnostics.append(.error(.docsBadConfig, "'\(key)' must be a string", at: location(node.start, file)))
        return nil
      }
      return scalar.text
    }
    config.siteName = string("site_name")
    config.siteDescription = string("site_description")
    config.repositoryURL = string("repo_url")
    config.editURI = string("edit_uri")
    if let docsDirectory = string("docs_dir"), let node = root["docs_dir"] {
      if let relative = RootPath.normalized(docsDirectory) {
        config.docsDirectory = relative
      } else {
        diagnostics.append(
          .error(
            .docsBadConfig, "'docs_dir' must be a folder inside the docs site, not '\(docsDirectory)'",
            at: location(node.start, file)))
      }
    }
    if let nav = root["nav"] {
      config.nav = entries(of: nav, file: file, into: &diagnostics)
    }
    if let extensions = root["markdown_extensions"], let settings = Self.snippetSettings(in: extensions) {
      config.snippets = self.snippets(settings, file: file, into: &diagnostics)
    }
    return (config, diagnostics)
  }

  /// The entries of a `nav:` list (or a section's list).
  private func entries(of node: YAMLNode, file: SourceFile, into diagnostics: inout [Diagnostic]) -> [MkDocsConfig
    .NavEntry]
  {
    guard let items = node.sequence else {
      diagnostics.append(.error(.docsBadConfig, "'nav' must be a list", at: location(node.start, file)))
      return []
    }
    var entries: [MkDocsConfig.NavEntry] = []
    for item in items {
      if let scalar = item.scalar {
        entries.append(MkDocsConfig.NavEntry(title: nil, target: .path(scalar.text), position: item.start))
      } else if let pairs = item.mapping, pairs.count == 1, let pair = pairs.first, let title = pair.key.scalar?.text {
        if let path = pair.value.scalar {
          let included = Self.includedConfig(pair.value)
          let target = included.map { MkDocsConfig.NavEntry.Target.include($0) } ?? .path(path.text)
          entries.append(MkDocsConfig.NavEntry(title: title, target: target, position: pair.value.start))
        } else {
          let children = self.entries(of: pair.value, file: file, into: &diagnostics)
          entries.append(MkDocsConfig.NavEntry(title: title, target: .section(children), position: item.start))
        }
      } else {
        diagnostics.append(
          .error(
            .docsBadConfig, "a 'nav' entry must be a path or a single 'Title: path' (or 'Title: [entries]') pair",
            at: location(item.start, file)))
      }
    }
    return entries
  }

  /// The path of `!include path` (a tag, or the quoted form `'!include path'`), if the value is one.
  static func includedConfig(_ node: YAMLNode) -> String? {
    guard let text = node.scalar?.text else { return nil }
    if node.tag == "!include" { return text.trimmingCharacters(in: .whitespaces) }
    guard text.hasPrefix("!include ") else { return nil }
    return String(text.dropFirst("!include ".count)).trimmingCharacters(in: .whitespaces)
  }

  func location(_ position: SourcePosition, _ file: SourceFile) -> SourceLocation {
    SourceLocation(path: file.path, position: position)
  }
}
