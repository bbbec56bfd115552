/// A Unicode property class of a pattern, `\pL` or `\p{Lu}` (negated: `\PL`, `\p{^Lu}`): a
/// general category, a group of them, or `Any`.
///
/// Scripts (`\p{Greek}`) are not offered: the standard library does not expose them, and a
/// pattern using one is a compile error rather than silently matching nothing.
struct CELRegexUnicodeProperty: Sendable, Equatable {
  /// The categories matched; nil for `Any`.
  var categories: Set<Unicode.GeneralCategory>?
  /// Whether the property is negated.
  var isNegated: Bool

  /// Whether `scalar` has the property.
  func contains(_ scalar: Unicode.Scalar) -> Bool {
    (categories.map { $0.contains(scalar.properties.generalCategory) } ?? true) != isNegated
  }

  /// The property called `name` (`L`, `Lu`, `Any`), or nil when there is none by that name.
  static func named(_ name: String, negated: Bool) -> CELRegexUnicodeProperty? {
    if name == "Any" { return CELRegexUnicodeProperty(categories: nil, isNegated: negated) }
    if let group = groups[name] { return CELRegexUnicodeProperty(categories: Set(group), isNegated: negated) }
    if let category = categories[name] { return CELRegexUnicodeProperty(categories: [category], isNegated: negated) }
    return nil
  }

  private static let categories: [String: Unicode.GeneralCategory] = [
    "Lu": .uppercaseLetter, "Ll": .lowercaseLetter, "Lt": .titlecaseLetter, "Lm": .modifierLetter,
    "Lo": .otherLetter, "Mn": .nonspacingMark, "Mc": .spacingMark, "Me": .enclosingMark,
    "Nd": .decimalNumber, "Nl": .letterNumber, "No": .otherNumber, "Pc": .connectorPunctuation,
    "Pd": .dashPunctuation, "Ps": .openPunctuation, "Pe": .closePunctuation, "Pi": .initialPunctuation,
    "Pf": .finalPunctuation, "Po": .otherPunctuation, "Sm": .mathSymbol, "Sc": .currencySymbol,
    "Sk": .modifierSymbol, "So": .otherSymbol, "Zs": .spaceSeparator, "Zl": .lineSeparator,
    "Zp": .paragraphSeparator, "Cc": .control, "Cf": .format, "Cs": .surrogate, "Co": .privateUse,
    "Cn": .unassigned,
  ]

  /// One-letter names: every two-letter category that starts with the letter.
  private static let groups: [String: [Unicode.GeneralCategory]] = {
    var groups: [String: [Unicode.GeneralCategory]] = [:]
    for (name, category) in categories { groups[String(name.prefix(1)), default: []].append(category) }
    return groups
  }()
}
