extension DiagnosticCode {
  /// The TechDocs codes: references, `mkdocs.yml`, pages, links and assets.
  static let docsCodes: [DiagnosticCode] = [
    .docsBadRef, .docsRemoteRef, .docsPathOutsideRoot, .docsNotFound, .docsBadConfig, .docsBrokenLink,
    .docsUnsafeLink, .docsUnsafeAsset, .docsBadFrontMatter, .docsDuplicatePage, .docsBadEncoding, .docsHiddenPath,
    .docsTooComplex,
    .docsDiagramNotRendered, .docsSnippetMissing, .docsSnippetOutsideSite, .docsSnippetLoop,
    .docsSnippetBadEncoding,
  ]

  /// `docs.bad-ref`
  public static let docsBadRef = DiagnosticCode(
    "docs.bad-ref", .error, .docs,
    "a `backstage.io/techdocs-ref` that is not a string starting with `dir:` or `url:`",
    example: "catalog/app.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: app
      annotations:
        backstage.io/techdocs-ref: git:somewhere
    spec:
      type: service
      lifecycle: production
      owner: team-a

    """,
    prints: """
      catalog/app.yaml:6:32: error: 'backstage.io/techdocs-ref' must start with 'dir:' or 'url:', not 'git:somewhere' \
      [docs.bad-ref]
      """)

  /// `docs.remote-ref`
  public static let docsRemoteRef = DiagnosticCode(
    "docs.remote-ref", .warning, .docs,
    "a `techdocs-ref` naming a remote docs site (`url:…`, or `dir:` beside a fetched file) that `waymark fetch` has "
      + "not fetched yet, or cannot (not https)",
    example: "catalog/app.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: app
      annotations:
        backstage.io/techdocs-ref: url:https://github.com/acme/app
    spec:
      type: service
      lifecycle: production
      owner: team-a

    """,
    prints: """
      catalog/app.yaml:6:32: warning: 'backstage.io/techdocs-ref' names 'https://github.com/acme/app', which is not \
      in waymark.lock or its cache; run 'waymark fetch' to fetch it [docs.remote-ref]
      """)

  /// `docs.path-outside-root`
  public static let docsPathOutsideRoot = DiagnosticCode(
    "docs.path-outside-root", .error, .docs, "`dir:` leaves the site root, by name or through a symbolic link",
    example: "catalog/app.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: app
      annotations:
        backstage.io/techdocs-ref: dir:/etc
    spec:
      type: service
      lifecycle: production
      owner: team-a

    """,
    prints: """
      catalog/app.yaml:6:32: error: 'dir:/etc' leaves the site root; docs must live inside it [docs.path-outside-root]
      """)

  /// `docs.not-found`
  public static let docsNotFound = DiagnosticCode(
    "docs.not-found", .error, .docs, "the folder has no markdown in its docs folder and no README",
    example: "catalog/app.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: app
      annotations:
        backstage.io/techdocs-ref: dir:./nothing-here
    spec:
      type: service
      lifecycle: production
      owner: team-a

    """,
    prints: """
      catalog/app.yaml:6:32: error: 'backstage.io/techdocs-ref' names 'catalog/nothing-here', which has no markdown \
      in 'catalog/nothing-here/docs/' and no README.md [docs.not-found]
      """)

  /// `docs.bad-config`
  public static let docsBadConfig = DiagnosticCode(
    "docs.bad-config", .error, .docs,
    """
    `mkdocs.yml` is not a mapping, has a key of the wrong type, a `docs_dir` outside the folder or a malformed \
    `nav` entry
    """,
    example: "catalog/mkdocs.yml",
    """
    site_name: App
    docs_dir: ../../etc

    """,
    prints: """
      catalog/mkdocs.yml:2:11: error: 'docs_dir' must be a folder inside the docs site, not '../../etc' \
      [docs.bad-config]
      """)

  /// `docs.broken-link`
  public static let docsBrokenLink = DiagnosticCode(
    "docs.broken-link", .warning, .docs,
    "a link or `nav:` entry leads to no page, file or anchor, or leaves the docs folder",
    when: "error with `docs.brokenLinksAreErrors`",
    example: "catalog/docs/index.md",
    """
    # App

    See [setup](setup.md).

    """,
    prints: """
      catalog/docs/index.md:3:5: warning: link to 'setup.md' names no page or file in 'catalog/docs' \
      [docs.broken-link]
      """)

  /// `docs.unsafe-link`
  public static let docsUnsafeLink = DiagnosticCode(
    "docs.unsafe-link", .warning, .docs, "a `javascript:`/`vbscript:`/`data:` link was removed",
    example: "catalog/docs/index.md",
    """
    # App

    [Run it](javascript:alert(1))

    """,
    prints: """
      catalog/docs/index.md:3:1: warning: link to 'javascript:alert(1)' is removed: docs may not run scripts or embed \
      data [docs.unsafe-link]
      """)

