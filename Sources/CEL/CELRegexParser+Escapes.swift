extension CELRegexParser {
  /// What a backslash sequence stands for.
  enum Escape {
    case scalar(Unicode.Scalar)
    case set(CELRegexCharacterClass)
    case assertion(CELRegexAssertion)
    /// `\Q…\E`: the text between, literally.
    case quoted([Unicode.Scalar])
  }

  /// The escape at `index` (a backslash); inside brackets only scalars and classes are allowed.
  mutating func escape(inClass: Bool) throws(CELEvaluationError) -> Escape {
    guard index + 1 < scalars.count else { throw failure("trailing backslash") }
    let letter = scalars[index + 1]
    index += 2
    switch letter {
    case "1"..."9":
      // RE2 reads `\1`–`\7` followed by an octal digit as an octal code; otherwise a backreference.
      guard letter <= "7", index < scalars.count, ("0"..."7").contains(scalars[index]) else {
        throw refusal("a backreference")
      }
      return .scalar(octal(first: letter))
    case "0": return .scalar(octal(first: letter))
    case "x": return .scalar(try hexadecimal())
    case "a": return .scalar("\u{07}")
    case "f": return .scalar("\u{0C}")
    case "t": return .scalar("\t")
    case "n": return .scalar("\n")
    case "r": return .scalar("\r")
    case "v": return .scalar("\u{0B}")
    case "d", "D", "s", "S", "w", "W":
      guard let set = CELRegexCharacterClass.perl(letter) else { throw badEscape(letter) }
      return .set(set)
    case "p", "P": return .set(try unicodeClass(negated: letter == "P"))
    case "A" where !inClass: return .assertion(.beginText)
    case "z" where !inClass: return .assertion(.endText)
    case "b" where !inClass: return .assertion(.wordBoundary)
    case "B" where !inClass: return .assertion(.notWordBoundary)
    case "Q" where !inClass: return .quoted(quotedText())
    default:
      // Any other ASCII punctuation stands for itself (`\.`, `\\`, `\-`, `\_`).
      guard letter.isASCII, !letter.properties.isAlphabetic, !("0"..."9").contains(letter) else {
        throw badEscape(letter)
      }
      return .scalar(letter)
    }
  }

  private func badEscape(_ letter: Unicode.Scalar) -> CELEvaluationError {
    failure("invalid escape sequence '\\\(letter)'")
  }

  /// Up to two more octal digits after `first`.
  private mutating func octal(first: Unicode.Scalar) -> Unicode.Scalar {
    var value = first.value - 0x30
    var digits = 1
    while digits < 3, index < scalars.count, ("0"..."7").contains(scalars[index]) {
      value = value * 8 + scalars[index].value - 0x30
      index += 1
      digits += 1
    }
    return Unicode.Scalar(UInt8(value))
  }

  /// `\xHH` or `\x{H…}`, from just after the `x`.
  private mutating func hexadecimal() throws(CELEvaluationError) -> Unicode.Scalar {
    func digit(_ scalar: Unicode.Scalar) -> UInt32? { scalar.isASCII ? UInt32(String(scalar), radix: 16) : nil }
    var value: UInt32 = 0
    if index < scalars.count, scalars[index] == "{" {
      index += 1
      var digits = 0
      while index < scalars.count, let next = digit(scalars[index]) {
        value = min(value * 16 + next, 0x110000)
        index += 1
        digits += 1
      }
      guard digits > 0, index < scalars.count, scalars[index] == "}", let scalar = Unicode.Scalar(value) else {
        throw failure("invalid escape sequence '\\x{…}'")
      }
      index += 1
      return scalar
    }
    for _ in 0..<2 {
      guard index < scalars.count, let next = digit(scalars[index]) else {
        throw failure("invalid escape sequence '\\x'")
      }
      value = value * 16 + next
      index += 1
    }
    return Unicode.Scalar(UInt8(value))
  }

  /// `\pL`, `\p{Lu}`, `\p{^Lu}` (and `\P…`), from just after the `p`.
  private mutating func unicodeClass(negated: Bool) throws(CELEvaluationError) -> CELRegexCharacterClass {
    guard index < scalars.count else { throw failure("invalid character class range '\\p'") }
    var name: String
    if scalars[index] == "{" {
      let start = index + 1
      guard let end = scalars[start...].firstIndex(of: "}") else {
        throw failure("invalid character class range '\\p{'")
      }
      name = String(String.UnicodeScalarView(scalars[start..<end]))
      index = end + 1
    } else {
      name = String(scalars[index])
      index += 1
    }
    var isNegated = negated
    if name.hasPrefix("^") {
      isNegated.toggle()
      name.removeFirst()
    }
    guard let property = CELRegexUnicodeProperty.named(name, negated: isNegated) else {
      throw failure("invalid character class range '\\p{\(name)}' (general categories and Any are supported)")
    }
    var set = CELRegexCharacterClass()
    set.add(property)
    set.finish()
    return set
  }

  /// The text of `\Q…\E` (to the end of the pattern when `\E` is missing), from just after `Q`.
  private mutating func quotedText() -> [Unicode.Scalar] {
    var text: [Unicode.Scalar] = []
    while index < scalars.count {
      if scalars[index] == "\\", index + 1 < scalars.count, scalars[index + 1] == "E" {
        index += 2
        return text
      }
      text.append(scalars[index])
      index += 1
    }
    return text
  }

  // MARK: - Bracketed classes

  /// The class at `index` (`[`), through its `]`.
  mutating func characterClass() throws(CELEvaluationError) -> CELRegexCharacterClass {
    var set = CELRegexCharacterClass()
    set.foldsCase = flags.caseInsensitive
    index += 1
    if index < scalars.count, scalars[index] == "^" {
      set.isNegated = true
      index += 1
    }
    var first = true
    while true {
      guard index < scalars.count else { throw failure("missing closing ]") }
      let scalar = scalars[index]
      if scalar == "]", !first {
        index += 1
        break
      }
      if scalar == "-", !first, index + 1 < scalars.count, scalars[index + 1] != "]" {
        throw failure("invalid character class range: '-' must be first, last or escaped")
      }
      first = false
      if scalar == "[", let posix = try posixClass() {
        set.add(posix)
        continue
      }
      guard let low = try classMember(into: &set) else { continue }
      var high = low
      if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
        index += 1
        var ignored = CELRegexCharacterClass()
        guard let end = try classMember(into: &ignored), ignored.ranges.isEmpty, ignored.properties.isEmpty else {
          throw failure("invalid character class range: a range must end in a single character")
        }
        high = end
      }
      guard low.value <= high.value else { throw failure("invalid character class range '\(low)-\(high)'") }
      set.add(low.value...high.value)
    }
    set.finish()
    return set
  }

  /// One member at `index`: a scalar (returned) or a class escape such as `\d` (added to `set`).
  private mutating func classMember(
    into set: inout CELRegexCharacterClass
  ) throws(CELEvaluationError) -> Unicode.Scalar? {
    guard scalars[index] == "\\" else {
      index += 1
      return scalars[index - 1]
    }
    switch try escape(inClass: true) {
    case .scalar(let scalar): return scalar
    case .set(let other):
      set.add(other)
      return nil
    case .assertion, .quoted: throw failure("invalid escape sequence in a character class")
    }
  }

  /// `[:name:]` or `[:^name:]` at `index`; nil (nothing read) when the `[` does not start one.
  private mutating func posixClass() throws(CELEvaluationError) -> CELRegexCharacterClass? {
    guard index + 1 < scalars.count, scalars[index + 1] == ":" else { return nil }
    var end = index + 2
    while end + 1 < scalars.count, !(scalars[end] == ":" && scalars[end + 1] == "]") { end += 1 }
    guard end + 1 < scalars.count else { return nil }
    var name = String(String.UnicodeScalarView(scalars[(index + 2)..<end]))
    let negated = name.hasPrefix("^")
    if negated { name.removeFirst() }
    guard var posix = CELRegexCharacterClass.posix(name) else {
      throw failure("invalid character class range '[:\(name):]'")
    }
    index = end + 2
    if negated {
      posix.isNegated = true
      posix.finish()
    }
    return posix
  }
}
