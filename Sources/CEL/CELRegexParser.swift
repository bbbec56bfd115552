/// Reads a pattern in RE2 syntax into a `CELRegexNode` tree.
///
/// Iterative, with an explicit stack of open groups, so a deeply nested pattern costs heap, not
/// call stack. Constructs outside RE2 (backreferences, lookaround, atomic groups, possessive
/// quantifiers) are errors, as RE2 makes them, rather than being given a backtracking meaning.
struct CELRegexParser {
  /// The deepest nesting of groups accepted.
  static let maximumNesting = 200
  /// The largest count in `{n,m}` (RE2's limit).
  static let maximumRepeat = 1000

  /// The flags in force: `i`, `m` and `s` (`U` is accepted; laziness cannot change whether a text matches).
  struct Flags: Equatable {
    var caseInsensitive = false
    var multiLine = false
    var dotMatchesNewline = false
  }

  /// A group whose `)` has not been read yet (the outermost frame is the whole pattern).
  private struct Frame {
    var alternatives: [CELRegexNode] = []
    var items: [CELRegexNode] = []
    /// The flags outside the group, restored at its `)`.
    var outerFlags: Flags
    /// Whether the last item was made by a repetition operator (a second one is an error).
    var lastIsRepetition = false
  }

  let pattern: String
  let scalars: [Unicode.Scalar]
  var index = 0
  var flags = Flags()
  private var frames: [Frame]
  private var groupNames: Set<String> = []

  init(_ pattern: String) {
    self.pattern = pattern
    self.scalars = Array(pattern.unicodeScalars)
    self.frames = [Frame(outerFlags: Flags())]
  }

  /// The tree of the whole pattern.
  mutating func parse() throws(CELEvaluationError) -> CELRegexNode {
    while index < scalars.count {
      let scalar = scalars[index]
      switch scalar {
      case "(": try openGroup()
      case ")": try closeGroup()
      case "|":
        index += 1
        let top = frames.count - 1
        frames[top].alternatives.append(Self.concatenation(frames[top].items))
        frames[top].items = []
        frames[top].lastIsRepetition = false
      case "*": try repeatLast(minimum: 0, maximum: nil, length: 1)
      case "+": try repeatLast(minimum: 1, maximum: nil, length: 1)
      case "?": try repeatLast(minimum: 0, maximum: 1, length: 1)
      case "{":
        if let (minimum, maximum, length) = try countedRepetition() {
          try repeatLast(minimum: minimum, maximum: maximum, length: length)
        } else {
          index += 1
          append(.scalar(scalar, foldsCase: flags.caseInsensitive))
        }
      case "^":
        index += 1
        append(.assertion(flags.multiLine ? .beginLine : .beginText))
      case "$":
        index += 1
        append(.assertion(flags.multiLine ? .endLine : .endText))
      case ".":
        index += 1
        append(.any(matchesNewline: flags.dotMatchesNewline))
      case "[":
        append(.set(try characterClass()))
      case "\\":
        try appendEscape()
      default:
        index += 1
        append(.scalar(scalar, foldsCase: flags.caseInsensitive))
      }
    }
    guard frames.count == 1, let whole = frames.last else { throw failure("missing closing )") }
    return Self.alternation(whole.alternatives + [Self.concatenation(whole.items)])
  }

  /// The error for this pattern with `reason`.
  func failure(_ reason: String) -> CELEvaluationError {
    CELEvaluationError("invalid regular expression '\(pattern)': \(reason)")
  }

  /// The error for a construct RE2 does not have.
  func refusal(_ construct: String) -> CELEvaluationError {
    failure("\(construct) is not supported by RE2")
  }

  private mutating func append(_ node: CELRegexNode) {
    frames[frames.count - 1].items.append(node)
    frames[frames.count - 1].lastIsRepetition = false
  }

  private mutating func appendEscape() throws(CELEvaluationError) {
    switch try escape(inClass: false) {
    case .scalar(let scalar): append(.scalar(scalar, foldsCase: flags.caseInsensitive))
    case .set(var set):
      set.foldsCase = flags.caseInsensitive
      set.finish()
      append(.set(set))
    case .assertion(let assertion): append(.assertion(assertion))
    case .quoted(let text):
      for scalar in text { append(.scalar(scalar, foldsCase: flags.caseInsensitive)) }
    }
  }

  // MARK: - Repetition

  /// Applies the operator of `length` scalars at `index` (and a lazy `?` after it) to the last item.
  private mutating func repeatLast(minimum: Int, maximum: Int?, length: Int) throws(CELEvaluationError) {
    let top = frames.count - 1
    let text = String(String.UnicodeScalarView(scalars[index..<index + length]))
    guard let last = frames[top].items.last else { throw failure("missing argument to repetition operator '\(text)'") }
    if frames[top].lastIsRepetition { throw failure("invalid nested repetition operator '\(text)'") }
    index += length
    if index < scalars.count, scalars[index] == "?" {
      index += 1
    } else if index < scalars.count, scalars[index] == "+" {
      throw refusal("a possessive quantifier")
    }
    frames[top].items[frames[top].items.count - 1] = .repetition(last, minimum: minimum, maximum: maximum)
    frames[top].lastIsRepetition = true
  }

