import Foundation
import StructuredData
import WaymarkModel
import YAML

/// Reads the optional `waymark.yaml` at the site root into a `SiteConfig`.
///
/// Every key is optional. Unknown keys, wrong types and paths leaving the root are located
/// diagnostics; the defaults stand in for anything that is wrong, so one run reports all problems.
public struct SiteConfigLoader: Sendable {
  /// The config file's name at the root.
  public static let fileName = "waymark.yaml"

  /// The shape of the file: every key Waymark reads, and what it must hold.
  package indirect enum Field: Sendable {
    case string, stringList, bool
    case mapping([String: Field])

    package var expectation: String {
      switch self {
      case .string: return "a string"
      case .stringList: return "a list of strings"
      case .bool: return "true or false"
      case .mapping: return "a mapping"
      }
    }
  }

  package static let schema: [String: Field] = [
    "site": .mapping(["title": .string, "baseURL": .string]),
    "inputs": .mapping([
      "catalog": .stringList, "events": .stringList, "rollups": .stringList, "policyResults": .stringList,
      "exclude": .stringList, "templateContent": .string,
    ]),
    "catalog": .mapping(["external": .stringList, "danglingRefs": .string]),
    "diagnostics": .mapping(["ignore": .stringList]),
    "policies": .string,
    "layouts": .string,
    "output": .string,
    "asOf": .string,
    "metrics": .mapping(["bands": .string, "productionEnvironments": .stringList, "windowDays": .string]),
    "docs": .mapping(["unsafeHTML": .bool, "brokenLinksAreErrors": .bool]),
    "guardrails": .mapping(["checkoutRoots": .stringList, "repositoryPatterns": .stringList]),
    "integrations": .mapping([
      "github": .mapping(["host": .string, "rawBaseUrl": .string, "apiBaseUrl": .string, "token": .string]),
      "gitlab": .mapping(["host": .string, "apiBaseUrl": .string, "token": .string]),
    ]),
  ]

  /// Creates a loader.
  public init() {}

  /// The config at `root`, or the defaults when there is no file, with any problems found.
  public func load(root: URL) -> (config: SiteConfig, file: SourceFile?, diagnostics: [Diagnostic]) {
    let url = root.appendingPathComponent(Self.fileName)
    guard FileManager.default.fileExists(atPath: url.path) else { return (SiteConfig(), nil, []) }
    switch SourceFile.read(Self.fileName, under: root) {
    case .failure(let diagnostic): return (SiteConfig(), nil, [diagnostic])
    case .success(let file):
      let (config, diagnostics) = parse(file)
      return (config, file, diagnostics)
    }
  }

