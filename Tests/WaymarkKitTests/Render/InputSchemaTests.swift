import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

@testable import WaymarkRendering

/// The editor schemas of `waymark.yaml` and the policies folder: the copies in `docs/schema/` are
/// the generated ones, the demo's files validate, and a key the loaders reject is rejected too.
@Suite struct InputSchemaTests {
  static let schemaFolder = TestPaths.repositoryRoot.appendingPathComponent("docs/schema")

  @Test func committedSchemasAreTheGeneratedOnes() {
    let files = InputSchemaRenderer.files()
    #expect(files.map(\.path) == ["api/schema/policy.schema.json", "api/schema/waymark-config.schema.json"])
    for file in files {
      let name = URL(fileURLWithPath: file.path).lastPathComponent
      assertGolden(String(decoding: file.bytes, as: UTF8.self), file: Self.schemaFolder.appendingPathComponent(name))
    }
  }

  @Test func demoPolicyFilesCarryTheModeline() throws {
    let policies = TestPaths.repositoryRoot.appendingPathComponent("policies")
    for path in try Self.yamlFiles(under: policies) {
      let text = try String(contentsOf: path, encoding: .utf8)
      let depth = path.deletingLastPathComponent().path == policies.path ? "../" : "../../"
      #expect(
        text.hasPrefix("# yaml-language-server: $schema=\(depth)docs/schema/policy.schema.json\n"),
        "\(path.lastPathComponent) has no modeline")
    }
  }

  /// A Waiver with a misspelt key: the loader and the schema both reject it.
  @Test func loaderRejectsWhatTheSchemaRejects() {
    let waiver = """
      apiVersion: waymark.dev/v1alpha1
      kind: Waiver
      metadata: {name: w}
      spec: {scorecard: s, check: c, entities: [component:a], reason: r, expires: 2026-12-31, approvedBy: u, tiket: T-1}

      """
    var set = PolicySet()
    var diagnostics: [Diagnostic] = []
    PolicyLoader(root: URL(fileURLWithPath: "/"))
      .read(SourceFile(path: "policies/w.yaml", bytes: Array(waiver.utf8)), into: &set, diagnostics: &diagnostics)
    #expect(diagnostics.map(\.message) == ["unknown key 'spec.tiket'; did you mean 'ticket'?"])
    let (_, configDiagnostics) = SiteConfigLoader().parse(
      SourceFile(path: "waymark.yaml", bytes: Array("site: {title: T, baseUrl: /x/}\n".utf8)))
    #expect(configDiagnostics.map(\.message) == ["unknown key 'site.baseUrl'; did you mean 'baseURL'?"])
  }

  @Test(.enabled(if: ScorecardSchemaTests.hasValidator, "skipped: Python's jsonschema module is not installed"))
  func schemasValidateTheDemoAndRejectWrongKeys() throws {
    let output = try TestPaths.temporaryDirectory("input-schema")
    // The documented example, with every key.
    let manual = try String(
      contentsOf: TestPaths.repositoryRoot.appendingPathComponent("docs/manual/configuration.md"), encoding: .utf8)
    let example = try #require(manual.components(separatedBy: "```yaml\n").dropFirst().first)
    let config = try #require(example.components(separatedBy: "```").first)
    let (_, accepted) = SiteConfigLoader().parse(SourceFile(path: "waymark.yaml", bytes: Array(config.utf8)))
    #expect(accepted.map(\.message) == [])
    try Data(config.utf8).write(to: output.appendingPathComponent("waymark.yaml"))
    let script = """
      import glob, json, sys, jsonschema, yaml
      schemas, root, config = sys.argv[1:4]
      def validator(name):
          schema = json.load(open(f"{schemas}/{name}.schema.json"))
          jsonschema.Draft202012Validator.check_schema(schema)
          return jsonschema.Draft202012Validator(schema)
      def plain(document):  # YAML's dates as the strings Waymark reads
          return json.loads(json.dumps(document, default=str))
      def errors(check, document):
          return sorted(e.message for e in check.iter_errors(document))
      policy, settings = validator("policy"), validator("waymark-config")
      documents = 0
      for path in sorted(glob.glob(f"{root}/policies/**/*.yaml", recursive=True)):
          for document in map(plain, yaml.safe_load_all(open(path))):
              assert not errors(policy, document), (path, errors(policy, document))
              documents += 1
              kind = document["kind"]
              wrong = plain(document)
              wrong["spec"]["expiresOn" if kind == "Waiver" else "scorecards"] = "x"
              print(kind, errors(policy, wrong))
      if documents < 6: sys.exit(f"only {documents} policy documents")
      settings_document = plain(yaml.safe_load(open(config)))
      print("config", errors(settings, settings_document))
      settings_document["inputs"]["catalogue"] = ["x"]
      print("config", errors(settings, settings_document))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c", script, Self.schemaFolder.path, TestPaths.repositoryRoot.path,
      output.appendingPathComponent("waymark.yaml").path,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let lines = Set(text.split(separator: "\n").map(String.init))
    #expect(process.terminationStatus == 0, "\(text)")
    #expect(
      lines == [
        "Scorecard [\"Additional properties are not allowed ('scorecards' was unexpected)\"]",
        "Waiver [\"Additional properties are not allowed ('expiresOn' was unexpected)\"]",
        "ScorecardTest [\"Additional properties are not allowed ('scorecards' was unexpected)\"]",
        "config []",
        "config [\"Additional properties are not allowed ('catalogue' was unexpected)\"]",
      ], "\(text)")
  }

  static func yamlFiles(under folder: URL) throws -> [URL] {
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    let urls = (enumerator?.allObjects as? [URL]) ?? []
    return urls.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
  }
}
