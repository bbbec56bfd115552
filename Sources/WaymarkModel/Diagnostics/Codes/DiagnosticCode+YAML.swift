extension DiagnosticCode {
  /// The YAML reader's codes, mapped from `YAMLProblem.Code` (`Diagnostic+YAML.swift`).
  static let yamlCodes: [DiagnosticCode] = [
    .yamlSyntax, .yamlDuplicateKey, .yamlComplexKey, .yamlMerge, .yamlUnknownAnchor, .yamlBadTaggedValue,
    .yamlUnknownTag, .yamlDirective, .yamlTooDeep, .yamlAliasLimit, .yamlMemory,
  ]

  /// `yaml.syntax`
  public static let yamlSyntax = DiagnosticCode(
    "yaml.syntax", .error, .yaml,
    "not valid YAML (libyaml's scanner or parser, a NUL byte, a comment without space before `#`, a lone `-`)",
    example: "catalog/app.yaml", "metadata:\n  name: app # ok\n  tags: [a, b]#web\n",
    prints: "catalog/app.yaml:3:15: error: a comment needs whitespace before its '#' [yaml.syntax]")

  /// `yaml.duplicate-key`
  public static let yamlDuplicateKey = DiagnosticCode(
    "yaml.duplicate-key", .error, .yaml, "a key repeated in one mapping",
    example: "waymark.yaml", "site:\n  title: Acme\nsite:\n  title: Acme portal\n",
    prints: "waymark.yaml:3:1: error: duplicate key 'site' at 3:1; it first appears at 1:1 [yaml.duplicate-key]")

  /// `yaml.complex-key`
  public static let yamlComplexKey = DiagnosticCode(
    "yaml.complex-key", .error, .yaml, "a mapping key that is not a scalar",
    example: "catalog/app.yaml", "? [a, b]\n: value\n",
    prints: "catalog/app.yaml:1:3: error: a mapping key must be a scalar, not a sequence [yaml.complex-key]")

  /// `yaml.merge`
  public static let yamlMerge = DiagnosticCode(
    "yaml.merge", .error, .yaml, "a merge key `<<` whose value is not a mapping or a list of mappings",
    example: "catalog/app.yaml", "metadata:\n  <<: base\n  name: app\n",
    prints: """
      catalog/app.yaml:2:7: error: a merge key '<<' takes a mapping or a sequence of mappings, not a scalar \
      [yaml.merge]
      """)

  /// `yaml.unknown-anchor`
  public static let yamlUnknownAnchor = DiagnosticCode(
    "yaml.unknown-anchor", .error, .yaml, "an alias naming no anchor defined before it in the document",
    example: "catalog/app.yaml", "spec:\n  owner: *team\n",
    prints: """
      catalog/app.yaml:2:10: error: alias '*team' refers to no anchor '&team' defined before it in this document \
      [yaml.unknown-anchor]
      """)

  /// `yaml.bad-tagged-value`
  public static let yamlBadTaggedValue = DiagnosticCode(
    "yaml.bad-tagged-value", .error, .yaml, "a value its tag does not allow (`!!int abc`)",
    example: "catalog/app.yaml", "spec:\n  replicas: !!int abc\n",
    prints: "catalog/app.yaml:2:13: error: 'abc' is not a valid !!int [yaml.bad-tagged-value]")

  /// `yaml.unknown-tag`
  public static let yamlUnknownTag = DiagnosticCode(
    "yaml.unknown-tag", .warning, .yaml, "a tag outside the core schema; the value is read untagged",
    example: "catalog/app.yaml", "spec:\n  owner: !team platform\n",
    prints: "catalog/app.yaml:2:10: warning: unknown tag '!team'; read as a string [yaml.unknown-tag]")

  /// `yaml.directive`
  public static let yamlDirective = DiagnosticCode(
    "yaml.directive", .warning, .yaml, "an unknown `%` directive, ignored",
    example: "catalog/app.yaml", "%FOO bar\n---\nkind: Component\n",
    prints: "catalog/app.yaml:1:1: warning: unknown directive '%FOO' is ignored [yaml.directive]")

  /// `yaml.too-deep`
  public static let yamlTooDeep = DiagnosticCode(
    "yaml.too-deep", .error, .yaml, "nesting deeper than 512 levels, also through aliases",
    example: "catalog/deep.yaml", "spec: [[[[[[ … 513 levels … ]]]]]]\n",
    prints: "catalog/deep.yaml:1:519: error: nesting is deeper than 512 levels [yaml.too-deep]")

  /// `yaml.alias-limit`
  public static let yamlAliasLimit = DiagnosticCode(
    "yaml.alias-limit", .error, .yaml, "a document expanding to more than 1,000,000 nodes through aliases",
    example: "catalog/bomb.yaml",
    """
    a: &a [x, x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
    …

    """,
    prints: """
      catalog/bomb.yaml:8:5: error: the document expands to more than 1000000 nodes through aliases [yaml.alias-limit]
      """)

  /// `yaml.memory`
  public static let yamlMemory = DiagnosticCode(
    "yaml.memory", .error, .yaml, "libyaml could not allocate memory",
    example: "catalog/app.yaml", "(any YAML file, when the system runs out of memory)\n",
    prints: "catalog/app.yaml:1:1: error: libyaml ran out of memory [yaml.memory]")
}
