import WaymarkModel

/// Lays out an `EntityGraph` in columns and draws it as SVG, every node a link to its page.
///
/// Columns are as wide as their longest label, rows are a fixed height, and nodes within a
/// column are ordered by (kind, name), so labels never overlap and the drawing is deterministic.
public struct GraphSVGRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  package static let fontSize = 12.0
  package static let rowHeight = 40.0
  package static let nodeHeight = 26.0
  package static let columnGap = 56.0
  package static let padding = 10.0

  /// The SVG for `graph`; `link` gives each node's URL; `label` titles the drawing.
  public func svg(_ graph: EntityGraph, link: (EntityRef) -> String, label: String) -> String {
    let layers = Array(Set(graph.nodes.map(\.layer))).sorted()
    var columnX: [Int: Double] = [:]
    var columnWidth: [Int: Double] = [:]
    var x = Self.padding
    for layer in layers {
      let labels = graph.nodes.filter { $0.layer == layer }.map { Self.caption($0) }
      let width = (labels.map { SVGFormat.textWidth($0, fontSize: Self.fontSize) }.max() ?? 40) + 2 * Self.padding
      columnX[layer] = x
      columnWidth[layer] = width
      x += width + Self.columnGap
    }
    var position: [EntityRef: (x: Double, y: Double, width: Double)] = [:]
    var tallest = 0
    for layer in layers {
      let column = graph.nodes.filter { $0.layer == layer }
      tallest = max(tallest, column.count)
      for (row, node) in column.enumerated() {
        position[node.ref] = (columnX[layer] ?? 0, Self.padding + Double(row) * Self.rowHeight, columnWidth[layer] ?? 0)
      }
    }
    let width = max(x - Self.columnGap + Self.padding, 60)
    let height = Double(max(1, tallest)) * Self.rowHeight + Self.padding
    let title = SVGFormat.escape(label)
    var out =
      "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGFormat.number(width))\" height=\"\(SVGFormat.number(height))\" viewBox=\"0 0 \(SVGFormat.number(width)) \(SVGFormat.number(height))\" role=\"img\" aria-label=\"\(title)\"><title>\(title)</title>"
    out +=
      "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>"
    for edge in graph.edges {
      guard let from = position[edge.from], let to = position[edge.to] else { continue }
      let forward = from.x < to.x
      let startX = forward ? from.x + from.width : from.x
      let endX = forward ? to.x : to.x + to.width
      let startY = from.y + Self.nodeHeight / 2
      let endY = to.y + Self.nodeHeight / 2
      let bend = max(20, abs(endX - startX) / 2)
      let c1 = forward ? startX + bend : startX - bend
      let c2 = forward ? endX - bend : endX + bend
      out +=
        "<path d=\"M\(SVGFormat.number(startX)),\(SVGFormat.number(startY)) C\(SVGFormat.number(c1)),\(SVGFormat.number(startY)) \(SVGFormat.number(c2)),\(SVGFormat.number(endY)) \(SVGFormat.number(endX)),\(SVGFormat.number(endY))\" class=\"edge\" marker-end=\"url(#arrow)\"/>"
    }
    for node in graph.nodes {
      guard let place = position[node.ref] else { continue }
      let css = "node kind-\(SitePaths.safeSegment(node.ref.kind))" + (node.isCentre ? " centre" : "")
      out +=
        "<a href=\"\(SVGFormat.escape(link(node.ref)))\"><rect x=\"\(SVGFormat.number(place.x))\" y=\"\(SVGFormat.number(place.y))\" width=\"\(SVGFormat.number(place.width))\" height=\"\(SVGFormat.number(Self.nodeHeight))\" rx=\"4\" class=\"\(css)\"/>"
      out +=
        "<text x=\"\(SVGFormat.number(place.x + Self.padding))\" y=\"\(SVGFormat.number(place.y + 17))\" font-size=\"\(SVGFormat.number(Self.fontSize))\">\(SVGFormat.escape(Self.caption(node)))</text></a>"
    }
    return out + "</svg>"
  }

  /// A node's caption: its kind and title, e.g. `API · Payments v2`.
  package static func caption(_ node: EntityGraph.Node) -> String {
    "\(node.ref.kind) · \(node.label)"
  }
}
