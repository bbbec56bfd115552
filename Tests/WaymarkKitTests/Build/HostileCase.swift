import Foundation
import WaymarkTestSupport

/// One case of the hostile-input corpus (`Tests/Fixtures/hostile/<name>/`): the committed site
/// (`site/`), what the test generates into it (inputs too large, binary or machine-specific to
/// commit), and the exact diagnostics expected (`expected.txt`).
struct HostileCase: Sendable, CustomStringConvertible {
  /// The folder name.
  var name: String
  /// Whether to also publish (a second, writing build); off for the cases whose inputs are
  /// hundreds of megabytes, which end in errors before anything could be written anyway.
  var publishes = true
  /// An environment variable that must be `1` for the case to run (heavy cases), if any.
  var gate: String?
  /// Whether the build writes to the output `waymark.yaml` names (else `<tmp>/output`, as `--output`).
  var configuredOutput = false

  var description: String { name }

  /// Every case, in the order of the list.
  static let all: [HostileCase] = [
    HostileCase(name: "alias-bomb"),
    HostileCase(name: "deep-nesting"),
    HostileCase(name: "invalid-utf8-nul"),
    HostileCase(name: "huge-scalar", publishes: false),
    HostileCase(name: "huge-event-record", publishes: false, gate: "WAYMARK_HOSTILE_LARGE"),
    HostileCase(name: "duplicate-keys"),
    HostileCase(name: "special-files"),
    HostileCase(name: "unreadable-file"),
    HostileCase(name: "paths-outside-root"),
    HostileCase(name: "markup-injection"),
    HostileCase(name: "script-assets"),
    HostileCase(name: "cel-runaway"),
    HostileCase(name: "timestamps-out-of-range"),
    HostileCase(name: "million-sarif-results", publishes: false),
    HostileCase(name: "secrets"),
    HostileCase(name: "hidden-files"),
    HostileCase(name: "output-link", configuredOutput: true),
    HostileCase(name: "output-over-inputs", configuredOutput: true),
    HostileCase(name: "layouts-in-docs"),
    HostileCase(name: "large-event-array", publishes: false),
  ]

  /// The corpus folder.
  static let corpus = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/hostile")

  var folder: URL { Self.corpus.appendingPathComponent(name) }

  /// Text every file outside the root holds: it must never appear in any output or diagnostic.
  static let sentinel = "WAYMARK-OUTSIDE-THE-ROOT-SENTINEL"

  /// A workspace for one run: `<tmp>/site` (the root), `<tmp>/outside` (files beside the root
  /// that links point at), `<tmp>/output`.
  struct Workspace {
    var base: URL
    var root: URL { base.appendingPathComponent("site") }
    var outside: URL { base.appendingPathComponent("outside") }
    var output: URL { base.appendingPathComponent("output") }
  }

  /// Copies the committed site, writes the sentinel folder beside it and generates the rest;
  /// returns why a sub-case could not run here (shown, never silent).
  func prepare() throws -> (Workspace, skipped: [String]) {
    let manager = FileManager.default
    let workspace = Workspace(base: try TestPaths.temporaryDirectory("hostile-\(name)"))
    let committed = folder.appendingPathComponent("site")
    if manager.fileExists(atPath: committed.path) {
      try manager.copyItem(at: committed, to: workspace.root)
    } else {
      try manager.createDirectory(at: workspace.root, withIntermediateDirectories: true)
    }
    try manager.createDirectory(
      at: workspace.outside.appendingPathComponent("docs/docs"), withIntermediateDirectories: true)
    for file in ["secret.txt", "evil.yaml", "secret.json", "docs/mkdocs.yml", "docs/docs/index.md"] {
      try Data("# \(Self.sentinel)\n".utf8).write(to: workspace.outside.appendingPathComponent(file))
    }
    let skipped = try HostileInputGenerator(root: workspace.root, outside: workspace.outside).generate(name)
    return (workspace, skipped)
  }
}
