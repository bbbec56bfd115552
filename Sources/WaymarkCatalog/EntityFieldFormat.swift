import StructuredData

/// Backstage's field-format rules (`KubernetesValidatorFunctions`, `CommonValidatorFunctions` and
/// the tag rule of `makeValidator`), byte for byte: the same character classes and lengths.
///
/// Each rule takes a `JSONValue` because the catalog's YAML may hold a number or boolean where a
/// string belongs (`name: 2001`), which Backstage rejects; checks run on UTF-8 bytes, without
/// regular expressions, because they run for every field of every entity.
public enum EntityFieldFormat {
  /// `[prefix/]suffix`: a DNS-subdomain prefix, and a 1–63 character alphanumeric suffix.
  public static func isValidAPIVersion(_ value: JSONValue) -> Bool {
    guard let text = value.stringValue else { return false }
    let parts = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    switch parts.count {
    case 1: return isAlphanumericSuffix(parts[0])
    case 2: return isDNSSubdomain(parts[0]) && isAlphanumericSuffix(parts[1])
    default: return false
    }
  }

  /// 1–63 characters, `^[a-zA-Z][a-z0-9A-Z]*$`.
  public static func isValidKind(_ value: JSONValue) -> Bool {
    guard let bytes = value.stringValue?.utf8, let first = bytes.first, bytes.count <= 63, isLetter(first) else {
      return false
    }
    return bytes.allSatisfy(isAlphanumeric)
  }

  /// An entity name, label value or (in catalog-model 1.7) link icon: 1–63 characters,
  /// `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`.
  public static func isValidObjectName(_ value: JSONValue) -> Bool {
    guard let text = value.stringValue else { return false }
    return isObjectName(text.utf8[...])
  }

  /// A namespace: a DNS label.
  public static func isValidNamespace(_ value: JSONValue) -> Bool {
    isValidDNSLabel(value)
  }

  /// A label key: `[prefix/]name`, the prefix a DNS subdomain and the name an object name.
  public static func isValidLabelKey(_ value: JSONValue) -> Bool {
    guard let text = value.stringValue else { return false }
    return isPrefixedName(text)
  }

  /// A label value: empty, or an object name.
  public static func isValidLabelValue(_ value: JSONValue) -> Bool {
    guard let text = value.stringValue else { return false }
    return text.isEmpty || isObjectName(text.utf8[...])
  }

  /// An annotation key: the same rule as a label key.
  public static func isValidAnnotationKey(_ value: JSONValue) -> Bool {
    isValidLabelKey(value)
  }

  /// An annotation value: any string; unquoted YAML numbers and booleans are not strings.
  public static func isValidAnnotationValue(_ value: JSONValue) -> Bool {
    value.stringValue != nil
  }

  /// 1–253 characters, every `.`-separated part a DNS label.
  public static func isValidDNSSubdomain(_ value: JSONValue) -> Bool {
    guard let text = value.stringValue else { return false }
    return isDNSSubdomain(text.utf8[...])
  }

  /// 1–63 characters, `^[a-z0-9]+(?:\-+[a-z0-9]+)*$`.
  public static func isValidDNSLabel(_ value: JSONValue) -> Bool {
    guard let text = value.stringValue else { return false }
    return isDNSLabel(text.utf8[...])
  }

  /// A tag: 1–63 characters, `^[a-z0-9:+#]+(\-[a-z0-9:+#]+)*$`; single hyphens only.
  ///
  /// `allowingColon: false` is the deprecated `CommonValidatorFunctions.isValidTag`; the
  /// catalog's own rule (`makeValidator`) allows `:` so tags like `k8s:prod` are valid.
  public static func isValidTag(_ value: JSONValue, allowingColon: Bool = true) -> Bool {
    guard let bytes = value.stringValue?.utf8, !bytes.isEmpty, bytes.count <= 63 else { return false }
    var previousWasHyphen = true
    for byte in bytes {
      if byte == UInt8(ascii: "-") {
        if previousWasHyphen { return false }
        previousWasHyphen = true
        continue
      }
      let allowed =
        isLowercaseAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "#")
        || (allowingColon && byte == UInt8(ascii: ":"))
      guard allowed else { return false }
      previousWasHyphen = false
    }
    return !previousWasHyphen
  }

  /// What `new URL(value)` accepts: an absolute URL with a scheme; `http`, `https`, `ftp`,
  /// `ws`, `wss` and `file` need a host, as in the WHATWG URL standard.
  public static func isValidURL(_ value: JSONValue) -> Bool {
    guard let text = value.stringValue else { return false }
    // WHATWG strips leading and trailing C0 controls and spaces before parsing.
    var bytes = text.utf8[...]
    while let first = bytes.first, first <= 0x20 { bytes = bytes.dropFirst() }
    while let last = bytes.last, last <= 0x20 { bytes = bytes.dropLast() }
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), let first = bytes.first, isLetter(first) else {
      return false
    }
    let scheme = bytes[..<colon]
    let schemeIsValid = scheme.allSatisfy { byte in
      isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
    guard schemeIsValid else { return false }
    let lowercasedScheme = String(decoding: scheme, as: UTF8.self).lowercased()
    guard ["http", "https", "ftp", "ws", "wss"].contains(lowercasedScheme) else { return true }
    var rest = bytes[bytes.index(after: colon)...]
    while let slash = rest.first, slash == UInt8(ascii: "/") || slash == UInt8(ascii: "\\") { rest = rest.dropFirst() }
    let host = rest.prefix { byte in
      byte != UInt8(ascii: "/") && byte != UInt8(ascii: "?") && byte != UInt8(ascii: "#") && byte != UInt8(ascii: ":")
    }
    return !host.isEmpty && !host.contains(UInt8(ascii: " "))
  }

  /// A string whose trimmed form is not empty (link titles).
  public static func isNonEmptyString(_ value: JSONValue) -> Bool {
    guard let text = value.stringValue else { return false }
    return text.contains { !$0.isWhitespace }
  }

  // MARK: - Byte-level rules

  package static func isPrefixedName(_ text: String) -> Bool {
    let parts = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    switch parts.count {
    case 1: return isObjectName(parts[0])
    case 2: return isDNSSubdomain(parts[0]) && isObjectName(parts[1])
    default: return false
    }
  }

  package static func isObjectName(_ bytes: Substring.UTF8View) -> Bool {
    guard let first = bytes.first, let last = bytes.last, bytes.count <= 63, isAlphanumeric(first), isAlphanumeric(last)
    else { return false }
    return bytes.allSatisfy {
      isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
    }
  }

  package static func isDNSLabel(_ bytes: Substring.UTF8View) -> Bool {
    guard let first = bytes.first, let last = bytes.last, bytes.count <= 63, isLowercaseAlphanumeric(first),
      isLowercaseAlphanumeric(last)
    else { return false }
    return bytes.allSatisfy { isLowercaseAlphanumeric($0) || $0 == UInt8(ascii: "-") }
  }

  package static func isDNSSubdomain(_ bytes: Substring.UTF8View) -> Bool {
    guard !bytes.isEmpty, bytes.count <= 253 else { return false }
    return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy(isDNSLabel)
  }

  private static func isAlphanumericSuffix(_ bytes: Substring.UTF8View) -> Bool {
    !bytes.isEmpty && bytes.count <= 63 && bytes.allSatisfy(isAlphanumeric)
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  private static func isLowercaseAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }
}
