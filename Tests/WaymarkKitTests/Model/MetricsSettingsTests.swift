import StructuredData
import Testing
import WaymarkLoading
import WaymarkModel

@Suite struct MetricsSettingsTests {
  func parse(_ text: String) -> (SiteConfig, String) {
    let (config, diagnostics) = SiteConfigLoader().parse(SourceFile(path: "waymark.yaml", bytes: Array(text.utf8)))
    return (config, DiagnosticFormat.text.format(DiagnosticList(diagnostics)))
  }

  @Test func readsTheMetricsSettings() {
    let (config, diagnostics) = parse(
      "metrics:\n  bands: dora-2024\n  windowDays: 30\n  productionEnvironments: [live, prod-eu]\n")
    #expect(diagnostics == "")
    #expect(config.metrics.bands == .dora2024)
    #expect(config.metrics.windowDays == 30)
    #expect(config.metrics.isProduction("PROD-EU"))
    #expect(!config.metrics.isProduction("production"))
    #expect(SiteConfig().metrics.isProduction("production") && SiteConfig().metrics.windowDays == 90)
  }

  @Test func badMetricsSettingsAreLocated() {
    let (_, diagnostics) = parse("metrics:\n  bands: dora-2032\n  windowDays: soon\n  window: 3\n")
    #expect(
      diagnostics
        == "waymark.yaml:2:10: error: metrics.bands 'dora-2032' is not a known report; did you mean 'dora-2023'? (known: dora-2023, dora-2024) [config.bad-value]\n"
        + "waymark.yaml:3:15: error: metrics.windowDays must be a whole number of days from 1 to 3660, not 'soon' [config.bad-value]\n"
        + "waymark.yaml:4:3: error: unknown key 'metrics.window' [config.unknown-key]\n")
  }
}
