import StructuredData
import Testing
import WaymarkLoading

/// A relative URI with nothing to decode or fold is resolved in one pass; every other URI takes
/// the general path, and both give what the chain of `originalUriBaseIds` says.
@Suite struct SARIFURIResolverTests {
  let resolver = SARIFURIResolver(
    originalUriBaseIds: [
      "ROOT": ["uri": "file:///workspace/acme/"], "SRC": ["uri": "src/", "uriBaseId": "ROOT"],
      "LIB": ["uri": "lib", "uriBaseId": "SRC"], "ODD": ["uri": "a//b/"], "ESC": ["uri": "my%20dir/"],
      "NONE": [:],
    ],
    artifacts: [["location": ["uri": "from/artifact.tf", "uriBaseId": "SRC"]]])

  @Test(
    arguments: [
      ("main.tf", nil, "main.tf"),
      ("main.tf", "ROOT", "main.tf"),
      ("x/main.tf", "SRC", "src/x/main.tf"),
      ("main.tf", "LIB", "src/lib/main.tf"),
      ("main.tf", "NONE", "main.tf"),
      ("main.tf", "UNDEFINED", "main.tf"),
      // The general path: escapes are decoded, dot segments and doubled slashes folded.
      ("my%20file.tf", "SRC", "src/my file.tf"),
      ("./x/../y.tf", "SRC", "src/y.tf"),
      ("main.tf", "ODD", "a/b/main.tf"),
      ("main.tf", "ESC", "my dir/main.tf"),
      // Absolute: relative to the workspace base when under it, else as written.
      ("file:///workspace/acme/svc/main.tf", nil, "svc/main.tf"),
      ("file:///elsewhere/main.tf", "SRC", "file:///elsewhere/main.tf"),
    ] as [(String, String?, String)])
  func resolves(uri: String, base: String?, expected: String) {
    #expect(resolver.resolve(uri: uri, uriBaseId: base, index: nil) == expected)
  }

  @Test func anArtifactIndexStandsForAMissingURI() {
    #expect(resolver.resolve(uri: nil, uriBaseId: nil, index: 0) == "src/from/artifact.tf")
    #expect(resolver.resolve(uri: nil, uriBaseId: nil, index: 1) == nil)
    #expect(resolver.resolve(uri: nil, uriBaseId: nil, index: nil) == nil)
  }
}
