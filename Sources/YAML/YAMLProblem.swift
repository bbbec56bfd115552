import StructuredData

/// A problem in YAML text, located at a position.
public struct YAMLProblem: Sendable, Hashable, Error, CustomStringConvertible {
  /// How serious a problem is.
  public enum Severity: String, Sendable, Hashable { case error, warning }

  /// What kind of problem it is; the raw value is the stable code printed with it.
  public enum Code: String, Sendable, Hashable, CaseIterable {
    /// Not valid YAML: libyaml's scanner or parser, a NUL byte, a comment without space before `#`.
    case syntax = "yaml.syntax"
    /// A key repeated in one mapping.
    case duplicateKey = "yaml.duplicate-key"
    /// A mapping key that is not a scalar.
    case complexKey = "yaml.complex-key"
    /// A merge key `<<` whose value is not a mapping or a list of mappings.
    case merge = "yaml.merge"
    /// An alias naming no anchor defined before it.
    case unknownAnchor = "yaml.unknown-anchor"
    /// A value its tag does not allow.
    case badTaggedValue = "yaml.bad-tagged-value"
    /// A tag outside the core schema.
    case unknownTag = "yaml.unknown-tag"
    /// An unknown `%` directive.
    case directive = "yaml.directive"
    /// Nesting deeper than the limit.
    case tooDeep = "yaml.too-deep"
    /// A document expanding to too many nodes through aliases.
    case aliasLimit = "yaml.alias-limit"
    /// libyaml could not allocate memory.
    case memory = "yaml.memory"
  }

  /// How serious the problem is.
  public var severity: Severity
  /// What kind of problem it is, e.g. `.syntax` (`yaml.syntax`), `.duplicateKey`, `.aliasLimit`.
  public var code: Code
  /// What is wrong, in words.
  public var message: String
  /// Where the problem is.
  public var position: SourcePosition
  /// Other positions that explain it, e.g. the first occurrence of a duplicate key.
  public var notes: [YAMLNote]

  /// Creates a problem.
  public init(
    severity: Severity = .error, code: Code, message: String, position: SourcePosition, notes: [YAMLNote] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.position = position
    self.notes = notes
  }

  public var description: String { "\(position): \(severity.rawValue): \(message) [\(code.rawValue)]" }

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
