import StructuredData

/// One normalised policy result: which tool, which rule, what happened, where, and where it was read.
public struct GuardrailFinding: Sendable, Hashable {
  /// The tool that produced it (`checkov`, `kyverno`, `conftest`, `opa`, a SARIF driver name).
  public var tool: String
  /// The rule's id (`CKV_K8S_20`, `disallow-latest-tag/validate-image-tag`, `CAT-001`).
  public var ruleId: String
  /// The rule's human name, when the format has one.
  public var ruleName: String?
  /// pass, fail, warn, error or skip.
  public var result: GuardrailOutcome
  /// The normalised severity.
  public var severity: GuardrailSeverity
  /// What the tool said.
  public var message: String
  /// The file checked, root-relative when it could be resolved, else the URI as written.
  public var file: String?
  /// The 1-based line in `file`.
  public var line: Int?
  /// A link to the rule's documentation.
  public var helpURL: String?
  /// Whether the finding is suppressed (SARIF suppressions, checkov skip comments, exceptions).
  public var suppressed: Bool
  /// The results file and position the finding was read from.
  public var input: SourceLocation
  /// How many results this stands for: 1, or n for a format that only counts passes (conftest).
  public var count: Int
  /// An explicit entity reference carried by the result (`waymark.dev/entity`, Rego `entity`).
  public var entityRef: String?
  /// The Kubernetes objects the result is about.
  public var kubernetes: [KubernetesObject]
  /// The repository the result's file is in, when the result names it (SARIF
  /// `versionControlProvenance`, `waymark.dev/repository`) or a checkout root shows it.
  public var repository: RepositoryIdentity?
  /// The absolute folder a relative `file` is relative to, when the tool wrote it (a SARIF base
  /// such as `file:///workspace/acme/`), as a path ending in `/`; checkout roots are matched on it.
  public var fileBase: String?
  /// The mapping rule that attached the finding to its entity; nil while unmapped.
  public var mappedBy: GuardrailMappingRule?

  /// Creates a finding.
  public init(
    tool: String, ruleId: String, ruleName: String? = nil, result: GuardrailOutcome, severity: GuardrailSeverity,
    message: String, file: String? = nil, line: Int? = nil, helpURL: String? = nil, suppressed: Bool = false,
    input: SourceLocation, count: Int = 1, entityRef: String? = nil, kubernetes: [KubernetesObject] = [],
    repository: RepositoryIdentity? = nil, fileBase: String? = nil
  ) {
    self.tool = tool
    self.ruleId = ruleId
    self.ruleName = ruleName
    self.result = result
    self.severity = severity
    self.message = message
    self.file = file
    self.line = line
    self.helpURL = helpURL
    self.suppressed = suppressed
    self.input = input
    self.count = count
    self.entityRef = entityRef
    self.kubernetes = kubernetes
    self.repository = repository
    self.fileBase = fileBase
  }

  /// The finding as the JSON API writes it (a contract: keys are added, never renamed or dropped).
  public var value: JSONValue {
    [
      "tool": .string(tool), "ruleId": .string(ruleId), "ruleName": ruleName.map(JSONValue.string) ?? .null,
      "result": .string(result.rawValue), "severity": .string(severity.rawValue), "message": .string(message),
      "file": file.map(JSONValue.string) ?? .null, "line": line.map { .int(Int64($0)) } ?? .null,
      "suppressed": .bool(suppressed),
      "repository": repository.map { .string($0.description) } ?? .null,
      "mappedBy": mappedBy.map { .string($0.rawValue) } ?? .null,
      "input": ["path": .string(input.path), "line": .int(Int64(input.line))],
    ]
  }

  /// A total order for deterministic lists: input path and line, then rule, file, line, message.
  @inline(__always)  // inlined, it reads the fields in place (checking a list's order copies nothing)
  package static func precedes(_ lhs: borrowing GuardrailFinding, _ rhs: borrowing GuardrailFinding) -> Bool {
    if lhs.input != rhs.input { return lhs.input < rhs.input }
    if lhs.ruleId != rhs.ruleId { return lhs.ruleId.utf8.lexicographicallyPrecedes(rhs.ruleId.utf8) }
    if lhs.file != rhs.file { return (lhs.file ?? "").utf8.lexicographicallyPrecedes((rhs.file ?? "").utf8) }
    if lhs.line != rhs.line { return (lhs.line ?? 0) < (rhs.line ?? 0) }
    if lhs.result != rhs.result { return lhs.result.rawValue < rhs.result.rawValue }
    return lhs.message.utf8.lexicographicallyPrecedes(rhs.message.utf8)
  }
}
