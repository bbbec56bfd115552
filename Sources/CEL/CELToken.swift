/// One lexical token of CEL source, with its UTF-8 byte offset for error positions.
struct CELToken: Equatable {
  enum Kind: Equatable {
    case identifier(String)
    /// A backquoted field name, `` `content-type` ``.
    case quotedIdentifier(String)
    /// An integer literal's magnitude; the parser checks its range once it knows the sign.
    case int(UInt64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case symbol(Symbol)
    case end
  }

  /// Operators and punctuation.
  enum Symbol: String {
    case dot = "."
    case comma = ","
    case colon = ":"
    case question = "?"
    case leftParen = "("
    case rightParen = ")"
    case leftBracket = "["
    case rightBracket = "]"
    case leftBrace = "{"
    case rightBrace = "}"
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case percent = "%"
    case bang = "!"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case and = "&&"
    case or = "||"
  }

  let kind: Kind
  /// Byte offset of the token's first byte in the source.
  let offset: Int

  /// How the token reads in an error message.
  var quoted: String {
    switch kind {
    case .identifier(let name): return "'\(name)'"
    case .quotedIdentifier(let name): return "'`\(name)`'"
    case .int(let value): return "'\(value)'"
    case .uint(let value): return "'\(value)u'"
    case .double(let value): return "'\(value)'"
    case .string: return "string literal"
    case .bytes: return "bytes literal"
    case .symbol(let symbol): return "'\(symbol.rawValue)'"
    case .end: return "end of input"
    }
  }
}
