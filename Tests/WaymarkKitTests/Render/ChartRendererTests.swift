import Testing
import WaymarkRendering
import WaymarkTestSupport

@Suite struct ChartRendererTests {
  @Test func sparklineScalesToItsBoxAndLeavesGaps() {
    let svg = SparklineRenderer(width: 100, height: 20).svg([1, 3, nil, 2, 5], label: "Deploys per week")
    #expect(
      svg
        == "<svg class=\"sparkline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"20\" viewBox=\"0 0 100 20\" role=\"img\" aria-label=\"Deploys per week\"><title>Deploys per week</title><polyline points=\"0,18 25,10\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/><polyline points=\"75,14 100,2\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/></svg>"
    )
  }

  @Test func emptySeriesDrawAFlatLine() {
    #expect(
      SparklineRenderer(width: 10, height: 4).svg([nil, nil], label: "x").hasSuffix(
        "<line x1=\"0\" y1=\"2\" x2=\"10\" y2=\"2\" class=\"sparkline-empty\"/></svg>"))
  }

  @Test func barAndLineChartsAreStable() {
    let bars = BarChartRenderer(width: 300).svg(
      [.init(label: "gold", value: 3, style: "level-gold"), .init(label: "<none>", value: 1)], label: "Levels & more")
    assertGolden(bars, named: "bar-chart.svg")
    let lines = LineChartRenderer(width: 400, height: 160).svg(
      [.init(name: "Deploys", values: [1, 4, nil, 7]), .init(name: "Failures", values: [0, 1, 0, 2])],
      xLabels: ["W1", "W2", "W3", "W4"], label: "Weekly deploys")
    assertGolden(lines, named: "line-chart.svg")
  }

  @Test func axisTopsAreRoundNumbers() {
    #expect([0.3, 1, 7, 12, 180, 501].map(LineChartRenderer.niceMaximum) == [0.5, 1, 10, 20, 200, 1000])
  }
}
