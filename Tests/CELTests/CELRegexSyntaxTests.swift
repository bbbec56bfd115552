import CEL
import Testing

/// RE2 syntax as CEL policies write it, each case against the boolean RE2 gives.
@Suite struct CELRegexSyntaxTests {
  private static let cases: [(pattern: String, text: String, matches: Bool)] = [
    // Literals and escapes.
    ("abc", "xabcx", true), ("abc", "abx", false), ("a\\.c", "a.c", true), ("a\\.c", "abc", false),
    ("\\\\", "a\\b", true), ("\\t", "a\tb", true), ("\\x41", "A", true), ("\\x{1F600}", "😀", true),
    ("\\101", "A", true), ("\\0", "\u{0}", true), ("\\Q.*+\\E", "a.*+", true), ("\\Q.*+\\E", "aaa", false),
    ("\\-\\_\\/", "-_/", true), ("a{", "a{", true), ("a{,2}", "a{,2}", true), ("x{2}y", "xxy", true),
    // `.` and flag `s`.
    ("a.c", "abc", true), ("a.c", "a\nc", false), ("(?s)a.c", "a\nc", true),
    // Classes.
    ("[a-c]x", "bx", true), ("[a-c]x", "dx", false), ("[^a-c]x", "dx", true), ("[^a-c]", "abc", false),
    ("[]a]", "]", true), ("[^]a]", "]", false), ("[a-]", "-", true), ("[-a]", "-", true), ("[\\d_]", "_", true),
    ("[[:alpha:]]", "Q", true), ("[[:alpha:]]", "1", false), ("[[:^digit:]]", "1", false), ("[[:^digit:]]", "x", true),
    ("[\\]]", "]", true), ("[a\\-z]", "-", true), ("[a\\-z]", "m", false), ("[\\x{1F600}-\\x{1F64F}]", "🙂", true),
    // Perl classes (ASCII, as in RE2).
    ("^\\d+$", "0123", true), ("\\d", "٣", false), ("^\\w+$", "a_Z9", true), ("\\w", "é", false),
    ("\\s", "a b", true), ("\\s", "a\u{0B}b", false), ("^\\D\\W\\S$", "a!x", true), ("\\D", "123", false),
    // Unicode classes.
    ("^\\pL+$", "héllo", true), ("^\\p{Lu}", "Éa", true), ("^\\p{Lu}", "éa", false), ("\\PL", "abc", false),
    ("[\\p{Nd}]", "٣", true), ("\\p{^L}", "ab1", true), ("\\p{Any}", "x", true),
    // Word boundaries.
    ("\\bcat\\b", "a cat sat", true), ("\\bcat\\b", "concatenate", false), ("\\Bcat\\B", "concatenate", true),
    ("\\b", "", false), ("\\B", "", true),
    // Anchors: `$` is the end of the text only (not before a final line feed) without flag `m`.
    ("^ab", "abc", true), ("^bc", "abc", false), ("bc$", "abc", true), ("ab$", "ab\n", false),
    ("\\Aab", "ab", true), ("ab\\z", "ab", true), ("ab\\z", "ab\n", false),
    ("(?m)^b$", "a\nb\nc", true), ("^b$", "a\nb\nc", false), ("(?m)\\Ab", "a\nb", false),
    // Groups, flags and alternation.
    ("gr(a|e)y", "grey", true), ("gr(?:a|e)y", "gruy", false), ("(?P<first>a)(?<second>b)", "ab", true),
    ("(?i)hello", "HeLLo", true), ("(?i:a)b", "Ab", true), ("(?i:a)b", "AB", false), ("(?i)a(?-i)b", "AB", false),
    ("a(?i)b|c", "C", true), ("(a(?i)b)c", "aBC", false), ("(?i)[a-c]", "B", true), ("(?i)[^a-c]", "B", false),
    ("(?i)k", "\u{212A}", true), ("(?i)\u{212A}", "k", true), ("(?i)ſ", "S", true), ("(?i)σ", "ς", true),
    ("(?i)é", "É", true), ("(?U)a+", "aa", true), ("(?im-s:^a.)", "x\nA\n", false), ("(?ims:^a.)", "x\nA\n", true),
    ("foo|bar", "", false), ("|x", "y", true), ("a||b", "c", true),
    // Repetition, greedy and lazy alike.
    ("ba(na)*", "banana", true), ("^(na)+$", "nanana", true), ("^(na)+$", "", false), ("^a?b$", "b", true),
    ("^a{2}$", "aa", true), ("^a{2}$", "aaa", false), ("^a{2,}$", "aaaa", true), ("^a{2,}$", "a", false),
    ("^a{1,3}$", "aaa", true), ("^a{1,3}$", "aaaa", false), ("^a{0}$", "", true), ("^a*?b$", "aab", true),
    ("^a+?$", "aaa", true), ("^a??b$", "ab", true), ("^a{1,2}?$", "aa", true), ("^(a*)*$", "aaa", true),
    ("^(a|b)*c$", "ababc", true), ("^(?:a*)+$", "", true),
    // Unicode scalars.
    ("a+ñ+a+", "mañana", true), ("(a|😀){2}", "🐱😀😀", true), ("^.$", "😀", true), ("^..$", "e\u{301}", true),
    ("^.$", "e\u{301}", false),
    // The empty pattern matches everywhere.
    ("", "", true), ("", "cows", true),
  ]

