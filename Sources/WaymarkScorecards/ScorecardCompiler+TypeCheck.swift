import CEL
import WaymarkModel

extension ScorecardCompiler {
  /// Type-checks one compiled expression against `declarations`: a selection on a scalar, a
  /// comparison that can never hold or a check that is not a bool is an error (it can never
  /// evaluate as meant); a field no applicable entity has, in the catalog or in its kind's schema,
  /// is a warning (Backstage allows extra fields, but most such reads are typos).
  package func typeCheck(
    _ expression: PolicyExpression, _ what: String, declarations: [String: CELDeclaredType],
    into diagnostics: inout [Diagnostic]
  ) {
    let checker = CELChecker(declarations: declarations, options: options)
    for problem in checker.problems(in: expression.source) {
      let location = expression.location(line: problem.line, column: problem.column)
      let notes = [DiagnosticNote(Self.caret(under: expression.source, line: problem.line, column: problem.column))]
      switch problem.kind {
      case .unknownField(let path, let field, let known):
        let suggestion = NameSuggester.closest(to: field, among: known).map { "; did you mean '\($0)'?" } ?? ""
        diagnostics.append(
          .warning(
            .policyUnknownField,
            "\(what): no entity it applies to has '\(path.isEmpty ? field : "\(path).\(field)")'\(suggestion)",
            at: location, notes: notes))
      case .selectOnScalar(let path, let type):
        diagnostics.append(
          .error(.policyTypeError, "\(what): '\(path)' selects a field of a \(type)", at: location, notes: notes))
      case .mismatchedComparison(let op, let left, let right):
        diagnostics.append(
          .error(
            .policyTypeError, "\(what): '\(op)' compares \(left) with \(right); it can never hold", at: location,
            notes: notes))
      case .notBool(let type):
        diagnostics.append(
          .error(.policyTypeError, "\(what): gives \(type), not a bool", at: location, notes: notes))
      }
    }
  }
}
