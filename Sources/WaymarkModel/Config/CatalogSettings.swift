import StructuredData
import YAML

/// The `catalog:` settings of `waymark.yaml`: which referred-to entities live outside the
/// repository, and how serious a reference to any other missing entity is.
public struct CatalogSettings: Sendable, Hashable {
  /// Entities provided outside the repository (`catalog.external`): a reference matching one is
  /// accepted as written and listed in `api/catalog.json`'s `external`.
  public var external: [ExternalRefPattern] = []
  /// The severity of `catalog.dangling-ref` (`catalog.danglingRefs`): error unless set to warning.
  public var danglingRefs: Diagnostic.Severity = .error

  /// The defaults.
  public init() {}

  /// Settings with these values.
  public init(external: [ExternalRefPattern], danglingRefs: Diagnostic.Severity = .error) {
    self.external = external
    self.danglingRefs = danglingRefs
  }

  /// The pattern naming `ref` as external, if any.
  public func externalPattern(matching ref: EntityRef) -> ExternalRefPattern? {
    external.first { $0.matches(ref) }
  }

  /// Reads the `catalog` mapping of a converted config; types were checked against the schema.
  package mutating func read(_ config: JSONValue, sourceMap: YAMLSourceMap, file: SourceFile) -> [Diagnostic] {
    guard let catalog = config["catalog"] else { return [] }
    var diagnostics: [Diagnostic] = []
    func location(_ path: ValuePath) -> SourceLocation {
      SourceLocation(path: file.path, position: sourceMap.position(of: path))
    }
    let field = catalog["external"]
    let texts = field?.stringValue.map { [$0] } ?? field?.arrayValue?.compactMap(\.stringValue) ?? []
    external = texts.enumerated().compactMap { index, text in
      if let pattern = ExternalRefPattern(text) { return pattern }
      let path =
        field?.arrayValue == nil
        ? ValuePath(keys: "catalog", "external") : ValuePath(keys: "catalog", "external").appending(index: index)
      diagnostics.append(
        .error(
          .configBadValue,
          "catalog.external pattern '\(text)' must be an entity reference such as 'user:*' or 'group:default/*'",
          at: location(path)))
      return nil
    }
    if let text = catalog["danglingRefs"]?.stringValue {
      switch text {
      case "error": danglingRefs = .error
      case "warning": danglingRefs = .warning
      default:
        diagnostics.append(
          .error(
            .configBadValue, "catalog.danglingRefs must be 'error' or 'warning', not '\(text)'",
            at: location(ValuePath(keys: "catalog", "danglingRefs"))))
      }
    }
    return diagnostics
  }
}