  /// `docs.unsafe-asset`
  public static let docsUnsafeAsset = DiagnosticCode(
    "docs.unsafe-asset", .warning, .docs,
    "an HTML, SVG or XML file under the docs folder that could run script; it is not published",
    example: "catalog/docs/logo.svg",
    """
    <svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>

    """,
    prints: """
      catalog/docs/logo.svg:1:41: warning: a 'script' element could run script on the portal's origin; 'logo.svg' is \
      not published [docs.unsafe-asset]
      """)

  /// `docs.bad-front-matter`
  public static let docsBadFrontMatter = DiagnosticCode(
    "docs.bad-front-matter", .warning, .docs,
    "front matter that is not a mapping, or `title`/`description`/`tags` of the wrong type",
    example: "catalog/docs/index.md",
    """
    ---
    title: [Home]
    ---
    # App

    """,
    prints: "catalog/docs/index.md:2:8: warning: 'title' must be a string [docs.bad-front-matter]")

  /// `docs.duplicate-page`
  public static let docsDuplicatePage = DiagnosticCode(
    "docs.duplicate-page", .warning, .docs,
    "two files would be written to the same place (`README.md` beside `index.md`); the second is skipped",
    example: "catalog/docs/README.md",
    """
    # App, again

    """,
    prints: """
      catalog/docs/README.md: warning: 'README.md' and 'index.md' would both be the page '/'; 'README.md' is skipped \
      [docs.duplicate-page]
      """)

  /// `docs.bad-encoding`
  public static let docsBadEncoding = DiagnosticCode(
    "docs.bad-encoding", .warning, .docs, "a page holds NUL bytes or invalid UTF-8, shown as U+FFFD",
    example: "app/docs/index.md", "# App\n\nA NUL byte here: \\0\n",
    prints: "app/docs/index.md:3:18: warning: the page holds 1 NUL byte (U+0000), shown as U+FFFD [docs.bad-encoding]")

  /// `docs.snippet-missing`
  public static let docsSnippetMissing = DiagnosticCode(
    "docs.snippet-missing", .warning, .docs,
    "a `--8<--` snippet names no file (or section) of the docs site; the line is left out, as mkdocs does",
    when: "error with `check_paths: true` under `pymdownx.snippets` in `mkdocs.yml`",
    example: "app/docs/index.md",
    """
    # App

    --8<-- "docs/shared/intro.md"

    """,
    prints: """
      app/docs/index.md:3:1: warning: the snippet 'docs/shared/intro.md' is not included: there is no file \
      'app/docs/shared/intro.md' in the docs site [docs.snippet-missing]
      """)

  /// `docs.snippet-outside-site`
  public static let docsSnippetOutsideSite = DiagnosticCode(
    "docs.snippet-outside-site", .warning, .docs,
    "a `--8<--` snippet names a file outside the docs site (by name, link or absolute path) or a hidden file",
    when: "error with `check_paths: true` under `pymdownx.snippets` in `mkdocs.yml`",
    example: "app/docs/index.md",
    """
    # App

    --8<-- "../../secrets.env"

    """,
    prints: """
      app/docs/index.md:3:1: warning: the snippet '../../secrets.env' is not included: it leads outside the docs \
      site folder 'app' [docs.snippet-outside-site]
      """)

  /// `docs.snippet-loop`
  public static let docsSnippetLoop = DiagnosticCode(
    "docs.snippet-loop", .warning, .docs,
    "a snippet includes itself, snippets nest more than 16 files deep, or a page grows past 8 MiB with them",
    example: "app/docs/loop.md",
    """
    Before
    --8<-- "docs/loop.md"
    After

    """,
    prints: """
      app/docs/loop.md:2:1: warning: the snippet 'app/docs/loop.md' includes itself ('app/docs/loop.md' → \
      'app/docs/loop.md'); it is not included again [docs.snippet-loop]
      """)

  /// `docs.snippet-bad-encoding`
  public static let docsSnippetBadEncoding = DiagnosticCode(
    "docs.snippet-bad-encoding", .warning, .docs,
    "a file a `--8<--` snippet includes holds NUL bytes or invalid UTF-8, shown as U+FFFD where it is included",
    example: "app/docs/shared/intro.md", "Shared intro, with a NUL byte: \\0\n",
    prints: """
      app/docs/shared/intro.md:1:32: warning: the snippet holds 1 NUL byte (U+0000), shown as U+FFFD where it is \
      included [docs.snippet-bad-encoding]
      """)
}
