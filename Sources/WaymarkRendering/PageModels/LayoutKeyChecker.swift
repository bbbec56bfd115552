import WaymarkModel

/// Finds the keys a layout uses that its page type's model does not have (`layout.unknown-key`),
/// following sections (inside `{{#x}}…{{/x}}` names refer to x's element first, then outwards,
/// as Mustache looks them up) and partials (checked where they are included).
package struct LayoutKeyChecker {
  /// A layout or partial's text and where diagnostics about it point.
  package struct Source: Sendable {
    /// The name diagnostics show (`layouts/entity.html`, `(theme)/home.html`).
    package var displayPath: String
    /// Whether the file is the site's own (only those are reported).
    package var isSite: Bool
    package var text: String
  }

  /// Layouts by library name (`site:<path>`, `theme:<path>`) and partials by partial name.
  package let sources: [String: Source]

  package init(sources: [String: Source]) {
    self.sources = sources
  }

  /// A key a layout uses that the page type's model lacks where it is used.
  package struct Finding: Sendable, Hashable {
    package var key: String
    package var location: SourceLocation
    /// The closest key in scope, for a "did you mean".
    package var suggestion: String?
  }

  /// The keys the layout `name` (and the partials it includes) uses that pages of `type` lack;
  /// with `includeTheme`, the theme's files are reported too (the theme's own test).
  package func findings(layout name: String, for type: PageType, includeTheme: Bool = false) -> [Finding] {
    let schema = type.schema
    var run = Run(checker: self, includeTheme: includeTheme, types: Self.objectTypes(in: schema))
    run.walk(name, scopes: [schema])
    return run.findings
  }

  /// The `layout.unknown-key` warnings for the layout `name` rendering pages of `type`.
  package func check(layout name: String, for type: PageType, includeTheme: Bool = false) -> [Diagnostic] {
    Self.diagnostics(findings(layout: name, for: type, includeTheme: includeTheme).map { ($0, [type]) })
  }

  /// One warning per finding, naming the page types whose models lack the key, sorted.
  package static func diagnostics(_ findings: [(Finding, [PageType])]) -> [Diagnostic] {
    findings.map { finding, types in
      let names = types.map(\.rawValue)
      let whose =
        types.count == 1
        ? "the \(names[0]) page's model (\(types[0].modelName))"
        : "the models of the \(names.dropLast().joined(separator: ", ")) and \(names.last ?? "") pages"
      let hint = finding.suggestion.map { "; did you mean '\($0)'?" } ?? ""
      return .warning(
        .layoutUnknownKey, "'\(finding.key)' is not a key of \(whose) here, so it renders as nothing\(hint)",
        at: finding.location)
    }.sorted()
  }

  /// Every object type in `schema` by name, for resolving recursive lists.
  static func objectTypes(in schema: TemplateSchema) -> [String: TemplateObjectSchema] {
    var types: [String: TemplateObjectSchema] = [:]
    var pending = [schema]
    while let next = pending.popLast() {
      switch next {
      case .list(let element): pending.append(element)
      case .object(let object):
        guard types[object.typeName] == nil else { continue }
        types[object.typeName] = object
        pending += object.fields.map(\.schema)
      case .value, .open, .recursive: continue
      }
    }
    return types
  }

  /// One check: the warnings found and the partials already walked in a given scope.
  struct Run {
    let checker: LayoutKeyChecker
    let includeTheme: Bool
    let types: [String: TemplateObjectSchema]
    var findings: [Finding] = []
    var walked = Set<String>()

    mutating func walk(_ name: String, scopes base: [TemplateSchema]) {
      // A partial walked once per innermost scope: a recursive partial (nested navigation)
      // includes itself with ever deeper stacks, which only differ further out.
      let signature = name + "|" + (base.last.map(Self.signature) ?? "")
      guard walked.insert(signature).inserted, let source = checker.sources[name],
        let tags = LayoutTagScanner.tags(in: source.text)
      else { return }
      let reports = source.isSite || includeTheme
      var scopes = base
      for tag in tags {
        switch tag.role {
        case .comment: continue
        case .variable:
          if resolve(tag.name, in: scopes) == nil, reports { report(tag, source: source, scopes: scopes) }
        case .section, .invertedSection:
          let found = resolve(tag.name, in: scopes)
          if found == nil, reports { report(tag, source: source, scopes: scopes) }
          let inner = tag.role == .section ? scope(of: found ?? .open) : scopes.last ?? .open
          scopes.append(inner)
        case .block:
          scopes.append(scopes.last ?? .open)
        case .parent:
          walk(tag.name, scopes: scopes)
          scopes.append(scopes.last ?? .open)
        case .close:
          if scopes.count > base.count { scopes.removeLast() }
        case .partial:
          walk(tag.name, scopes: scopes)
        }
      }
    }

    /// The schema a section over `schema` renders its body with.
    private func scope(of schema: TemplateSchema) -> TemplateSchema {
      switch schema.sectionScope {
      case .recursive(let name): return types[name].map(TemplateSchema.object) ?? .open
      case let other: return other
      }
    }

    /// The schema `name` refers to from the innermost scope outwards, `.open` for names the check
    /// cannot follow (`.`, transforms such as `first(items)`), or nil when no scope has it.
    func resolve(_ name: String, in scopes: [TemplateSchema]) -> TemplateSchema? {
      if name == "." || name.contains("(") || name.isEmpty { return .open }
      let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      var found: TemplateSchema?
      for scope in scopes.reversed() {
        switch scope {
        case .open: found = .open
        case .object(let object): found = object.field(parts[0])?.schema
        default: found = nil
        }
        if found != nil { break }
      }
      for part in parts.dropFirst() {
        switch found.map(scope(of:)) {
        case .open?: return .open
        case .object(let object)?: found = object.field(part)?.schema
        default: return nil
        }
        if found == nil { return nil }
      }
      return found
    }

    private mutating func report(
      _ tag: LayoutTagScanner.Tag, source: LayoutKeyChecker.Source,
      scopes: [TemplateSchema]
    ) {
      var keys: [String] = []
      let parts = tag.name.split(separator: ".").map(String.init)
      if parts.count > 1,
        case .object(let parent)? = resolve(
          parts.dropLast().joined(separator: "."),
          in: scopes
        ).map(scope(of:))
      {
        keys = parent.fields.map(\.key)
      } else {
        for case .object(let object) in scopes { keys += object.fields.map(\.key) }
      }
      let last = parts.last ?? ""
      findings.append(
        Finding(
          key: tag.name, location: SourceLocation(path: source.displayPath, line: tag.line, column: tag.column),
          suggestion: NameSuggester.closest(to: last, among: keys)))
    }

    private static func signature(_ schema: TemplateSchema) -> String {
      switch schema {
      case .object(let object): return object.typeName
      case .list(let element): return "[" + signature(element) + "]"
      case .value(let kind): return kind
      case .open: return "*"
      case .recursive(let name): return "[" + name + "]"
      }
    }
  }
}
