/// Writes doubles the way cel-go's `string(double)` does (Go's `%g` with the shortest digits).
enum CELNumberFormatter {
  /// `123.456`, `-0.0045`, `1`, `1e+06`, `1.5e-07`, `NaN`, `+Inf`, `-0`.
  static func shortest(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
    if value == 0 { return value.sign == .minus ? "-0" : "0" }
    let (digits, exponent) = decompose(value.magnitude)
    let sign = value < 0 ? "-" : ""
    // strconv.FormatFloat(v, 'g', -1, 64) uses exponent form below 1e-4 and from 1e6.
    if exponent < -4 || exponent >= 6 {
      var mantissa = String(digits.first ?? "0")
      if digits.count > 1 { mantissa += "." + digits.dropFirst() }
      let exponentText = (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
      return sign + mantissa + "e" + exponentText
    }
    if exponent < 0 {
      return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
    }
    if digits.count <= exponent + 1 {
      return sign + digits + String(repeating: "0", count: exponent + 1 - digits.count)
    }
    let split = digits.index(digits.startIndex, offsetBy: exponent + 1)
    return sign + digits[..<split] + "." + digits[split...]
  }

  /// The shortest round-tripping significant digits and the decimal exponent of the first digit.
  static func decompose(_ magnitude: Double) -> (digits: String, exponent: Int) {
    let text = "\(magnitude)"
    var mantissa = Substring(text)
    var exponent = 0
    if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[..<marker]
      exponent = Int(text[text.index(after: marker)...]) ?? 0
    }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let integerPart = String(parts[0])
    let fractionPart = parts.count > 1 ? String(parts[1]) : ""
    var digits = integerPart + fractionPart
    var pointPosition = integerPart.count + exponent
    while digits.hasPrefix("0") && digits.count > 1 {
      digits.removeFirst()
      pointPosition -= 1
    }
    while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
    return (digits, pointPosition - 1)
  }
}
