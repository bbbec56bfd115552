import WaymarkModel
import WaymarkRendering
import WaymarkSecrets

extension SecretGuard {
  /// `secrets.in-output` errors for credentials in `files` (the rendered site, paths included)
  /// that no input scanned by this outcome's `check` holds literally; `outputFolder` names the
  /// output folder in locations.
  package static func outputDiagnostics(for files: [OutputFile], after outcome: Outcome, outputFolder: String) -> [Diagnostic] {
    RenderedSecretScan(judged: outcome.judged, outputFolder: outputFolder).diagnostics(for: files)
  }
}