  /// Parses a config file's bytes.
  public func parse(_ file: SourceFile) -> (SiteConfig, [Diagnostic]) {
    let stream = YAMLLoader().load(bytes: file.bytes)
    var diagnostics = stream.problems.map { Diagnostic(yaml: $0, path: file.path) }
    var config = SiteConfig()
    guard let root = stream.documents.first?.root else { return (config, diagnostics) }
    if stream.documents.count > 1, let second = stream.documents.dropFirst().first {
      diagnostics.append(
        .error(.configMultipleDocuments, "waymark.yaml must hold one document", at: location(second.root.start, file)))
    }
    guard check(root, against: .mapping(Self.schema), at: ValuePath(), file: file, into: &diagnostics) else {
      return (config, diagnostics)
    }
    let conversion = YAMLConverter().convert(root)
    diagnostics += conversion.problems.map { Diagnostic(yaml: $0, path: file.path) }
    let value = conversion.value
    func string(_ path: String...) -> String? { value.value(at: path)?.stringValue }
    func list(_ path: String...) -> [String]? {
      guard let field = value.value(at: path) else { return nil }
      if let single = field.stringValue { return [single] }
      let strings = field.arrayValue?.compactMap(\.stringValue)
      return strings?.count == field.arrayValue?.count ? strings : nil
    }
    config.title = string("site", "title") ?? config.title
    config.baseURL = string("site", "baseURL").map(Self.normalizedBaseURL) ?? config.baseURL
    config.catalogGlobs = list("inputs", "catalog") ?? config.catalogGlobs
    config.eventGlobs = list("inputs", "events") ?? config.eventGlobs
    config.rollupGlobs = list("inputs", "rollups") ?? config.rollupGlobs
    config.policyResultGlobs = list("inputs", "policyResults") ?? config.policyResultGlobs
    config.excludeGlobs = list("inputs", "exclude") ?? config.excludeGlobs
    diagnostics += readTemplateContent(value, sourceMap: conversion.sourceMap, file: file, into: &config)
    if list("inputs", "catalog") != nil {
      let position = conversion.sourceMap.position(of: ValuePath(keys: "inputs", "catalog"))
      config.catalogGlobsLocation = location(position, file)
    }
    config.asOf = string("asOf")
    config.docsUnsafeHTML = value.value(at: ["docs", "unsafeHTML"])?.boolValue ?? config.docsUnsafeHTML
    config.docsBrokenLinksAreErrors =
      value.value(at: ["docs", "brokenLinksAreErrors"])?.boolValue ?? config.docsBrokenLinksAreErrors
    readFolders(value, sourceMap: conversion.sourceMap, file: file, into: &config, diagnostics: &diagnostics)
    diagnostics += hiddenGlobs(config, value: value, sourceMap: conversion.sourceMap, file: file)
    if let asOf = config.asOf, BuildClock.parse(asOf) == nil {
      diagnostics.append(
        .error(
          .configBadTimestamp, "asOf '\(asOf)' is not an ISO 8601 timestamp (e.g. 2026-11-01T00:00:00Z)",
          at: location(conversion.sourceMap.position(of: ValuePath(keys: "asOf")), file)))
      config.asOf = nil
    }
    diagnostics += config.metrics.read(value, sourceMap: conversion.sourceMap, file: file)
    diagnostics += config.guardrails.read(value, sourceMap: conversion.sourceMap, file: file)
    diagnostics += config.catalog.read(value, sourceMap: conversion.sourceMap, file: file)
    diagnostics += config.diagnostics.read(value, sourceMap: conversion.sourceMap, file: file)
    diagnostics += config.integrations.read(value, sourceMap: conversion.sourceMap, file: file)
    return (config, diagnostics)
  }

  /// `inputs.templateContent`: `exclude` (the default) or `read`.
  private func readTemplateContent(
    _ value: JSONValue, sourceMap: YAMLSourceMap, file: SourceFile, into config: inout SiteConfig
  ) -> [Diagnostic] {
    guard let mode = value.value(at: ["inputs", "templateContent"])?.stringValue else { return [] }
    switch mode {
    case "exclude": config.readsTemplateContent = false
    case "read": config.readsTemplateContent = true
    default:
      return [
        .error(
          .configBadValue, "inputs.templateContent must be 'exclude' or 'read', not '\(mode)'",
          at: location(sourceMap.position(of: ValuePath(keys: "inputs", "templateContent")), file))
      ]
    }
    return []
  }

  /// `policies`, `layouts` and `output`: folders inside the root; `policies` and `layouts` are
  /// read, so they may not be hidden (`.git/hooks`). Where `output`/`layouts` are set is kept.
  private func readFolders(
    _ value: JSONValue, sourceMap: YAMLSourceMap, file: SourceFile, into config: inout SiteConfig,
    diagnostics: inout [Diagnostic]
  ) {
    let folders = [
      ("policies", \SiteConfig.policiesDirectory), ("layouts", \.layoutsDirectory), ("output", \.outputDirectory),
    ]
    for (key, keyPath) in folders {
      guard let folder = value.value(at: [key])?.stringValue else { continue }
      let position = sourceMap.position(of: ValuePath(keys: key))
      if let relative = RootPath.normalized(folder), key == "output" || RootPath.hiddenSegment(in: relative) == nil {
        config[keyPath: keyPath] = relative
        if key == "output" { config.outputLocation = location(position, file) }
        if key == "layouts" { config.layoutsLocation = location(position, file) }
      } else if RootPath.normalized(folder) != nil {
        diagnostics.append(
          .error(
            .configHiddenPath, "'\(key)' must not be a hidden folder (a name starting with '.'), not '\(folder)'",
            at: location(position, file)))
      } else {
        diagnostics.append(
          .error(
            .configPathOutsideRoot, "'\(key)' must be a folder inside the site root, not '\(folder)'",
            at: location(position, file)))
      }
    }
  }

