import StructuredData

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

  /// The problem as `path:line:col: severity: message [code]`, the form editors and CI logs link.
  public func formatted(path: String) -> String {
    "\(path):\(description)"
  }
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
