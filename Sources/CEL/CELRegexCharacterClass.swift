/// A set of scalars for one class of a pattern (`[a-z_]`, `[^\d]`, `\w`, `\pL`): ranges and
/// Unicode general categories, possibly negated and case-folded.
///
/// `finish()` sorts and merges the ranges and tabulates membership of the 128 ASCII scalars,
/// so the common case is one bit test and the rest a binary search.
struct CELRegexCharacterClass: Sendable, Equatable {
  /// Sorted, non-overlapping and non-adjacent once finished.
  private(set) var ranges: [ClosedRange<UInt32>] = []
  /// Unicode property members (`\pL`, `\P{Nd}`).
  private(set) var properties: [CELRegexUnicodeProperty] = []
  /// Whether the class is written `[^…]` (or is `\D`, `\W`, `\S`).
  var isNegated = false
  /// Whether a scalar also matches through its case variants (flag `i`).
  var foldsCase = false
  /// Membership of ASCII scalars after negation and folding: bit n of `ascii[n >> 6]`.
  private var ascii: (UInt64, UInt64) = (0, 0)

  init() {}

  /// A finished class of `ranges`.
  init(_ ranges: [ClosedRange<UInt32>], negated: Bool = false) {
    self.ranges = ranges
    self.isNegated = negated
    finish()
  }

  /// Adds `range`.
  mutating func add(_ range: ClosedRange<UInt32>) {
    ranges.append(range)
  }

  /// Adds every member of `other`, a class without properties or folding (`\d`, `[:alpha:]`,
  /// `\W`): a negated one adds the complement of its ranges.
  mutating func add(_ other: CELRegexCharacterClass) {
    ranges += other.isNegated ? Self.complement(of: other.ranges) : other.ranges
    properties += other.properties
  }

  /// Adds the scalars of a Unicode property.
  mutating func add(_ property: CELRegexUnicodeProperty) {
    properties.append(property)
  }

  /// Sorts and merges the ranges and tabulates the ASCII scalars; call once all is added.
  mutating func finish() {
    ranges.sort { $0.lowerBound < $1.lowerBound }
    var merged: [ClosedRange<UInt32>] = []
    for range in ranges {
      if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
        merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    ranges = merged
    ascii = (0, 0)
    for value in UInt32(0)..<0x80 where includes(value) {
      if value < 64 { ascii.0 |= 1 << UInt64(value) } else { ascii.1 |= 1 << UInt64(value - 64) }
    }
  }

  /// Whether `scalar` is in the class.
  func contains(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80 ? containsASCII(scalar.value) : includes(scalar.value)
  }

  /// Whether the ASCII scalar `value` is in the class (after `finish()`).
  func containsASCII(_ value: UInt32) -> Bool {
    value < 64 ? ascii.0 >> UInt64(value) & 1 == 1 : ascii.1 >> UInt64(value - 64) & 1 == 1
  }

  /// Membership worked out in full: the members, then the case variants, then negation.
  private func includes(_ value: UInt32) -> Bool {
    guard let scalar = Unicode.Scalar(value) else { return isNegated }
    var found = isMember(scalar)
    if !found, foldsCase {
      found = CELRegexCaseFolding.variants(of: scalar).contains { isMember($0) }
    }
    return found != isNegated
  }

  private func isMember(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    var low = 0
    var high = ranges.count
    while low < high {
      let middle = (low + high) / 2
      if ranges[middle].upperBound < value {
        low = middle + 1
      } else {
        high = middle
      }
    }
    if low < ranges.count, ranges[low].contains(value) { return true }
    return properties.contains { $0.contains(scalar) }
  }

  /// The scalars (0...0x10FFFF) not in `ranges`, which must be sorted and merged.
  static func complement(of ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
    var result: [ClosedRange<UInt32>] = []
    var next: UInt32 = 0
    for range in ranges {
      if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
      next = range.upperBound + 1
    }
    if next <= 0x10FFFF { result.append(next...0x10FFFF) }
    return result
  }

  static func == (left: Self, right: Self) -> Bool {
    left.ranges == right.ranges && left.properties == right.properties && left.isNegated == right.isNegated
      && left.foldsCase == right.foldsCase
  }
}

extension CELRegexCharacterClass {
  /// `\d`: ASCII digits, as in RE2.
  static let perlDigit = CELRegexCharacterClass([0x30...0x39])
  /// `\s`: tab, line feed, form feed, carriage return and space (RE2 leaves out the vertical tab).
  static let perlSpace = CELRegexCharacterClass([0x09...0x0A, 0x0C...0x0D, 0x20...0x20])
  /// `\w`: ASCII letters, digits and `_`.
  static let perlWord = CELRegexCharacterClass([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])

  /// The class of `\d`, `\s`, `\w` and their negations `\D`, `\S`, `\W`, by the letter after `\`.
  static func perl(_ letter: Unicode.Scalar) -> CELRegexCharacterClass? {
    var base: CELRegexCharacterClass
    switch letter {
    case "d", "D": base = perlDigit
    case "s", "S": base = perlSpace
    case "w", "W": base = perlWord
    default: return nil
    }
    if letter.properties.isUppercase {
      base.isNegated = true
      base.finish()
    }
    return base
  }

  /// A POSIX class by name, as written inside brackets (`[[:alpha:]]`); ASCII only, as in RE2.
  static func posix(_ name: String) -> CELRegexCharacterClass? {
    let ranges: [ClosedRange<UInt32>]
    switch name {
    case "alnum": ranges = [0x30...0x39, 0x41...0x5A, 0x61...0x7A]
    case "alpha": ranges = [0x41...0x5A, 0x61...0x7A]
    case "ascii": ranges = [0x00...0x7F]
    case "blank": ranges = [0x09...0x09, 0x20...0x20]
    case "cntrl": ranges = [0x00...0x1F, 0x7F...0x7F]
    case "digit": ranges = [0x30...0x39]
    case "graph": ranges = [0x21...0x7E]
    case "lower": ranges = [0x61...0x7A]
    case "print": ranges = [0x20...0x7E]
    case "punct": ranges = [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E]
    case "space": ranges = [0x09...0x0D, 0x20...0x20]
    case "upper": ranges = [0x41...0x5A]
    case "word": ranges = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
    case "xdigit": ranges = [0x30...0x39, 0x41...0x46, 0x61...0x66]
    default: return nil
    }
    return CELRegexCharacterClass(ranges)
  }
}
