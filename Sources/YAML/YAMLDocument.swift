import StructuredData

/// One document of a YAML stream.
public struct YAMLDocument: Sendable, Hashable {
  /// The document's root node.
  public var root: YAMLNode
  /// The 0-based index of the document in its stream, counting empty documents too.
  public var index: Int

  /// Creates a document.
  public init(root: YAMLNode, index: Int) {
    self.root = root
    self.index = index
  }
}

/// Everything read from one YAML text: its non-empty documents and any problems.
public struct YAMLStream: Sendable {
  /// The non-empty documents, in source order; those after a syntax error are missing.
  public var documents: [YAMLDocument]
  /// Problems found while reading, in source order.
  public var problems: [YAMLProblem]

  /// Creates a stream.
  public init(documents: [YAMLDocument], problems: [YAMLProblem]) {
    self.documents = documents
    self.problems = problems
  }

  /// Whether any problem is an error.
  public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

/// A problem in YAML text, located at a position.
public struct YAMLProblem: Sendable, Hashable, Error, CustomStringConvertible {
  /// How serious a problem is.
  public enum Severity: String, Sendable, Hashable { case error, warning }

  /// How serious the problem is.
  public var severity: Severity
  /// A stable code, e.g. `yaml.syntax`, `yaml.duplicate-key`, `yaml.alias-limit`.
  public var code: String
  /// What is wrong, in words.
  public var message: String
  /// Where the problem is.
  public var position: SourcePosition
  /// Other positions that explain it, e.g. the first occurrence of a duplicate key.
  public var notes: [YAMLNote]

  /// Creates a problem.
  public init(
    severity: Severity = .error, code: String, message: String, position: SourcePosition, notes: [YAMLNote] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.position = position
    self.notes = notes
  }

  public var description: String { "\(position): \(severity.rawValue): \(message) [\(code)]" }
}

/// A remark attached to a problem, pointing at a related position.
public struct YAMLNote: Sendable, Hashable {
  /// The remark.
  public var message: String
  /// Where it points.
  public var position: SourcePosition

  /// Creates a note.
  public init(message: String, position: SourcePosition) {
    self.message = message
    self.position = position
  }
}
