import YAML

extension Diagnostic {
  /// A YAML loader problem, located in `path`.
  public init(yaml problem: YAMLProblem, path: String) {
    self.init(
      problem.severity == .error ? .error : .warning, code: problem.code, message: problem.message,
      location: SourceLocation(path: path, position: problem.position),
      notes: problem.notes.map { DiagnosticNote($0.message, at: SourceLocation(path: path, position: $0.position)) })
  }
}
