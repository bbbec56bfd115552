import Foundation
import StructuredData
import Testing
import WaymarkCatalog
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Backstage's own examples and unit-test cases (vendored in `Tests/Conformance/backstage`), run
/// through the real loader and validator. Each suite prints `conformance <name>: P/N passed`;
/// any exception must be listed, with its reason, in `Fixtures/backstage-conformance-allowlist.json`.
@Suite struct BackstageConformanceTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func suite() throws -> URL { try TestPaths.conformanceSuite("backstage") }

  /// Case name → reason, per suite.
  static func allowlist(_ suite: String) throws -> [String: String] {
    let data = try Data(contentsOf: fixtures.appendingPathComponent("backstage-conformance-allowlist.json"))
    let value = try JSONReader().parse(Array(data))
    return (value[suite]?.objectValue ?? [:]).compactMapValues(\.stringValue)
  }

  static func readJSON(_ url: URL) throws -> JSONValue {
    try JSONReader().parse(Array(try Data(contentsOf: url)))
  }

  /// Records failures not on the allowlist, and prints the suite's figure.
  static func report(_ suite: String, total: Int, failures: [String: String]) throws {
    let allowed = try allowlist(suite)
    print("conformance \(suite): \(total - failures.count)/\(total) passed")
    for (name, why) in failures.sorted(by: { $0.key < $1.key }) where allowed[name] == nil {
      Issue.record("\(suite): \(name): \(why)")
    }
    for name in allowed.keys.sorted() where failures[name] == nil {
      Issue.record("\(suite): \(name) is allowlisted but passes; remove it from the allowlist")
    }
  }

  // MARK: - examples/

  @Test func examplesAreAcceptedWithTheRelationsBackstageDerives() async throws {
    let suite = try Self.suite()
    let root = suite.appendingPathComponent("examples")
    let available = InputFinder(root: root, excludedFolders: []).allFiles()
    // The two entry points; every other file is reached through their Locations.
    let loaded = await CatalogLoader(root: root).load(paths: ["all.yaml", "acme-corp.yaml"], available: available)
    let (catalog, modelDiagnostics) = CatalogBuilder().build(loaded.documents)
    let diagnostics = DiagnosticList(loaded.diagnostics + modelDiagnostics)
    // Three example APIs name their definition by a GitHub URL, which a static build does not fetch.
    #expect(diagnostics.items.map(\.code) == Array(repeating: .catalogSubstitutionNotFetched, count: 3))
    #expect(
      diagnostics.items.compactMap(\.location?.path)
        == ["apis/spotify-api.yaml", "apis/wayback-archive-api.yaml", "apis/wayback-search-api.yaml"])
    let petstore = try #require(catalog[EntityRef(kind: "API", name: "petstore")])
    #expect(
      petstore.document.value(at: ["spec", "definition"])?.stringValue?.hasPrefix(
        "openapi: 3.1.0\ninfo:\n  title: Swagger Petstore") == true)

    // Derived independently by Fixtures/backstage-examples-relations.py from Backstage's rule table.
    let expected = try Self.readJSON(Self.fixtures.appendingPathComponent("backstage-examples-relations.json"))
    let expectedEntities = try #require(expected.objectValue)
    var failures: [String: String] = [:]
    let erroredFiles = Set(diagnostics.items.filter { $0.severity == .error }.compactMap(\.location?.path))
    for (ref, relations) in expectedEntities {
      let wanted = (relations.arrayValue ?? []).map {
        "\($0["type"]?.stringValue ?? "") \($0["targetRef"]?.stringValue ?? "")"
      }
      guard let entity = catalog.entities.first(where: { $0.ref.canonical == ref }) else {
        failures[ref] = "not in the catalog"
        continue
      }
      if erroredFiles.contains(entity.source.path) { failures[ref] = "its file has errors" }
      let actual = entity.relations.map { "\($0.type) \($0.target.canonical)" }
      if actual != wanted { failures[ref] = "relations differ: \(actual) != \(wanted)" }
    }
    #expect(catalog.entities.count == expectedEntities.count)
    try Self.report("backstage-examples", total: expectedEntities.count, failures: failures)
  }

  // MARK: - invalid-cases.json

  /// The step of Waymark's order a case's Backstage layer corresponds to.
  static func step(forLayer layer: String) -> EntityValidationStep {
    if layer.hasPrefix("FieldFormatEntityPolicy") { return .fieldFormat }
    if layer.hasPrefix("NoForeignRootFieldsEntityPolicy") { return .rootFields }
    if layer.hasPrefix("SchemaValidEntityPolicy") { return .schema }
    return .kind
  }

  /// The field a case's reason names: `error matches /links.0.url.*valid url/i` → `links.0.url`.
  static func field(fromReason reason: String) -> String? {
    guard let open = reason.firstIndex(of: "/") else { return nil }
    let pattern = reason[reason.index(after: open)...].prefix { $0 != "/" }
    return String(pattern.components(separatedBy: ".*")[0])
  }

  /// A message with list indices written Backstage's way (`links[0]` → `links.0`).
  static func normalized(_ message: String) -> String {
    message.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "").lowercased()
  }

  @Test func entityCasesGiveTheExpectedVerdict() async throws {
    let suite = try Self.suite()
    let cases = try #require(Self.readJSON(suite.appendingPathComponent("invalid-cases.json")).arrayValue)
    var files: [String: String] = [:]
    for (index, entry) in cases.enumerated() {
      files["case-\(index).yaml"] = entry["yaml"]?.stringValue ?? ""
    }
    let root = try SiteFixture.make(files)
    let loaded = await CatalogLoader(root: root).load(paths: files.keys.sorted())
    var failures: [String: String] = [:]
    for (index, entry) in cases.enumerated() {
      let name = entry["name"]?.stringValue ?? "case \(index)"
      let path = "case-\(index).yaml"
      var diagnostics = loaded.diagnostics.filter { $0.location?.path == path }
      let step = Self.step(forLayer: entry["layer"]?.stringValue ?? "")
      for document in loaded.documents where document.path == path {
        _ = EntityValidator().validate(document, through: step, into: &diagnostics)
      }
      let errors = diagnostics.filter { $0.severity == .error }
      switch entry["expect"]?.stringValue {
      case "valid":
        if !errors.isEmpty { failures[name] = "expected valid, got \(errors.map(\.message))" }
      case "unrecognized":
        if !errors.contains(where: { $0.code == .catalogUnknownKind }) {
          failures[name] = "expected catalog.unknown-kind, got \(errors.map(\.message))"
        }
      default:
        let field = Self.field(fromReason: entry["reason"]?.stringValue ?? "")?.lowercased() ?? ""
        if errors.isEmpty {
          failures[name] = "expected invalid, got no error"
        } else if !errors.contains(where: { Self.normalized($0.message).contains(field) }) {
          failures[name] = "no error names '\(field)': \(errors.map(\.message))"
        }
      }
    }
    try Self.report("backstage-entity-cases", total: cases.count, failures: failures)
  }

  // MARK: - validator-cases.json

  static func rule(forFunction function: String) -> ((JSONValue) -> Bool)? {
    let name = function.split(separator: " ")[0].split(separator: ".").last.map(String.init) ?? ""
    switch name {
    case "isValidApiVersion": return EntityFieldFormat.isValidAPIVersion
    case "isValidKind": return EntityFieldFormat.isValidKind
    case "isValidObjectName": return EntityFieldFormat.isValidObjectName
    case "isValidNamespace": return EntityFieldFormat.isValidNamespace
    case "isValidLabelKey": return EntityFieldFormat.isValidLabelKey
    case "isValidLabelValue": return EntityFieldFormat.isValidLabelValue
    case "isValidAnnotationKey": return EntityFieldFormat.isValidAnnotationKey
    case "isValidAnnotationValue": return EntityFieldFormat.isValidAnnotationValue
    case "isValidDnsSubdomain": return EntityFieldFormat.isValidDNSSubdomain
    case "isValidDnsLabel": return EntityFieldFormat.isValidDNSLabel
    // The deprecated helper; the catalog's own tag rule also allows ':'.
    case "isValidTag": return { EntityFieldFormat.isValidTag($0, allowingColon: false) }
    case "isValidUrl": return EntityFieldFormat.isValidURL
    case "isNonEmptyString": return EntityFieldFormat.isNonEmptyString
    default: return nil
    }
  }

  @Test func fieldCasesGiveTheExpectedVerdict() throws {
    let suite = try Self.suite()
    let data = try Self.readJSON(suite.appendingPathComponent("validator-cases.json"))
    var failures: [String: String] = [:]
    var total = 0
    for group in data["validators"]?.arrayValue ?? [] {
      let function = group["function"]?.stringValue ?? ""
      let rule = Self.rule(forFunction: function)
      for (index, entry) in (group["cases"]?.arrayValue ?? []).enumerated() {
        total += 1
        let value = entry["value"] ?? .null
        let name = "\(function.split(separator: " ")[0]) #\(index)"
        guard let rule else {
          failures[name] = "no Waymark rule for \(function)"
          continue
        }
        let expected = entry["valid"]?.boolValue ?? false
        if rule(value) != expected { failures[name] = "\(value) should be \(expected ? "valid" : "invalid")" }
      }
    }
    for (index, entry) in (data["entityRef"]?["cases"]?.arrayValue ?? []).enumerated() {
      total += 1
      let name = "parseEntityRef #\(index)"
      let context = entry["context"]
      let parsed = EntityRef(
        parsing: entry["ref"] ?? .null, defaultKind: context?["defaultKind"]?.stringValue,
        defaultNamespace: context?["defaultNamespace"]?.stringValue ?? "default")
      if entry["error"]?.boolValue == true {
        if let parsed { failures[name] = "expected an error, parsed \(parsed)" }
        continue
      }
      let expected = entry["expect"]
      guard let parsed, parsed.kind == expected?["kind"]?.stringValue,
        parsed.namespace == expected?["namespace"]?.stringValue,
        parsed.name == expected?["name"]?.stringValue
      else {
        failures[name] = "expected \(expected ?? .null), got \(parsed.map(\.description) ?? "an error")"
        continue
      }
    }
    try Self.report("backstage-field-cases", total: total, failures: failures)
  }
}
