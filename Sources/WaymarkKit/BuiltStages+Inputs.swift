import WaymarkModel
import WaymarkPublishing

extension BuiltStages {
  /// `api/build.json`'s inputs: every file the stages read, with its SHA-256 and size, in stage
  /// order (config, catalog, policies, events, docs, policy results).
  package var manifestInputs: [BuildManifest.Input] {
    if let recordedInputs { return recordedInputs }
    return [inputs.configFile].compactMap { $0.map { BuildManifest.Input(file: $0, stage: "config") } }
      + catalog.loaded.files.map { BuildManifest.Input(file: $0, stage: "catalog") }
      + scorecards.files.map { BuildManifest.Input(file: $0, stage: "policies") }
      + events.files.map {
        BuildManifest.Input(path: $0.path, sha256: $0.sha256, byteCount: $0.byteCount, stage: "events")
      }
      + docs.files.map { BuildManifest.Input(file: $0, stage: "docs") }
      + guardrails.files.map { BuildManifest.Input(file: $0, stage: "policy") }
  }

  /// These stages with the bytes of the catalog files, policies, docs files and policy results
  /// let go (a hundred megabytes at scale), once `manifestInputs` has hashed them: the secret
  /// scan is the last reader of the bytes, and rendering needs only what the stages made of them.
  package func releasingInputBytes() -> BuiltStages {
    var stages = self
    stages.recordedInputs = manifestInputs
    func paths(_ files: [SourceFile]) -> [SourceFile] { files.map { SourceFile(path: $0.path, bytes: []) } }
    stages.catalog.loaded.files = paths(catalog.loaded.files)
    stages.scorecards.files = paths(scorecards.files)
    stages.guardrails.files = paths(guardrails.files)
    stages.docs = DocsSet(sites: docs.sites, files: paths(docs.files), diagnostics: docs.diagnostics)
    return stages
  }
}
