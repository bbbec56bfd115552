import StructuredData
import Testing
import WaymarkLoading
import WaymarkModel

/// The keys of issue 21: `inputs.exclude`, `catalog.external`, `catalog.danglingRefs`,
/// `diagnostics.ignore`, checked like every other key.
@Suite struct SiteConfigCatalogKeysTests {
  func parse(_ text: String) -> (SiteConfig, String) {
    let (config, diagnostics) = SiteConfigLoader().parse(SourceFile(path: "waymark.yaml", bytes: Array(text.utf8)))
    return (config, DiagnosticFormat.text.format(DiagnosticList(diagnostics)))
  }

  @Test func readsTheKeys() throws {
    let (config, problems) = parse(
      """
      inputs:
        exclude: ["legacy/**", "templates/*/skeleton/**"]
      catalog:
        external: [user:*, "group:ldap/*", "*@*"]
        danglingRefs: warning
      diagnostics:
        ignore: [docs.remote-ref, catalog.dangling-ref]
      """)
    #expect(problems == "")
    #expect(config.excludeGlobs == ["legacy/**", "templates/*/skeleton/**"])
    #expect(config.catalog.external.map(\.pattern) == ["user:*", "group:ldap/*", "*@*"])
    #expect(config.catalog.danglingRefs == .warning)
    #expect(config.diagnostics.ignore == [.docsRemoteRef, .catalogDanglingRef])
  }

  @Test func theDefaultsAcceptNothingExternalAndSilenceNothing() {
    let (config, problems) = parse("site: {title: x}\n")
    #expect(problems == "")
    #expect(config.excludeGlobs.isEmpty)
    #expect(config.catalog == CatalogSettings())
    #expect(config.catalog.danglingRefs == .error)
    #expect(config.diagnostics.ignore.isEmpty)
  }

  @Test func wrongTypesUnknownKeysAndBadValuesAreLocated() {
    let (config, problems) = parse(
      """
      inputs:
        exclude: {legacy: true}
      catalog:
        external: ["user:", "group:default/*"]
        danglingRefs: ignore
        danglingRef: warning
      diagnostics:
        ignore: [docs.remote-reff, catalog.duplicate-entity, policy.expired-waiver]
      """)
    #expect(
      problems == """
        waymark.yaml:2:12: error: 'inputs.exclude' must be a list of strings, found a mapping [config.wrong-type]
        waymark.yaml:4:14: error: catalog.external pattern 'user:' must be an entity reference such as 'user:*' or \
        'group:default/*' [config.bad-value]
        waymark.yaml:5:17: error: catalog.danglingRefs must be 'error' or 'warning', not 'ignore' [config.bad-value]
        waymark.yaml:6:3: error: unknown key 'catalog.danglingRef'; did you mean 'danglingRefs'? [config.unknown-key]
        waymark.yaml:8:12: error: diagnostics.ignore names 'docs.remote-reff', which is not a diagnostic code; did you \
        mean 'docs.remote-ref'? (waymark explain --list lists them) [config.bad-value]
        waymark.yaml:8:30: error: diagnostics.ignore cannot silence 'catalog.duplicate-entity': it is always an error \
        [config.bad-value]

        """)
    #expect(config.catalog.external.map(\.pattern) == ["group:default/*"])
    #expect(config.diagnostics.ignore == [.policyExpiredWaiver])
  }

  @Test func externalPatternsDefaultTheNamespaceAndMatchAnyKindWhenNoneIsWritten() throws {
    func matches(_ pattern: String, _ ref: String) throws -> Bool {
      let pattern = try #require(ExternalRefPattern(pattern))
      return pattern.matches(try #require(EntityRef(parsing: ref, defaultKind: "Group")))
    }
    #expect(try matches("user:guest", "user:default/guest"))
    #expect(try matches("User:Guest", "user:guest"))
    #expect(try !matches("user:guest", "user:ldap/guest"))
    #expect(try matches("user:*", "user:jdoe"))
    #expect(try !matches("user:*", "user:ldap/jdoe"))
    #expect(try matches("user:*/*", "user:ldap/jdoe"))
    #expect(try matches("group:default/*", "team-a"))
    #expect(try matches("*@*", "web@example.com"))
    #expect(try matches("*@*", "user:someone@example.com"))
    #expect(try !matches("*@*", "web"))
    #expect(try matches("user:*@*", "user:default/a.b@example.com"))
    #expect(try !matches("user:*@*", "web@example.com"))
    #expect(ExternalRefPattern("user:") == nil)
    #expect(ExternalRefPattern(":x") == nil)
    #expect(ExternalRefPattern("user:/x") == nil)
  }
}