  @Test func eachCaseGivesRE2sAnswer() throws {
    for (pattern, text, expected) in Self.cases {
      #expect(try CELRegex(pattern).matches(text) == expected, "'\(text)'.matches('\(pattern)')")
    }
  }

  @Test func wholeMatchesNeedsTheWholeText() throws {
    #expect(try CELRegex("ab|abc").wholeMatches("abc"))
    #expect(try !CELRegex("b").wholeMatches("abc"))
    #expect(try CELRegex("(?m)a$").wholeMatches("a"))
    #expect(try !CELRegex("a\\b").wholeMatches("ab"))
    #expect(try CELRegex("").wholeMatches(""))
  }

  private static let errors: [(pattern: String, reason: String)] = [
    ("(", "missing closing )"), ("(a|b", "missing closing )"), ("a)", "unexpected )"),
    ("[a-", "missing closing ]"), ("[z-a]", "invalid character class range 'z-a'"),
    ("[a-b-c]", "invalid character class range: '-' must be first, last or escaped"),
    ("[a-\\d]", "invalid character class range: a range must end in a single character"),
    ("[[:word2:]]", "invalid character class range '[:word2:]'"),
    ("*a", "missing argument to repetition operator '*'"), ("a|+", "missing argument to repetition operator '+'"),
    ("a**", "invalid nested repetition operator '*'"), ("a{2}{3}", "invalid nested repetition operator '{3}'"),
    ("a{1001}", "invalid repeat count '{1001}'"), ("a{3,2}", "invalid repeat count '{3,2}'"),
    ("\\k", "invalid escape sequence '\\k'"), ("\\Z", "invalid escape sequence '\\Z'"),
    ("\\8", "a backreference is not supported by RE2"),
    ("a\\", "trailing backslash"), ("\\x4", "invalid escape sequence '\\x'"),
    ("\\x{110000}", "invalid escape sequence '\\x{…}'"),
    ("[\\b]", "invalid escape sequence '\\b'"),
    ("\\p{Greek}", "invalid character class range '\\p{Greek}' (general categories and Any are supported)"),
    ("(?#note)", "invalid or unsupported Perl syntax '(?#'"), ("(?i-)", "invalid or unsupported Perl syntax '(?i-)'"),
    ("(?)", "invalid or unsupported Perl syntax '(?)'"), ("(?P=name)", "a backreference is not supported by RE2"),
    ("(?P<>a)", "invalid named capture ''"), ("(?P<a-b>x)", "invalid named capture 'a-b'"),
    ("(?P<n>a)(?P<n>b)", "duplicate capture group name 'n'"),
    ("(a)\\1", "a backreference is not supported by RE2"),
    ("a(?=b)", "lookahead or an atomic group is not supported by RE2"),
    ("a(?!b)", "lookahead or an atomic group is not supported by RE2"),
    ("(?<!a)b", "lookbehind is not supported by RE2"),
    ("a++", "a possessive quantifier is not supported by RE2"),
    ("(a{1000}){1000}", "the pattern is too large (over 20000 states once its repetitions are expanded)"),
    (String(repeating: "(", count: 201) + String(repeating: ")", count: 201), "groups are nested more than 200 deep"),
  ]

  @Test func invalidPatternsAreErrorsWithTheReason() {
    for (pattern, reason) in Self.errors {
      #expect(throws: CELEvaluationError("invalid regular expression '\(pattern)': \(reason)"), "\(pattern)") {
        _ = try CELRegex(pattern)
      }
    }
  }

  @Test func nestingUpToTheLimitCompiles() throws {
    let pattern = String(repeating: "(", count: 200) + "a" + String(repeating: ")", count: 200)
    #expect(try CELRegex(pattern).matches("a"))
  }
}
