import Foundation

/// A regular expression for `matches`, with RE2 syntax checked on top of ICU's engine.
///
/// CEL specifies RE2. Foundation's `NSRegularExpression` (ICU) accepts a superset of RE2's
/// syntax, so constructs RE2 refuses are rejected here rather than silently given Perl
/// meaning: backreferences (`\1`), lookaround (`(?=` `(?!` `(?<=` `(?<!`), atomic groups
/// (`(?>`) and possessive quantifiers (`a*+`). RE2's `(?P<name>…)` groups are rewritten to ICU's
/// `(?<name>…)`. Known remaining gaps: ICU matching is backtracking (RE2 is linear-time, so a
/// pathological pattern can be slow, bounded only by input size), and `\pN`-style classes and
/// case folding follow ICU's Unicode tables rather than RE2's.
struct CELRegex: Sendable {
  let pattern: String
  private let expression: NSRegularExpression

  init(_ pattern: String) throws(CELEvaluationError) {
    let translated = try Self.translate(pattern)
    do {
      expression = try NSRegularExpression(pattern: translated, options: [])
    } catch {
      throw CELEvaluationError("invalid regular expression '\(pattern)'")
    }
    self.pattern = pattern
  }

  /// Whether the pattern matches anywhere in `text` (an unanchored search, as in RE2).
  func matches(_ text: String) -> Bool {
    let range = NSRange(text.startIndex..<text.endIndex, in: text)
    return expression.firstMatch(in: text, options: [], range: range) != nil
  }

  /// Checks the pattern against RE2's syntax and rewrites the spellings ICU reads differently.
  private static func translate(_ pattern: String) throws(CELEvaluationError) -> String {
    let scalars = Array(pattern.unicodeScalars)
    var output = String.UnicodeScalarView()
    var index = 0
    var inClass = false
    func refuse(_ what: String) -> CELEvaluationError {
      CELEvaluationError("invalid regular expression '\(pattern)': \(what) is not supported by RE2")
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\\" {
        guard index + 1 < scalars.count else { throw CELEvaluationError("invalid regular expression '\(pattern)': trailing backslash") }
        let next = scalars[index + 1]
        if !inClass, ("1"..."9").contains(next) { throw refuse("a backreference") }
        output.append(scalar)
        output.append(next)
        index += 2
        continue
      }
      if inClass {
        if scalar == "]" { inClass = false }
        output.append(scalar)
        index += 1
        continue
      }
      switch scalar {
      case "[":
        inClass = true
        output.append(scalar)
        // A `]` right after `[` or `[^` is a literal member.
        if index + 1 < scalars.count, scalars[index + 1] == "^" {
          output.append("^")
          index += 1
        }
        if index + 1 < scalars.count, scalars[index + 1] == "]" {
          output.append("]")
          index += 1
        }
      case "(" where index + 2 < scalars.count && scalars[index + 1] == "?":
        let marker = scalars[index + 2]
        if marker == "=" || marker == "!" || marker == ">" { throw refuse("lookahead or an atomic group") }
        if marker == "<", index + 3 < scalars.count, scalars[index + 3] == "=" || scalars[index + 3] == "!" {
          throw refuse("lookbehind")
        }
        if marker == "P", index + 3 < scalars.count, scalars[index + 3] == "<" {
          output.append(contentsOf: "(?".unicodeScalars)
          index += 3
          continue
        }
        output.append(scalar)
      case "*", "+", "?", "}":
        output.append(scalar)
        if index + 1 < scalars.count, scalars[index + 1] == "+" { throw refuse("a possessive quantifier") }
      default:
        output.append(scalar)
      }
      index += 1
    }
    // ICU refuses an empty pattern; RE2 reads it as matching the empty string everywhere.
    return output.isEmpty ? "(?:)" : String(output)
  }
}
