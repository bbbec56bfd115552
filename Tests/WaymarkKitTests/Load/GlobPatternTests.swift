import Testing
import WaymarkKit

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
  ])
  func matches(pattern: String, path: String, expected: Bool) {
    #expect(GlobPattern(pattern).matches(path) == expected)
  }
}