  /// An input glob naming a hidden folder (`.github/**/*.sarif`) would silently match nothing:
  /// the walk never enters one, and hidden files are never read.
  private func hiddenGlobs(
    _ config: SiteConfig, value: JSONValue, sourceMap: YAMLSourceMap, file: SourceFile
  ) -> [Diagnostic] {
    let inputs =
      [("catalog", config.catalogGlobs), ("events", config.eventGlobs), ("rollups", config.rollupGlobs)]
      + [("policyResults", config.policyResultGlobs)]
    var diagnostics: [Diagnostic] = []
    for (key, globs) in inputs {
      let isList = value.value(at: ["inputs", key])?.arrayValue != nil
      for (index, glob) in globs.enumerated() where RootPath.hiddenSegment(in: glob) != nil {
        let path = isList ? ValuePath(keys: "inputs", key).appending(index: index) : ValuePath(keys: "inputs", key)
        diagnostics.append(
          .error(
            .configHiddenPath, "'inputs.\(key)' glob '\(glob)' names a hidden folder; hidden files are never read",
            at: location(sourceMap.position(of: path), file)))
      }
    }
    return diagnostics
  }

  /// Checks `node` against `field`; returns false when the node has the wrong type.
  private func check(
    _ node: YAMLNode, against field: Field, at path: ValuePath, file: SourceFile, into diagnostics: inout [Diagnostic]
  ) -> Bool {
    switch field {
    case .string:
      if node.scalar != nil, node.tag == nil || node.tag == YAMLCoreSchema.tagPrefix + "str" { return true }
    case .bool:
      if let scalar = node.scalar, scalar.style == .plain,
        ["true", "True", "TRUE", "false", "False", "FALSE"].contains(scalar.text)
      {
        return true
      }
    case .stringList:
      if node.scalar != nil { return check(node, against: .string, at: path, file: file, into: &diagnostics) }
      if let elements = node.sequence {
        var valid = true
        for (index, element) in elements.enumerated() {
          valid =
            check(element, against: .string, at: path.appending(index: index), file: file, into: &diagnostics) && valid
        }
        return valid
      }
    case .mapping(let members):
      guard let pairs = node.mapping else { break }
      for pair in pairs {
        guard let key = pair.key.scalar?.text else { continue }
        let child = path.appending(key)
        guard let expected = members[key] else {
          var message = "unknown key '\(child)'"
          if let suggestion = NameSuggester.closest(to: key, among: members.keys.sorted()) {
            message += "; did you mean '\(suggestion)'?"
          }
          diagnostics.append(.error(.configUnknownKey, message, at: location(pair.key.start, file)))
          continue
        }
        _ = check(pair.value, against: expected, at: child, file: file, into: &diagnostics)
      }
      return true
    }
    let found = node.scalar != nil ? "a scalar" : node.sequence != nil ? "a list" : "a mapping"
    let name = path.components.isEmpty ? "waymark.yaml" : "'\(path)'"
    diagnostics.append(
      .error(.configWrongType, "\(name) must be \(field.expectation), found \(found)", at: location(node.start, file)))
    return false
  }

  private func location(_ position: SourcePosition?, _ file: SourceFile) -> SourceLocation {
    SourceLocation(path: file.path, position: position)
  }

  /// `/portal` → `/portal/`; an empty value → `/`.
  package static func normalizedBaseURL(_ text: String) -> String {
    var url = text.trimmingCharacters(in: .whitespaces)
    if url.isEmpty { return "/" }
    if !url.hasSuffix("/") { url += "/" }
    return url
  }
}
