/// Draws a line chart of one or more weekly series with axes, ticks and a legend, as SVG.
public struct LineChartRenderer: Sendable {
  /// One named series; nil values are gaps.
  public struct Series: Sendable, Hashable {
    /// The legend label.
    public var name: String
    /// Values, one per x label.
    public var values: [Double?]

    /// Creates a series.
    public init(name: String, values: [Double?]) {
      self.name = name
      self.values = values
    }
  }

  /// The drawing's width.
  public var width: Double
  /// The drawing's height.
  public var height: Double

  /// Creates a renderer.
  public init(width: Double = 560, height: Double = 220) {
    self.width = width
    self.height = height
  }

  /// The SVG for `series` over `xLabels` (e.g. week starts), titled `label`.
  public func svg(_ series: [Series], xLabels: [String], label: String, unit: String = "") -> String {
    let left = 44.0
    let right = 12.0
    let top = 12.0
    let bottom = 40.0
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let values = series.flatMap { $0.values.compactMap { $0 } }
    let maximum = Self.niceMaximum(values.max() ?? 1)
    let count = max(2, xLabels.count)
    let title = SVGFormat.escape(label)
    func x(_ index: Int) -> Double { left + Double(index) / Double(count - 1) * plotWidth }
    func y(_ value: Double) -> Double { top + plotHeight - value / maximum * plotHeight }
    var out =
      "<svg class=\"line-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGFormat.number(width))\" height=\"\(SVGFormat.number(height))\" viewBox=\"0 0 \(SVGFormat.number(width)) \(SVGFormat.number(height))\" role=\"img\" aria-label=\"\(title)\"><title>\(title)</title>"
    for tick in 0...4 {
      let value = maximum * Double(tick) / 4
      out +=
        "<line x1=\"\(SVGFormat.number(left))\" y1=\"\(SVGFormat.number(y(value)))\" x2=\"\(SVGFormat.number(width - right))\" y2=\"\(SVGFormat.number(y(value)))\" class=\"grid\"/>"
      out +=
        "<text x=\"\(SVGFormat.number(left - 6))\" y=\"\(SVGFormat.number(y(value) + 4))\" text-anchor=\"end\" font-size=\"11\">\(SVGFormat.number(value))\(SVGFormat.escape(unit))</text>"
    }
    let every = max(1, xLabels.count / 6)
    for (index, text) in xLabels.enumerated() where index % every == 0 {
      out +=
        "<text x=\"\(SVGFormat.number(x(index)))\" y=\"\(SVGFormat.number(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"11\">\(SVGFormat.escape(text))</text>"
    }
    out +=
      "<line x1=\"\(SVGFormat.number(left))\" y1=\"\(SVGFormat.number(top + plotHeight))\" x2=\"\(SVGFormat.number(width - right))\" y2=\"\(SVGFormat.number(top + plotHeight))\" class=\"axis\"/>"
    for (seriesIndex, line) in series.enumerated() {
      var points: [String] = []
      for (index, value) in line.values.enumerated() {
        guard let value else {
          if !points.isEmpty { out += polyline(points, seriesIndex) }
          points = []
          continue
        }
        points.append("\(SVGFormat.number(x(index))),\(SVGFormat.number(y(value)))")
      }
      if !points.isEmpty { out += polyline(points, seriesIndex) }
      let legendX = left + Double(seriesIndex) * 140
      out +=
        "<rect x=\"\(SVGFormat.number(legendX))\" y=\"\(SVGFormat.number(height - 14))\" width=\"10\" height=\"10\" class=\"series-\(seriesIndex)\"/>"
      out +=
        "<text x=\"\(SVGFormat.number(legendX + 14))\" y=\"\(SVGFormat.number(height - 5))\" font-size=\"11\">\(SVGFormat.escape(line.name))</text>"
    }
    return out + "</svg>"
  }

  private func polyline(_ points: [String], _ index: Int) -> String {
    "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" class=\"series-\(index)\" stroke-width=\"2\"/>"
  }

  /// A round number at or above `value` for the axis top: 1, 2 or 5 × 10ⁿ.
  package static func niceMaximum(_ value: Double) -> Double {
    guard value > 0 else { return 1 }
    var magnitude = 1.0
    while magnitude * 10 <= value { magnitude *= 10 }
    while magnitude > value { magnitude /= 10 }
    for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= value { return factor * magnitude }
    return 10 * magnitude
  }
}
