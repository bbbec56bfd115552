/// Parses CEL source into a `CELExpression`, following the grammar and precedence of langdef § Syntax.
///
/// Left-associative chains are parsed with loops; every level of nesting and every chained
/// operator counts toward `maxNestingDepth`, so hostile input yields an error, not a stack overflow.
struct CELParser {
  private let tokens: [CELToken]
  private let source: String
  private let options: CELOptions
  private var position = 0
  private var depth = 0

  /// Words that may not name variables or global functions, though they may follow a dot.
  static let reservedWords: Set<String> = [
    "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
    "package", "namespace", "return", "var", "void", "while",
  ]

  init(source: String, options: CELOptions) throws(CELError) {
    var lexer = CELLexer(source)
    self.tokens = try lexer.tokenize()
    self.source = source
    self.options = options
  }

  /// Parses the whole source as one expression.
  mutating func parse() throws(CELError) -> CELExpression {
    let expression = try parseExpression()
    guard case .end = current.kind else { throw unexpected("after the end of the expression") }
    return expression
  }

  // MARK: - Token access

  private var current: CELToken { tokens[position] }

  private func peek(_ distance: Int = 1) -> CELToken {
    tokens[min(position + distance, tokens.count - 1)]
  }

  private func isSymbol(_ symbol: CELToken.Symbol) -> Bool {
    current.kind == .symbol(symbol)
  }

  private mutating func consume(_ symbol: CELToken.Symbol) -> Bool {
    guard isSymbol(symbol) else { return false }
    position += 1
    return true
  }

  private mutating func expect(_ symbol: CELToken.Symbol, _ context: String) throws(CELError) {
    guard consume(symbol) else { throw unexpected("expected '\(symbol.rawValue)' \(context)") }
  }

  func error(_ message: String, at offset: Int) -> CELError {
    CELError(message, offset: offset, in: source)
  }

  private func unexpected(_ detail: String) -> CELError {
    error("unexpected \(current.quoted); \(detail)", at: current.offset)
  }

  /// Enters one level of nesting, just after consuming the token that opens it (a bracket, an
  /// operator, a dot); fails beyond the configured limit, pointing at that token.
  private mutating func descend() throws(CELError) {
    depth += 1
    if depth > options.maxNestingDepth {
      let opener = tokens[max(position - 1, 0)]
      throw error("expression nests too deeply (limit \(options.maxNestingDepth))", at: opener.offset)
    }
  }

  // MARK: - Operators, loosest first

  private mutating func parseExpression() throws(CELError) -> CELExpression {
    let condition = try parseBinary(.or)
    guard consume(.question) else { return condition }
    try descend()
    defer { depth -= 1 }
    let whenTrue = try parseBinary(.or)
    try expect(.colon, "in a conditional expression")
    let whenFalse = try parseExpression()
    return .conditional(condition, whenTrue, whenFalse)
  }

  /// The left-associative binary levels, loosest first.
  private enum Level {
    case or, and, relation, addition, multiplication

    /// The next tighter level, or nil when operands are unary expressions.
    var tighter: Level? {
      switch self {
      case .or: return .and
      case .and: return .relation
      case .relation: return .addition
      case .addition: return .multiplication
      case .multiplication: return nil
      }
    }
  }

  /// How an operator at a level joins its operands.
  private enum Join {
    case or, and
    case binary(CELBinaryOperator)

    func apply(_ left: CELExpression, _ right: CELExpression) -> CELExpression {
      switch self {
      case .or: return .or(left, right)
      case .and: return .and(left, right)
      case .binary(let op): return .binary(op, left, right)
      }
    }
  }

  private func join(at level: Level) -> Join? {
    switch (level, current.kind) {
    case (.or, .symbol(.or)): return .or
    case (.and, .symbol(.and)): return .and
    case (.relation, .identifier("in")): return .binary(.in)
    case (.relation, .symbol(let symbol)):
      guard let op = CELBinaryOperator(symbol),
        [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op)
      else { return nil }
      return .binary(op)
    case (.addition, .symbol(.plus)): return .binary(.add)
    case (.addition, .symbol(.minus)): return .binary(.subtract)
    case (.multiplication, .symbol(.star)): return .binary(.multiply)
    case (.multiplication, .symbol(.slash)): return .binary(.divide)
    case (.multiplication, .symbol(.percent)): return .binary(.remainder)
    default: return nil
    }
  }

