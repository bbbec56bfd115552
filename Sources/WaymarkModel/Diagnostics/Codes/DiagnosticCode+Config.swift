extension DiagnosticCode {
  /// The site configuration's codes (`waymark.yaml`).
  static let configCodes: [DiagnosticCode] = [
    .configUnknownKey, .configWrongType, .configBadValue, .configBadTimestamp, .configPathOutsideRoot,
    .configMultipleDocuments, .configHiddenPath, .outputOverlapsInput, .outputSymbolicLink, .buildNoClock,
  ]

  /// `build.no-clock`
  public static let buildNoClock = DiagnosticCode(
    "build.no-clock", .warning, .config,
    "the build has no \"now\": no `--as-of`, no `asOf`, no git commit and no event timestamps",
    example: "waymark.yaml", "site:\n  title: Acme portal\n",
    prints: """
      waymark.yaml: warning: the build's "now" is 1970-01-01: no --as-of, no asOf, no git commit and no event \
      timestamps; set asOf or build in a git work tree [build.no-clock]
      """)

  /// `config.unknown-key`
  public static let configUnknownKey = DiagnosticCode(
    "config.unknown-key", .error, .config, "a key `waymark.yaml` does not have, with a \"did you mean\"",
    example: "waymark.yaml", "site:\n  titel: Acme portal\n",
    prints: "waymark.yaml:2:3: error: unknown key 'site.titel'; did you mean 'title'? [config.unknown-key]")

  /// `config.wrong-type`
  public static let configWrongType = DiagnosticCode(
    "config.wrong-type", .error, .config, "a value of the wrong type (a string where a list is expected, …)",
    example: "waymark.yaml", "site: [Acme]\n",
    prints: "waymark.yaml:1:7: error: 'site' must be a mapping, found a list [config.wrong-type]")

  /// `config.bad-value`
  public static let configBadValue = DiagnosticCode(
    "config.bad-value", .error, .config,
    "a value out of range: `metrics.windowDays` not 1–3660, an unknown `metrics.bands`",
    example: "waymark.yaml", "metrics:\n  windowDays: soon\n",
    prints: """
      waymark.yaml:2:15: error: metrics.windowDays must be a whole number of days from 1 to 3660, not 'soon' \
      [config.bad-value]
      """)

  /// `config.bad-timestamp`
  public static let configBadTimestamp = DiagnosticCode(
    "config.bad-timestamp", .error, .config, "`asOf` (or `--as-of`) is not an ISO 8601 timestamp in years 1–9999",
    example: "waymark.yaml", "asOf: yesterday\n",
    prints: """
      waymark.yaml:1:7: error: asOf 'yesterday' is not an ISO 8601 timestamp (e.g. 2026-11-01T00:00:00Z) \
      [config.bad-timestamp]
      """)

  /// `config.path-outside-root`
  public static let configPathOutsideRoot = DiagnosticCode(
    "config.path-outside-root", .error, .config, "a folder setting that leaves the site root",
    example: "waymark.yaml", "layouts: /etc\n",
    prints: """
      waymark.yaml:1:10: error: 'layouts' must be a folder inside the site root, not '/etc' [config.path-outside-root]
      """)

  /// `config.multiple-documents`
  public static let configMultipleDocuments = DiagnosticCode(
    "config.multiple-documents", .error, .config, "`waymark.yaml` holds more than one YAML document",
    example: "waymark.yaml", "site:\n  title: Acme\n---\nasOf: 2026-11-01T00:00:00Z\n",
    prints: "waymark.yaml:4:1: error: waymark.yaml must hold one document [config.multiple-documents]")
}
