/// Highlights fenced code at build time: a small deterministic tokenizer per language that
/// wraps comments, strings, numbers, keywords and keys in `<span class="hl-…">`; no JavaScript.
///
/// Classes: `hl-c` comment, `hl-s` string, `hl-n` number, `hl-k` keyword, `hl-a` key (YAML and
/// JSON object keys), `hl-v` literal (`true`, `null`, …). Unknown languages are left alone.
public struct CodeHighlighter: Sendable {
  /// How one language is tokenized.
  struct Grammar: Sendable {
    var lineComments: [String]
    var blockComment: (open: String, close: String)?
    var quotes: Set<UInt8>
    var keywords: Set<String>
    var literals: Set<String>
    /// YAML: `key:` at the start of a line is a key. JSON: a string followed by `:` is a key.
    var keyStyle: KeyStyle = .none
    /// Bash: `$NAME`, `${NAME}` are variables, shown as keys.
    var dollarVariables = false
    /// SQL: keywords in any case.
    var caseInsensitive = false
    /// Whether `\` escapes the next character in strings (not in SQL, which doubles quotes).
    var backslashEscapes = true

    enum KeyStyle: Sendable { case none, yaml, json }
  }

  /// Creates a highlighter.
  public init() {}

  /// The languages (fence info words) it knows, lowercased.
  public static var languages: [String] { grammars.keys.sorted() }

  /// The escaped HTML of `code` with highlighting spans, or nil for an unknown language.
  public func highlight(_ code: String, language: String) -> String? {
    guard let grammar = Self.grammars[language.lowercased()] else { return nil }
    var tokenizer = Tokenizer(bytes: Array(code.utf8), grammar: grammar)
    return tokenizer.run()
  }

  static let cFamilyLiterals: Set<String> = ["true", "false", "null", "nil"]

  static let grammars: [String: Grammar] = {
    let swift = Grammar(
      lineComments: ["//"], blockComment: ("/*", "*/"), quotes: [UInt8(ascii: "\"")],
      keywords: [
        "actor", "as", "async", "await", "break", "case", "catch", "class", "continue", "default", "defer", "do",
        "else",
        "enum", "extension", "fileprivate", "for", "func", "guard", "if", "import", "in", "init", "internal", "is",
        "let",
        "mutating", "private", "protocol", "public", "repeat", "return", "self", "Self", "some", "any", "static",
        "struct",
        "switch", "throw", "throws", "try", "typealias", "var", "where", "while",
      ], literals: ["true", "false", "nil"])
    let go = Grammar(
      lineComments: ["//"], blockComment: ("/*", "*/"),
      quotes: [UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "'")],
      keywords: [
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go",
        "goto",
        "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
      ], literals: ["true", "false", "nil", "iota"])
    let python = Grammar(
      lineComments: ["#"], blockComment: nil, quotes: [UInt8(ascii: "\""), UInt8(ascii: "'")],
      keywords: [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
        "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "not", "or", "pass", "raise",
        "return",
        "try", "while", "with", "yield",
      ], literals: ["True", "False", "None"])
    let typescript = Grammar(
      lineComments: ["//"], blockComment: ("/*", "*/"),
      quotes: [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")],
      keywords: [
        "as", "async", "await", "break", "case", "catch", "class", "const", "continue", "default", "delete", "do",
        "else",
        "enum", "export", "extends", "finally", "for", "from", "function", "if", "implements", "import", "in",
        "instanceof",
        "interface", "let", "new", "of", "private", "public", "readonly", "return", "static", "switch", "this", "throw",
        "try", "type", "typeof", "var", "void", "while", "yield",
      ], literals: ["true", "false", "null", "undefined"])
    let java = Grammar(
      lineComments: ["//"], blockComment: ("/*", "*/"), quotes: [UInt8(ascii: "\""), UInt8(ascii: "'")],
      keywords: [
        "abstract", "boolean", "break", "byte", "case", "catch", "char", "class", "continue", "default", "do", "double",
        "else", "enum", "extends", "final", "finally", "float", "for", "if", "implements", "import", "instanceof",
        "int",
        "interface", "long", "new", "package", "private", "protected", "public", "record", "return", "short", "static",
        "super", "switch", "this", "throw", "throws", "try", "var", "void", "while",
      ], literals: ["true", "false", "null"])
    let kotlin = Grammar(
      lineComments: ["//"], blockComment: ("/*", "*/"), quotes: [UInt8(ascii: "\""), UInt8(ascii: "'")],
      keywords: [
        "as", "break", "class", "companion", "continue", "data", "do", "else", "fun", "for", "if", "import", "in",
        "interface", "is", "object", "override", "package", "private", "return", "sealed", "suspend", "this", "throw",
        "try",
        "val", "var", "when", "while",
      ], literals: ["true", "false", "null"])
    let bash = Grammar(
      lineComments: ["#"], blockComment: nil, quotes: [UInt8(ascii: "\""), UInt8(ascii: "'")],
      keywords: [
        "case", "do", "done", "elif", "else", "esac", "exit", "export", "fi", "for", "function", "if", "in", "local",
        "return", "then", "until", "while",
      ], literals: [], dollarVariables: true)
    let sql = Grammar(
      lineComments: ["--"], blockComment: ("/*", "*/"), quotes: [UInt8(ascii: "'")],
      keywords: [
        "ADD", "ALTER", "AND", "AS", "ASC", "BY", "CREATE", "DEFAULT", "DELETE", "DESC", "DROP", "FROM", "GROUP",
        "INDEX",
        "INSERT", "INTO", "JOIN", "KEY", "LEFT", "LIMIT", "NOT", "NULL", "ON", "OR", "ORDER", "PRIMARY", "REFERENCES",
        "SELECT", "SET", "TABLE", "UPDATE", "VALUES", "WHERE", "WITH",
      ], literals: ["TRUE", "FALSE"], caseInsensitive: true, backslashEscapes: false)
    let yaml = Grammar(
      lineComments: ["#"], blockComment: nil, quotes: [UInt8(ascii: "\""), UInt8(ascii: "'")], keywords: [],
      literals: ["true", "false", "null", "yes", "no", "on", "off"], keyStyle: .yaml)
    let json = Grammar(
      lineComments: [], blockComment: nil, quotes: [UInt8(ascii: "\"")], keywords: [],
      literals: ["true", "false", "null"],
      keyStyle: .json)
    return [
      "swift": swift, "go": go, "golang": go, "python": python, "py": python, "typescript": typescript,
      "ts": typescript,
      "tsx": typescript, "javascript": typescript, "js": typescript, "jsx": typescript, "java": java, "kotlin": kotlin,
      "kt": kotlin, "bash": bash, "sh": bash, "shell": bash, "zsh": bash, "sql": sql, "yaml": yaml, "yml": yaml,
      "json": json,
    ]
  }()
}
