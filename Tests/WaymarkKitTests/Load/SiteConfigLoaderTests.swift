import StructuredData
import Testing
import WaymarkLoading
import WaymarkModel

@Suite struct SiteConfigLoaderTests {
  func parse(_ text: String) -> (SiteConfig, [String]) {
    let (config, diagnostics) = SiteConfigLoader().parse(SourceFile(path: "waymark.yaml", bytes: Array(text.utf8)))
    return (config, DiagnosticList(diagnostics).items.map { DiagnosticFormat.text.format(DiagnosticList([$0])) })
  }

  @Test func emptyFileGivesTheDefaults() {
    let (config, problems) = parse("")
    #expect(config == SiteConfig())
    #expect(problems.isEmpty)
    #expect(config.catalogGlobs == ["content/catalog/**/*.yaml", "**/catalog-info.yaml"])
    #expect(config.outputDirectory == "output")
  }

  @Test func readsEveryKey() {
    let (config, problems) = parse(
      """
      site: {title: Initech Portal, baseURL: /portal}
      inputs:
        catalog: [catalog/**/*.yaml]
        events: events/*.jsonl
        policyResults: []
      policies: rules
      layouts: theme
      output: public
      asOf: 2026-11-01T00:00:00Z
      """)
    #expect(problems.isEmpty)
    var expected = SiteConfig(
      title: "Initech Portal", baseURL: "/portal/", catalogGlobs: ["catalog/**/*.yaml"], eventGlobs: ["events/*.jsonl"],
      policyResultGlobs: [], policiesDirectory: "rules", layoutsDirectory: "theme", outputDirectory: "public",
      asOf: "2026-11-01T00:00:00Z")
    expected.layoutsLocation = SourceLocation(path: "waymark.yaml", line: 7, column: 10)
    expected.outputLocation = SourceLocation(path: "waymark.yaml", line: 8, column: 9)
    expected.catalogGlobsLocation = SourceLocation(path: "waymark.yaml", line: 3, column: 12)
    #expect(config == expected)
  }

  /// Layouts and policies are read (layouts trusted): never from `.git/hooks` or `.github`.
  @Test func hiddenLayoutsAndPoliciesFoldersAreLocatedErrors() {
    let (config, problems) = parse("layouts: .git/hooks\npolicies: content/.rules\n")
    #expect(
      problems == [
        "waymark.yaml:1:10: error: 'layouts' must not be a hidden folder (a name starting with '.'), not '.git/hooks' [config.hidden-path]\n",
        "waymark.yaml:2:11: error: 'policies' must not be a hidden folder (a name starting with '.'), not 'content/.rules' [config.hidden-path]\n",
      ])
    #expect(config.layoutsDirectory == "layouts")
    #expect(config.policiesDirectory == "policies")
  }

  @Test func inputGlobsNamingHiddenFoldersAreLocatedErrors() {
    let (_, problems) = parse(
      "inputs:\n  catalog: [content/**/*.yaml, .github/**/*.yaml]\n  policyResults: .reports/*.sarif\n")
    #expect(
      problems == [
        "waymark.yaml:2:32: error: 'inputs.catalog' glob '.github/**/*.yaml' names a hidden folder; hidden files are never read [config.hidden-path]\n",
        "waymark.yaml:3:18: error: 'inputs.policyResults' glob '.reports/*.sarif' names a hidden folder; hidden files are never read [config.hidden-path]\n",
      ])
  }

  @Test func unknownKeysAreLocatedWithASuggestion() {
    let (_, problems) = parse("site:\n  titel: X\nouptut: public\n")
    #expect(
      problems == [
        "waymark.yaml:2:3: error: unknown key 'site.titel'; did you mean 'title'? [config.unknown-key]\n",
        "waymark.yaml:3:1: error: unknown key 'ouptut'; did you mean 'output'? [config.unknown-key]\n",
      ])
  }

  @Test func wrongTypesAreLocated() {
    let (config, problems) = parse("site: [a]\ninputs:\n  catalog: {a: 1}\n  events: [1, [2]]\noutput: {x: 1}\n")
    #expect(
      problems == [
        "waymark.yaml:1:7: error: 'site' must be a mapping, found a list [config.wrong-type]\n",
        "waymark.yaml:3:12: error: 'inputs.catalog' must be a list of strings, found a mapping [config.wrong-type]\n",
        "waymark.yaml:4:15: error: 'inputs.events[1]' must be a string, found a list [config.wrong-type]\n",
        "waymark.yaml:5:9: error: 'output' must be a string, found a mapping [config.wrong-type]\n",
      ])
    #expect(config == SiteConfig())
  }

  @Test func pathsMustStayInsideTheRoot() {
    let (config, problems) = parse("output: ../elsewhere\nlayouts: /etc\npolicies: ./rules/../policies\n")
    #expect(
      problems == [
        "waymark.yaml:1:9: error: 'output' must be a folder inside the site root, not '../elsewhere' [config.path-outside-root]\n",
        "waymark.yaml:2:10: error: 'layouts' must be a folder inside the site root, not '/etc' [config.path-outside-root]\n",
      ])
    #expect(config.outputDirectory == "output")
    #expect(config.policiesDirectory == "policies")
  }

  @Test func badTimestampsAndSyntaxErrorsAreLocated() {
    #expect(
      parse("asOf: yesterday\n").1 == [
        "waymark.yaml:1:7: error: asOf 'yesterday' is not an ISO 8601 timestamp (e.g. 2026-11-01T00:00:00Z) [config.bad-timestamp]\n"
      ])
    #expect(parse("site: {title: x\n").1.count == 1)
    #expect(parse("site: {title: x\n").1.first?.hasPrefix("waymark.yaml:2:1: error: ") == true)
    #expect(
      parse("- a\n").1 == [
        "waymark.yaml:1:1: error: waymark.yaml must be a mapping, found a list [config.wrong-type]\n"
      ])
  }
}
