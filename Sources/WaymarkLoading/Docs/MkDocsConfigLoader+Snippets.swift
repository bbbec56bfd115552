import WaymarkModel
import YAML

extension MkDocsConfigLoader {
  /// The settings node of `pymdownx.snippets` in `markdown_extensions` (a list of names and
  /// one-key mappings, or a mapping of names), nil when it is not listed or has no settings.
  static func snippetSettings(in extensions: YAMLNode) -> YAMLNode? {
    let name = "pymdownx.snippets"
    if extensions.mapping != nil { return extensions[name] }
    for item in extensions.sequence ?? [] {
      if let settings = item[name] { return settings }
    }
    return nil
  }

  /// Reads `base_path`, `check_paths`, `auto_append` and `dedent_subsections`; the other keys
  /// change nothing a static build does (`url_download` stays off: a build never fetches).
  func snippets(_ node: YAMLNode, file: SourceFile, into diagnostics: inout [Diagnostic])
    -> MkDocsConfig
    .SnippetSettings
  {
    var settings = MkDocsConfig.SnippetSettings()
    guard node.mapping != nil else { return settings }
    func strings(_ key: String) -> [String]? {
      guard let value = node[key] else { return nil }
      if let scalar = value.scalar { return [scalar.text] }
      if let items = value.sequence, items.allSatisfy({ $0.scalar != nil }) { return items.compactMap(\.scalar?.text) }
      diagnostics.append(
        .error(
          .docsBadConfig, "'pymdownx.snippets' '\(key)' must be a path or a list of paths",
          at: location(value.start, file)))
      return nil
    }
    func flag(_ key: String) -> Bool? {
      guard let value = node[key] else { return nil }
      guard let text = value.scalar?.text, value.scalar?.style == .plain, let flag = Self.yamlBoolean(text) else {
        diagnostics.append(
          .error(.docsBadConfig, "'pymdownx.snippets' '\(key)' must be true or false", at: location(value.start, file)))
        return nil
      }
      return flag
    }
    if let basePaths = strings("base_path"), let node = node["base_path"] {
      settings.basePaths = basePaths.compactMap { base in
        if let folder = Self.folderInsideSite(base) { return folder }
        diagnostics.append(
          .error(
            .docsBadConfig,
            "'pymdownx.snippets' 'base_path' must be a folder inside the docs site, not '\(base)'",
            at: location(node.start, file)))
        return nil
      }
    }
    if let autoAppend = strings("auto_append") {
      settings.autoAppend = autoAppend
      settings.autoAppendPosition = node["auto_append"]?.start
    }
    settings.checksPaths = flag("check_paths") ?? false
    settings.dedentsSubsections = flag("dedent_subsections") ?? false
    return settings
  }

  /// `path` relative to the site folder, normalised ("" for the folder itself), or nil when it
  /// leaves the folder or is absolute.
  static func folderInsideSite(_ path: String) -> String? {
    guard !path.hasPrefix("/") else { return nil }
    if path.split(separator: "/").allSatisfy({ $0 == "." }) { return "" }
    return RootPath.normalized(path)
  }

  /// A YAML 1.1 boolean as PyYAML (mkdocs' loader) reads it.
  static func yamlBoolean(_ text: String) -> Bool? {
    switch text {
    case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
    case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
    default: return nil
    }
  }
}