  /// `{n}`, `{n,}` or `{n,m}` at `index`: the bounds and the length written; nil when the brace
  /// does not start one (RE2 then reads it as a literal `{`).
  private func countedRepetition() throws(CELEvaluationError) -> (Int, Int?, Int)? {
    var cursor = index + 1
    func number() -> Int? {
      var value: Int?
      while cursor < scalars.count, (0x30...0x39).contains(scalars[cursor].value) {
        value = min((value ?? 0) * 10 + Int(scalars[cursor].value - 0x30), 100_000)
        cursor += 1
      }
      return value
    }
    guard let minimum = number(), cursor < scalars.count else { return nil }
    var maximum: Int? = minimum
    if scalars[cursor] == "," {
      cursor += 1
      maximum = number()
    }
    guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
    let length = cursor + 1 - index
    if minimum > Self.maximumRepeat || (maximum ?? 0) > Self.maximumRepeat || maximum.map({ $0 < minimum }) == true {
      throw failure("invalid repeat count '\(String(String.UnicodeScalarView(scalars[index..<cursor + 1])))'")
    }
    return (minimum, maximum, length)
  }

  // MARK: - Groups

  private mutating func openGroup() throws(CELEvaluationError) {
    guard frames.count <= Self.maximumNesting else {
      throw failure("groups are nested more than \(Self.maximumNesting) deep")
    }
    index += 1
    guard index < scalars.count, scalars[index] == "?" else {
      frames.append(Frame(outerFlags: flags))
      return
    }
    index += 1
    let marker = index < scalars.count ? scalars[index] : " "
    let following = index + 1 < scalars.count ? scalars[index + 1] : " "
    switch marker {
    case "=", "!", ">": throw refusal("lookahead or an atomic group")
    case "<" where following == "=" || following == "!": throw refusal("lookbehind")
    case "P" where following == "=": throw refusal("a backreference")
    case "P" where following == "<":
      index += 2
      try namedGroup()
    case "<":
      index += 1
      try namedGroup()
    case ":":
      index += 1
      frames.append(Frame(outerFlags: flags))
    default:
      try flagGroup()
    }
  }

  /// The name of `(?P<name>…)` or `(?<name>…)`, from just after `<`.
  private mutating func namedGroup() throws(CELEvaluationError) {
    let start = index
    while index < scalars.count, scalars[index] != ">" { index += 1 }
    let name = String(String.UnicodeScalarView(scalars[start..<index]))
    let isWord = { (scalar: Unicode.Scalar) in
      scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }
    guard index < scalars.count, !name.isEmpty, name.unicodeScalars.allSatisfy(isWord) else {
      throw failure("invalid named capture '\(name)'")
    }
    guard groupNames.insert(name).inserted else { throw failure("duplicate capture group name '\(name)'") }
    index += 1
    frames.append(Frame(outerFlags: flags))
  }

  /// `(?flags)` (for the rest of the group) or `(?flags:…)`, from just after `?`.
  private mutating func flagGroup() throws(CELEvaluationError) {
    let start = index - 2
    var updated = flags
    var negated = false
    var sawFlag = false
    func unsupported() -> CELEvaluationError {
      failure("invalid or unsupported Perl syntax '\(String(String.UnicodeScalarView(scalars[start..<index])))'")
    }
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      switch scalar {
      case "i": updated.caseInsensitive = !negated
      case "m": updated.multiLine = !negated
      case "s": updated.dotMatchesNewline = !negated
      case "U": break
      case "-":
        guard !negated else { throw unsupported() }
        negated = true
        sawFlag = false
        continue
      case ")", ":":
        guard sawFlag else { throw unsupported() }
        if scalar == ":" {
          frames.append(Frame(outerFlags: flags))
        }
        flags = updated
        return
      default:
        throw unsupported()
      }
      sawFlag = true
    }
    throw failure("missing closing )")
  }

  private mutating func closeGroup() throws(CELEvaluationError) {
    guard frames.count > 1, let frame = frames.popLast() else { throw failure("unexpected )") }
    index += 1
    flags = frame.outerFlags
    append(Self.alternation(frame.alternatives + [Self.concatenation(frame.items)]))
  }

  private static func concatenation(_ items: [CELRegexNode]) -> CELRegexNode {
    items.count == 1 ? items[0] : items.isEmpty ? .empty : .concatenation(items)
  }

  private static func alternation(_ alternatives: [CELRegexNode]) -> CELRegexNode {
    alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
  }
}
