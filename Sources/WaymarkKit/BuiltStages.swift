import WaymarkCatalog
import WaymarkDelivery
import WaymarkGuardrails
import WaymarkLoading
import WaymarkModel
import WaymarkPublishing
import WaymarkRendering
import WaymarkScorecards
import WaymarkSecrets

/// Every stage's output of one build, handed to rendering and to `api/build.json`.
package struct BuiltStages: Sendable {
  package let inputs: SiteInputs
  package var catalog: CatalogStage.Output
  package var guardrails: GuardrailStage.Output
  package let deliveryStage: DeliveryStage
  package let events: EventLoadResult
  package var docs: DocsSet
  /// The output and layouts folders checked against the docs folders.
  package let placement: [Diagnostic]
  package let delivery: DeliveryMetrics?
  package var scorecards: ScorecardStage.Output
  package let secrets: SecretGuard.Outcome
  package let now: Timestamp
  package let nowSource: BuildClock.Source
  /// `api/build.json`'s inputs, once `releasingInputBytes()` has recorded them.
  package var recordedInputs: [BuildManifest.Input]?
  /// The keys of what the stages produced, for keying pages, when the build keeps a cache.
  package var inputKeys: RenderInputKeys?

  /// Whether the site has event exports (the events' counts are reported only then).
  package var hasEvents: Bool { deliveryStage.hasInputs }

  /// Every stage's diagnostics, in stage order (the list sorts them).
  package var diagnostics: [Diagnostic] {
    inputs.diagnostics + catalog.diagnostics + guardrails.diagnostics + events.diagnostics
      + (delivery?.diagnostics ?? []) + docs.diagnostics + placement + scorecards.diagnostics + secrets.diagnostics
      + clockDiagnostics
  }

  /// No clock at all (`build.no-clock`), and exports that stopped long before "now" (`events.stale-export`).
  package var clockDiagnostics: [Diagnostic] {
    BuildClock.diagnostics(source: nowSource)
      + events.files.compactMap { file in
        file.newest.flatMap { BuildClock.staleExport(path: file.path, newest: $0, now: now) }
      }
  }

  /// What `build` returns once the site is rendered.
  package func result(_ site: PublishableSite, published: Bool) -> BuildResult {
    BuildResult(
      diagnostics: site.diagnostics, files: site.files, fileCount: site.fileCount, published: published,
      output: inputs.output.path, scorecards: scorecards.outcome, now: now, silenced: site.silenced)
  }
}