  /// One level of left-associative operators, parsed with a loop: `a - b - c` is `(a - b) - c`.
  private mutating func parseBinary(_ level: Level) throws(CELError) -> CELExpression {
    var result = try parseOperand(of: level)
    let outerDepth = depth
    defer { depth = outerDepth }
    while let join = join(at: level) {
      position += 1
      try descend()
      result = join.apply(result, try parseOperand(of: level))
    }
    return result
  }

  private mutating func parseOperand(of level: Level) throws(CELError) -> CELExpression {
    guard let tighter = level.tighter else { return try parseUnary() }
    return try parseBinary(tighter)
  }

  private mutating func parseUnary() throws(CELError) -> CELExpression {
    let outerDepth = depth
    defer { depth = outerDepth }
    if isSymbol(.bang) {
      var count = 0
      while consume(.bang) {
        count += 1
        try descend()
      }
      var result = try parseMember()
      for _ in 0..<count { result = .unary(.not, result) }
      return result
    }
    guard isSymbol(.minus) else { return try parseMember() }
    var count = 0
    while consume(.minus) {
      count += 1
      try descend()
    }
    var result: CELExpression
    // The last minus belongs to a numeric literal, so that -9223372036854775808 is INT64_MIN.
    switch current.kind {
    case .int(let magnitude):
      guard magnitude <= UInt64(Int64.max) + 1 else { throw error("integer literal out of range", at: current.offset) }
      position += 1
      count -= 1
      result = try parseMemberSuffixes(.literal(.int(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude))))
    case .double(let value):
      position += 1
      count -= 1
      result = try parseMemberSuffixes(.literal(.double(-value)))
    default:
      result = try parseMember()
    }
    for _ in 0..<count { result = .unary(.negate, result) }
    return result
  }

  // MARK: - Member and primary expressions

  private mutating func parseMember() throws(CELError) -> CELExpression {
    try parseMemberSuffixes(try parsePrimary())
  }

  private mutating func parseMemberSuffixes(_ primary: CELExpression) throws(CELError) -> CELExpression {
    var result = primary
    let outerDepth = depth
    defer { depth = outerDepth }
    while true {
      if consume(.dot) {
        try descend()
        if consume(.question) {
          switch current.kind {
          case .identifier(let identifier), .quotedIdentifier(let identifier):
            position += 1
            result = .optionalSelect(result, field: identifier)
            continue
          default:
            throw unexpected("expected a field name after '.?'")
          }
        }
        let nameToken = current
        let name: String
        switch nameToken.kind {
        case .identifier(let identifier) where !["true", "false", "null", "in"].contains(identifier):
          name = identifier
        case .quotedIdentifier(let identifier):
          name = identifier
          position += 1
          result = .select(result, field: name, offset: nameToken.offset)
          continue
        default:
          throw unexpected("expected a field or method name after '.'")
        }
        position += 1
        if consume(.leftParen) {
          let arguments = try parseArguments(closing: .rightParen)
          result = try CELMacroExpander(parser: self, options: options)
            .expandMethod(name: name, target: result, arguments: arguments, offset: nameToken.offset)
        } else if isSymbol(.leftBrace), let typeName = Self.qualifiedName(result) {
          result = try parseMessage(typeName: typeName + "." + name, offset: nameToken.offset)
        } else {
          result = .select(result, field: name, offset: nameToken.offset)
        }
      } else if consume(.leftBracket) {
        try descend()
        let isOptional = consume(.question)
        let index = try parseExpression()
        try expect(.rightBracket, "to close the index")
        result = isOptional ? .optionalIndex(result, index) : .index(result, index)
      } else {
        return result
      }
    }
  }

  private mutating func parsePrimary() throws(CELError) -> CELExpression {
    let token = current
    switch token.kind {
    case .int(let magnitude):
      guard magnitude <= UInt64(Int64.max) else { throw error("integer literal out of range", at: token.offset) }
      position += 1
      return .literal(.int(Int64(magnitude)))
    case .uint(let value):
      position += 1
      return .literal(.uint(value))
    case .double(let value):
      position += 1
      return .literal(.double(value))
    case .string(let value):
      position += 1
      return .literal(.string(value))
    case .bytes(let value):
      position += 1
      return .literal(.bytes(value))
    case .identifier(let name):
      return try parseIdentifierPrimary(name: name, isRooted: false, offset: token.offset)
    case .symbol(.dot):
      position += 1
      guard case .identifier(let name) = current.kind else { throw unexpected("expected a name after '.'") }
      return try parseIdentifierPrimary(name: name, isRooted: true, offset: token.offset)
    case .symbol(.leftParen):
      position += 1
      try descend()
      defer { depth -= 1 }
      let inner = try parseExpression()
      try expect(.rightParen, "to close the parenthesis")
      return inner
    case .symbol(.leftBracket):
      position += 1
      return .list(try parseArguments(closing: .rightBracket, allowTrailingComma: true, allowOptionalEntries: true))
    case .symbol(.leftBrace):
      position += 1
      try descend()
      defer { depth -= 1 }
      return try parseMapLiteral()
    default:
      throw unexpected("expected an expression")
    }
  }

  private mutating func parseIdentifierPrimary(name: String, isRooted: Bool, offset: Int) throws(CELError)
    -> CELExpression
  {
    position += 1
    switch name {
    case "true" where !isRooted: return .literal(.bool(true))
    case "false" where !isRooted: return .literal(.bool(false))
    case "null" where !isRooted: return .literal(.null)
    case "true", "false", "null", "in": throw error("'\(name)' is a reserved word, not a name", at: offset)
    default: break
    }
    if Self.reservedWords.contains(name) {
      throw error("'\(name)' is a reserved word and cannot be used as a name", at: offset)
    }
    if consume(.leftParen) {
      let arguments = try parseArguments(closing: .rightParen)
      if isRooted {
        return .call(name: name, target: nil, arguments: arguments, offset: offset)
      }
      return try CELMacroExpander(parser: self, options: options)
        .expandGlobal(name: name, arguments: arguments, offset: offset)
    }
    if isSymbol(.leftBrace) {
      return try parseMessage(typeName: (isRooted ? "." : "") + name, offset: offset)
    }
    return .identifier(name, isRooted: isRooted, offset: offset)
  }

  /// Comma-separated expressions up to `closing`, which is consumed.
  private mutating func parseArguments(
    closing: CELToken.Symbol, allowTrailingComma: Bool = false, allowOptionalEntries: Bool = false
  ) throws(CELError) -> [CELExpression] {
    try descend()
    defer { depth -= 1 }
    var items: [CELExpression] = []
    if consume(closing) { return items }
    while true {
      let isOptional = allowOptionalEntries && consume(.question)
      let item = try parseExpression()
      items.append(isOptional ? .optionalEntry(item) : item)
      if consume(closing) { return items }
      try expect(.comma, "or '\(closing.rawValue)' in the list")
      if allowTrailingComma && consume(closing) { return items }
    }
  }

  private mutating func parseMapLiteral() throws(CELError) -> CELExpression {
    var entries: [(key: CELExpression, value: CELExpression)] = []
    if consume(.rightBrace) { return .map(entries) }
    while true {
      let isOptional = consume(.question)
      let key = try parseExpression()
      try expect(.colon, "between a map key and its value")
      let value = try parseExpression()
      entries.append((key, isOptional ? .optionalEntry(value) : value))
      if consume(.rightBrace) { return .map(entries) }
      try expect(.comma, "or '}' in the map")
      if consume(.rightBrace) { return .map(entries) }
    }
  }

  private mutating func parseMessage(typeName: String, offset: Int) throws(CELError) -> CELExpression {
    try expect(.leftBrace, "to open the message")
    try descend()
    defer { depth -= 1 }
    var fields: [(name: String, value: CELExpression)] = []
    if consume(.rightBrace) { return .message(typeName: typeName, fields: fields, offset: offset) }
    while true {
      let name: String
      switch current.kind {
      case .identifier(let identifier), .quotedIdentifier(let identifier): name = identifier
      default: throw unexpected("expected a field name")
      }
      position += 1
      try expect(.colon, "after the field name")
      fields.append((name, try parseExpression()))
      if consume(.rightBrace) { return .message(typeName: typeName, fields: fields, offset: offset) }
      try expect(.comma, "or '}' in the message")
      if consume(.rightBrace) { return .message(typeName: typeName, fields: fields, offset: offset) }
    }
  }

  /// `a.b.c` for a chain of plain selections on a name, else nil.
  static func qualifiedName(_ expression: CELExpression) -> String? {
    switch expression {
    case .identifier(let name, let isRooted, _): return (isRooted ? "." : "") + name
    case .select(let operand, let field, _): return qualifiedName(operand).map { $0 + "." + field }
    default: return nil
    }
  }
}
