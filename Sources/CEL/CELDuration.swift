/// A signed span of time (`google.protobuf.Duration`), in nanoseconds.
///
/// Like cel-go, the range is that of a 64-bit count of nanoseconds (about ±292 years); results
/// outside it are range errors.
public struct CELDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The length in nanoseconds.
  public let nanoseconds: Int64

  /// A duration of `nanoseconds`.
  public init(nanoseconds: Int64) {
    self.nanoseconds = nanoseconds
  }

  /// A duration of whole seconds, or nil when it does not fit.
  public init?(seconds: Int64) {
    let (value, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    guard !overflow else { return nil }
    self.nanoseconds = value
  }

  /// Parses Go-style duration text: an optional sign, then decimal numbers with units
  /// `h m s ms us µs ns` (`1h30m`, `-1.5h`, `123.321456789s`, `0`).
  public init?(parsing text: String) {
    var scalars = Substring(text).unicodeScalars[...]
    var negative = false
    if let first = scalars.first, first == "-" || first == "+" {
      negative = first == "-"
      scalars = scalars.dropFirst()
    }
    if String(scalars) == "0" {
      self.nanoseconds = 0
      return
    }
    guard !scalars.isEmpty else { return nil }
    var total: Int64 = 0
    while !scalars.isEmpty {
      let whole = scalars.prefix { $0.properties.numericType != nil && $0.isASCII }
      scalars = scalars.dropFirst(whole.count)
      var fraction = Substring.UnicodeScalarView()
      if scalars.first == "." {
        scalars = scalars.dropFirst()
        fraction = scalars.prefix { $0.properties.numericType != nil && $0.isASCII }
        scalars = scalars.dropFirst(fraction.count)
      }
      guard !whole.isEmpty || !fraction.isEmpty else { return nil }
      let unitText = scalars.prefix { !($0.isASCII && ($0.properties.numericType != nil || $0 == ".")) }
      scalars = scalars.dropFirst(unitText.count)
      guard let unit = Self.unitNanoseconds[String(unitText)],
        let amount = Self.amount(whole: String(whole), fraction: String(fraction), unit: unit)
      else { return nil }
      let (sum, overflow) = total.addingReportingOverflow(amount)
      guard !overflow else { return nil }
      total = sum
    }
    self.nanoseconds = negative ? -total : total
  }

  private static let unitNanoseconds: [String: Int64] = [
    "ns": 1, "us": 1_000, "µs": 1_000, "μs": 1_000, "ms": 1_000_000, "s": 1_000_000_000,
    "m": 60_000_000_000, "h": 3_600_000_000_000,
  ]

  private static func amount(whole: String, fraction: String, unit: Int64) -> Int64? {
    let wholeValue = whole.isEmpty ? 0 : Int64(whole)
    guard let wholeValue else { return nil }
    let (scaled, overflow) = wholeValue.multipliedReportingOverflow(by: unit)
    guard !overflow else { return nil }
    var fractionNanos: Int64 = 0
    var scale = unit
    for digit in fraction.utf8 {
      scale /= 10
      if scale == 0 { break }
      fractionNanos += Int64(digit - UInt8(ascii: "0")) * scale
    }
    let (sum, sumOverflow) = scaled.addingReportingOverflow(fractionNanos)
    return sumOverflow ? nil : sum
  }

  /// Seconds with as many fraction digits as needed (`60.001s`, `-1.5s`, `0s`).
  public var description: String {
    let magnitude = nanoseconds.magnitude
    var text = nanoseconds < 0 ? "-" : ""
    text += String(magnitude / 1_000_000_000)
    return text + CELTimestamp.fraction(Int64(magnitude % 1_000_000_000)) + "s"
  }

  /// Shorter durations order first.
  public static func < (lhs: CELDuration, rhs: CELDuration) -> Bool {
    lhs.nanoseconds < rhs.nanoseconds
  }
}
