import YAML

extension Diagnostic {
  /// A YAML loader problem, located in `path`.
  public init(yaml problem: YAMLProblem, path: String) {
    self.init(
      problem.severity == .error ? .error : .warning, code: DiagnosticCode(yaml: problem.code),
      message: problem.message, location: SourceLocation(path: path, position: problem.position),
      notes: problem.notes.map { DiagnosticNote($0.message, at: SourceLocation(path: path, position: $0.position)) })
  }
}

extension DiagnosticCode {
  /// The registered code for a YAML engine problem: the engine knows nothing of the portal's registry.
  public init(yaml code: YAMLProblem.Code) {
    switch code {
    case .syntax: self = .yamlSyntax
    case .duplicateKey: self = .yamlDuplicateKey
    case .complexKey: self = .yamlComplexKey
    case .merge: self = .yamlMerge
    case .unknownAnchor: self = .yamlUnknownAnchor
    case .badTaggedValue: self = .yamlBadTaggedValue
    case .unknownTag: self = .yamlUnknownTag
    case .directive: self = .yamlDirective
    case .tooDeep: self = .yamlTooDeep
    case .aliasLimit: self = .yamlAliasLimit
    case .memory: self = .yamlMemory
    }
  }
}
