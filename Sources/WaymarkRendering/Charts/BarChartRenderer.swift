/// Draws a labelled horizontal bar chart (e.g. entities per level) as SVG with axis and values.
public struct BarChartRenderer: Sendable {
  /// One bar.
  public struct Bar: Sendable, Hashable {
    /// The category label.
    public var label: String
    /// The bar's value (non-negative).
    public var value: Double
    /// A CSS class for colouring (e.g. `level-gold`).
    public var style: String

    /// Creates a bar.
    public init(label: String, value: Double, style: String = "") {
      self.label = label
      self.value = value
      self.style = style
    }
  }

  /// The drawing's width.
  public var width: Double

  /// Creates a renderer.
  public init(width: Double = 360) {
    self.width = width
  }

  /// The SVG for `bars`, titled `label` for screen readers.
  public func svg(_ bars: [Bar], label: String) -> String {
    let rowHeight = 22.0
    let labelWidth = min(width * 0.4, max(40, bars.map { SVGFormat.textWidth($0.label, fontSize: 12) }.max() ?? 40) + 8)
    let valueWidth = 40.0
    let plot = max(10, width - labelWidth - valueWidth)
    let height = Double(bars.count) * rowHeight + 4
    let maximum = max(1, bars.map(\.value).max() ?? 1)
    let title = SVGFormat.escape(label)
    var out =
      "<svg class=\"bar-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGFormat.number(width))\" height=\"\(SVGFormat.number(height))\" viewBox=\"0 0 \(SVGFormat.number(width)) \(SVGFormat.number(height))\" role=\"img\" aria-label=\"\(title)\"><title>\(title)</title>"
    out +=
      "<line x1=\"\(SVGFormat.number(labelWidth))\" y1=\"0\" x2=\"\(SVGFormat.number(labelWidth))\" y2=\"\(SVGFormat.number(height))\" class=\"axis\"/>"
    for (index, bar) in bars.enumerated() {
      let y = Double(index) * rowHeight + 2
      let length = max(0, bar.value) / maximum * plot
      out +=
        "<text x=\"\(SVGFormat.number(labelWidth - 6))\" y=\"\(SVGFormat.number(y + 15))\" text-anchor=\"end\" font-size=\"12\">\(SVGFormat.escape(bar.label))</text>"
      out +=
        "<rect x=\"\(SVGFormat.number(labelWidth))\" y=\"\(SVGFormat.number(y + 3))\" width=\"\(SVGFormat.number(length))\" height=\"16\" class=\"bar \(SVGFormat.escape(bar.style))\"/>"
      out +=
        "<text x=\"\(SVGFormat.number(labelWidth + length + 4))\" y=\"\(SVGFormat.number(y + 15))\" font-size=\"12\">\(SVGFormat.number(bar.value))</text>"
    }
    return out + "</svg>"
  }
}
