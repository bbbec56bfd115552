/// Draws a small inline line chart of a series (e.g. weekly deployments over 90 days) as SVG.
public struct SparklineRenderer: Sendable {
  /// The drawing's width in pixels.
  public var width: Double
  /// The drawing's height in pixels.
  public var height: Double

  /// Creates a renderer.
  public init(width: Double = 120, height: Double = 28) {
    self.width = width
    self.height = height
  }

  /// The SVG for `values` (nil entries are gaps); `label` names it for screen readers.
  public func svg(_ values: [Double?], label: String) -> String {
    let known = values.compactMap { $0 }
    let title = SVGFormat.escape(label)
    var out =
      "<svg class=\"sparkline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGFormat.number(width))\" height=\"\(SVGFormat.number(height))\" viewBox=\"0 0 \(SVGFormat.number(width)) \(SVGFormat.number(height))\" role=\"img\" aria-label=\"\(title)\"><title>\(title)</title>"
    guard values.count > 1, let low = known.min(), let high = known.max() else {
      return out
        + "<line x1=\"0\" y1=\"\(SVGFormat.number(height / 2))\" x2=\"\(SVGFormat.number(width))\" y2=\"\(SVGFormat.number(height / 2))\" class=\"sparkline-empty\"/></svg>"
    }
    let span = high - low
    let step = width / Double(values.count - 1)
    var segments: [[String]] = [[]]
    for (index, value) in values.enumerated() {
      guard let value else {
        if !(segments.last?.isEmpty ?? true) { segments.append([]) }
        continue
      }
      let y = span == 0 ? height / 2 : (height - 2) - (value - low) / span * (height - 4)
      segments[segments.count - 1].append("\(SVGFormat.number(Double(index) * step)),\(SVGFormat.number(y))")
    }
    for segment in segments where !segment.isEmpty {
      out +=
        "<polyline points=\"\(segment.joined(separator: " "))\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/>"
    }
    return out + "</svg>"
  }
}
