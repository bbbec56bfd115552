import WaymarkModel

/// Number and text formatting for generated SVG: fixed precision so output is byte-stable.
package enum SVGFormat {
  /// A coordinate with at most one decimal, without a trailing `.0`.
  package static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = (value * 10).rounded()
    if tenths == tenths.rounded(.towardZero), Int64(tenths) % 10 == 0 { return String(Int64(tenths) / 10) }
    let sign = tenths < 0 ? "-" : ""
    let magnitude = Int64(abs(tenths))
    return "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }

  /// Text escaped for SVG/XML content and attribute values.
  package static func escape(_ text: String) -> String {
    HTMLEscaping.escape(text)
  }

  /// An approximate rendered width of `text` at `fontSize`, for layout without a font engine.
  package static func textWidth(_ text: String, fontSize: Double) -> Double {
    Double(text.count) * fontSize * 0.6
  }
}
