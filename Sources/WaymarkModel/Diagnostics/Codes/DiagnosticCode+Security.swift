/// The codes of the security checks: output and layouts kept apart from the inputs, hidden files, output scans.
extension DiagnosticCode {
  /// `output.overlaps-input`
  public static let outputOverlapsInput = DiagnosticCode(
    "output.overlaps-input", .error, .config, "the output folder is, holds or lies inside something the build reads",
    example: "waymark.yaml",
    """
    output: content

    """,
    prints: """
      waymark.yaml:1:9: error: the output folder 'content' contains 'content/catalog', which inputs.catalog reads \
      ('content/catalog/**/*.yaml'); it is replaced on every build, so it must hold no input [output.overlaps-input]
      """)

  /// `output.symbolic-link`
  public static let outputSymbolicLink = DiagnosticCode(
    "output.symbolic-link", .error, .config, "the output folder is reached through a symbolic link",
    example: "output",
    "(a committed link: output -> /home/ci)\n",
    prints: """
      output: error: the output folder 'output' is a symbolic link; the site is never written or copied through a \
      link [output.symbolic-link]
      """)

  /// `layout.overlaps-input`
  public static let layoutOverlapsInput = DiagnosticCode(
    "layout.overlaps-input", .error, .layouts, "the trusted layouts folder shares files with the inputs",
    example: "waymark.yaml",
    """
    layouts: handbook/docs

    """,
    prints: """
      waymark.yaml:1:10: error: the layouts folder 'handbook/docs' is inside the docs folder 'handbook' of \
      component:default/handbook; layouts are trusted (their script runs on every page), so no other input may be \
      read from them [layout.overlaps-input]
      """)

  /// `config.hidden-path`
  public static let configHiddenPath = DiagnosticCode(
    "config.hidden-path", .error, .config, "a folder or glob in `waymark.yaml` names a hidden folder",
    example: "waymark.yaml",
    """
    policies: .github/policies

    """,
    prints: """
      waymark.yaml:1:11: error: 'policies' must not be a hidden folder (a name starting with '.'), not \
      '.github/policies' [config.hidden-path]
      """)

  /// `input.hidden-path`
  public static let inputHiddenPath = DiagnosticCode(
    "input.hidden-path", .error, .input, "an input is, or leads through a link to, a hidden file",
    example: "content/events/env.jsonl",
    "(a link to ../../.env)\n",
    prints: """
      content/events/env.jsonl: error: a symbolic link leads to the hidden file '.env', which is never read \
      [input.hidden-path]
      """)

  /// `catalog.hidden-path`
  public static let catalogHiddenPath = DiagnosticCode(
    "catalog.hidden-path", .error, .catalog, "a Location target or substitution names a hidden file",
    example: "content/catalog/references.yaml",
    """
    spec:
      env:
        $text: ../../.env

    """,
    prints: """
      content/catalog/references.yaml:3:8: error: spec.env $text '../../.env' names the hidden file '.env', which is \
      never read [catalog.hidden-path]
      """)

  /// `docs.hidden-path`
  public static let docsHiddenPath = DiagnosticCode(
    "docs.hidden-path", .error, .docs, "a techdocs-ref or docs folder names a hidden folder",
    example: "content/catalog/docs-refs.yaml",
    """
    metadata:
      annotations: {backstage.io/techdocs-ref: dir:../../.git}

    """,
    prints: """
      content/catalog/docs-refs.yaml:2:44: error: 'dir:../../.git' names the hidden folder '.git'; hidden files are \
      never read [docs.hidden-path]
      """)

  /// `layout.unknown-key`
  public static let layoutUnknownKey = DiagnosticCode(
    "layout.unknown-key", .warning, .layouts, "a site layout uses a key its page type does not have",
    example: "layouts/entity.html",
    """
    <h1>{{title}}</h1>

    """,
    prints: """
      layouts/entity.html:1:5: warning: 'title' is not a key of the entity page's model (EntityPage) here, so it \
      renders as nothing [layout.unknown-key]
      """)

  /// `docs.too-complex`
  public static let docsTooComplex = DiagnosticCode(
    "docs.too-complex", .error, .docs, "markdown that would take far more memory or time to render than its size",
    example: "content/docs/svc/docs/index.md",
    "(a GFM table of 700 columns and 72 rows)\n",
    prints: """
      content/docs/svc/docs/index.md:6:1: error: a table of 700 columns × 72 rows or more (50400 cells; the limit is \
      50000) would take too much memory or time to render; the page is not rendered [docs.too-complex]
      """)

  /// `secrets.in-output`
  public static let secretsInOutput = DiagnosticCode(
    "secrets.in-output", .error, .secrets, "the rendered site would hold a credential an input hid with escapes",
    example: "output/api/catalog.json",
    """
    (built from a catalog file whose description is written "ghp\\x5f…", a token hidden by a YAML escape)

    """,
    prints: """
      output/api/catalog.json:7:25: error: the published site would hold what looks like a GitHub token ('ghp_…', 40 \
      characters, rule 'github-token'), written in an input with escapes (YAML '\\x5f', JSON '\\u005f', markdown '\\_' \
      or '&#95;') or as a file name; nothing is published: remove it (and revoke it) [secrets.in-output]
      """)
}

extension DiagnosticCode {
  /// `policy.ambiguous-repository`
  public static let policyAmbiguousRepository = DiagnosticCode(
    "policy.ambiguous-repository", .warning, .guardrails,
    "results in a repository that several entities claim equally stay unmapped",
    example: "policy-results/api.sarif",
    "(results in repository acme/api, which component:default/api and component:default/api-docs both claim)\n",
    prints: """
      policy-results/api.sarif: warning: 3 result(s) are in repository 'acme/api', which component:default/api and \
      component:default/api-docs claim equally; they are unmapped (give each a source-location subfolder, or name \
      the entity with waymark.dev/entity) [policy.ambiguous-repository]
      """)
}

extension DiagnosticCode {
  /// `docs.diagram-not-rendered`
  public static let docsDiagramNotRendered = DiagnosticCode(
    "docs.diagram-not-rendered", .warning, .docs, "a diagram is shown as its source: its tool is not installed",
    example: "content/docs/svc/docs/index.md",
    """
    ```plantuml
    Alice -> Bob: hello
    ```

    """,
    prints: """
      content/docs/svc/docs/index.md:1:1: warning: the plantuml diagram is shown as its source: PlantUML (Debian's \
      plantuml) is not installed or failed [docs.diagram-not-rendered]
      """)
}
