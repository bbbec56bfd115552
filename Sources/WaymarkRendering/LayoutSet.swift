import Foundation
import Mustache
import WaymarkModel

/// The theme's and the site's layout files, parsed once into a Mustache library.
///
/// Page layouts live at the top of a layouts folder (`entity.html`, `component/entity.html`);
/// partials in `_partials/` (used as `{{> header}}`), the site's overriding the theme's by name;
/// static files in `_assets/`, copied to `assets/` in the output.
public struct LayoutSet: Sendable {
  /// The Mustache library holding pages (named `site:<path>` / `theme:<path>`) and partials.
  public let library: MustacheLibrary
  /// Chooses page layouts.
  public let resolver: LayoutResolver
  /// Static assets by output-relative path (`assets/style.css`), site files overriding the theme's.
  public let assets: [String: [UInt8]]
  /// Each partial name → the partials and layouts it references, for the unused-layout check.
  package let references: [String: Set<String>]
  /// Site layout and partial files, by path relative to the site's layouts folder.
  package let siteFiles: Set<String>
  /// Every layout's and partial's text under its library name, for the layout key check.
  package var keyChecker = LayoutKeyChecker(sources: [:])
  /// Whether pages whose layout is the built-in theme's render through its compiled layouts
  /// (`BuiltInLayouts`); off, every page renders through swift-mustache (the equivalence tests).
  package var compilesBuiltInLayouts = true
  /// The key of every theme and site file the set was loaded from, for keying rendered pages.
  package var fingerprint: MemoKey?

  /// The theme (embedded in the binary) with the site's layout files (path → bytes) over it.
  ///
  /// `displayPath` names the site's layouts folder in diagnostics.
  public static func load(site: [String: [UInt8]], displayPath: String) -> (LayoutSet, [Diagnostic]) {
    load(theme: EmbeddedLayouts.files, site: site, displayPath: displayPath)
  }

  /// Builds a layout set from in-memory files (path → contents).
  public static func load(theme: [String: String], site: [String: String], displayPath: String) -> (
    LayoutSet, [Diagnostic]
  ) {
    load(theme: theme.mapValues { Array($0.utf8) }, site: site.mapValues { Array($0.utf8) }, displayPath: displayPath)
  }

  /// Builds a layout set from in-memory files (path → bytes); assets may be binary.
  public static func load(theme: [String: [UInt8]], site: [String: [UInt8]], displayPath: String) -> (
    LayoutSet, [Diagnostic]
  ) {
    var diagnostics: [Diagnostic] = []
    var library = MustacheLibrary()
    var references: [String: Set<String>] = [:]
    var assets: [String: [UInt8]] = [:]
    var partialOrigins: [String: String] = [:]
    var sources: [String: LayoutKeyChecker.Source] = [:]
    for (origin, files, prefix) in [("theme", theme, "(theme)/"), ("site", site, displayPath + "/")] {
      for path in files.keys.sorted() {
        let bytes = files[path] ?? []
        if path.hasPrefix("_assets/") {
          assets["assets/" + path.dropFirst("_assets/".count)] = bytes
          continue
        }
        guard path.hasSuffix(".html") else { continue }
        let contents = String(decoding: bytes, as: UTF8.self)
        let template: MustacheTemplate
        do {
          template = try MustacheTemplate(string: contents)
        } catch let error as MustacheTemplate.ParserError {
          diagnostics.append(
            .error(
              .layoutSyntax, "template syntax: \(error.error)",
              at: SourceLocation(
                path: prefix + path, line: error.context.lineNumber, column: error.context.columnNumber)))
          continue
        } catch {
          diagnostics.append(
            .error(.layoutSyntax, "template syntax: \(error)", at: SourceLocation(path: prefix + path)))
          continue
        }
        let name: String
        if path.hasPrefix("_partials/") {
          name = String(path.dropFirst("_partials/".count).dropLast(".html".count))
          partialOrigins[name] = origin
        } else {
          name = "\(origin):\(path)"
        }
        library.register(template, named: name)
        sources[name] = LayoutKeyChecker.Source(displayPath: prefix + path, isSite: origin == "site", text: contents)
        references[name] = partialNames(in: contents)
      }
    }
    let resolver = LayoutResolver(
      sitePaths: Set(site.keys.filter(isPageLayout)), themePaths: Set(theme.keys.filter(isPageLayout)))
    var layouts = LayoutSet(
      library: library, resolver: resolver, assets: assets, references: references,
      siteFiles: Set(site.keys.filter { $0.hasSuffix(".html") }))
    layouts.keyChecker = LayoutKeyChecker(sources: sources)
    layouts.fingerprint = fingerprint(theme: theme, site: site)
    return (layouts, diagnostics)
  }

  package static func isPageLayout(_ path: String) -> Bool {
    path.hasSuffix(".html") && !path.hasPrefix("_")
  }

  /// The names after `{{>` and `{{<` in a template (partials and parents).
  package static func partialNames(in text: String) -> Set<String> {
    var names = Set<String>()
    var rest = Substring(text)
    while let open = rest.range(of: "{{") {
      rest = rest[open.upperBound...]
      guard let first = rest.first, first == ">" || first == "<" else { continue }
      guard let close = rest.range(of: "}}") else { break }
      let name = rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
      if !name.isEmpty { names.insert(name) }
      rest = rest[close.upperBound...]
    }
    return names
  }

  /// Site layouts that no page chose and no chosen layout includes, as warnings.
  public func unusedSiteLayouts(chosen: Set<LayoutResolver.Choice>, displayPath: String) -> [Diagnostic] {
    var used = Set<String>()
    var pending = chosen.map { "\($0.origin.rawValue):\($0.path)" }
    while let name = pending.popLast() {
      guard used.insert(name).inserted else { continue }
      pending += references[name] ?? []
    }
    return siteFiles.sorted().compactMap { path in
      let name =
        path.hasPrefix("_partials/")
        ? String(path.dropFirst("_partials/".count).dropLast(".html".count)) : "site:\(path)"
      guard !used.contains(name) else { return nil }
      return .warning(
        .layoutUnused, "layout '\(path)' is never used by any page", at: SourceLocation(path: displayPath + "/" + path))
    }
  }
}
