import Testing
import WaymarkLoading

@Suite struct GlobPatternTests {
  @Test(arguments: [
    ("content/catalog/**/*.yaml", "content/catalog/a.yaml", true),
    ("content/catalog/**/*.yaml", "content/catalog/x/y/a.yaml", true),
    ("content/catalog/**/*.yaml", "content/catalog/a.yml", false),
    ("content/catalog/**/*.yaml", "content/other/a.yaml", false),
    ("**/catalog-info.yaml", "catalog-info.yaml", true),
    ("**/catalog-info.yaml", "services/pay/catalog-info.yaml", true),
    ("**/catalog-info.yaml", "services/pay/catalog-info.yaml.bak", false),
    ("content/events/**/*", "content/events/2026/deploys.jsonl", true),
    ("content/events/*", "content/events/2026/deploys.jsonl", false),
    ("a/?.json", "a/b.json", true),
    ("a/?.json", "a/bc.json", false),
    ("./a/*.json", "a/x.json", true),
    ("a/*x*y*.json", "a/1x2x3y.json", true),
    ("a/*x*y*.json", "a/1y2x3.json", false),
    ("a/*a", "a/aaa", true),
    ("a/*a", "a/aab", false),
    ("a/**", "a", true),
    ("a/**", "a/b/c", true),
    ("**/b/**/c.yaml", "x/b/y/b/c.yaml", true),
    ("**/b/**/c.yaml", "x/b/y/c.yaml/d", false),
    ("**/b/*/c.yaml", "b/b/y/c.yaml", true),
    ("a/**/**/*.yaml", "a/x.yaml", true),
    ("a/é?.yaml", "a/éb.yaml", true),
    ("a/?.yaml", "a/éé.yaml", false),
    // The leading names without wildcards are compared as bytes first, as whole names; a path
    // with an empty name is still split, as before.
    ("content/catalog/**/*.yaml", "content/catalogue/a.yaml", false),
    ("content/catalog/**/*.yaml", "content/catalo", false),
    ("content/catalog/**/*.yaml", "content//catalog/a.yaml", true),
    ("content/catalog/**/*.yaml", "/content/catalog/a.yaml", true),
    ("content/catalog/**/*.yaml", "content/catalog//a.yaml", true),
    ("content/catalog/**/*.yaml", "./content/catalog/a.yaml", false),
    ("content/events/**", "content/events", true),
    ("content/events/**", "content/events/", true),
    ("a/b.yaml", "a/b.yaml", true),
    ("a/b.yaml", "a/b.yaml.bak", false),
    ("a/b.yaml", "a//b.yaml", true),
    ("docs/é/**", "docs/é/x.md", true),
    ("docs/é/**", "docs/e\u{301}/x.md", false),
  ])
  func matches(pattern: String, path: String, expected: Bool) {
    #expect(GlobPattern(pattern).matches(path) == expected)
  }

  /// Patterns with many stars took time exponential in their number (fuzz-catalog's
  /// `Fixtures/fuzz/location-target-many-stars.yaml`); each is now one pass per star.
  @Test func manyStarsAgainstALongNameThatDoesNotMatch() {
    let pattern = "?" + String(repeating: "*", count: 40) + "(" + String(repeating: "*", count: 24) + "yaml"
    #expect(!GlobPattern(pattern).matches(String(repeating: "a", count: 200) + ".yam"))
    #expect(GlobPattern(pattern).matches("x(" + String(repeating: "a", count: 200) + "yaml"))
    let folders = Array(repeating: "**", count: 30).joined(separator: "/") + "/x/y.yaml"
    #expect(!GlobPattern(folders).matches(Array(repeating: "a", count: 60).joined(separator: "/") + "/x/z.yaml"))
  }
}
