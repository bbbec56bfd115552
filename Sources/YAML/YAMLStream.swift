/// Everything read from one YAML text: its non-empty documents and any problems.
public struct YAMLStream: Sendable {
  /// The non-empty documents, in source order; a document with a problem that leaves no usable
  /// tree (syntax error, alias bomb, nesting too deep, unknown anchor) is missing, and so is
  /// everything after a syntax error or nesting too deep.
  public var documents: [YAMLDocument]
  /// Problems found while reading, in source order.
  public var problems: [YAMLProblem]
  /// How many documents the text held, counting the empty ones that `documents` leaves out.
  public var documentCount: Int

  /// Creates a stream; `documentCount` defaults to one past the last document's index.
  public init(documents: [YAMLDocument], problems: [YAMLProblem], documentCount: Int? = nil) {
    self.documents = documents
    self.problems = problems
    self.documentCount = documentCount ?? documents.last.map { $0.index + 1 } ?? 0
  }

  /// Whether any problem is an error.
  public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}
