import Foundation
import StructuredData
import WaymarkModel
import YAML

/// Reads the policies folder: `Scorecard`, `Waiver` and `ScorecardTest` documents.
///
/// Structure is checked here (every field's type, unknown keys, required values) with located
/// diagnostics; meaning (levels, references, CEL) is checked when the scorecards compile.
public struct PolicyLoader: Sendable {
  /// The apiVersion every policy document must carry.
  public static let apiVersion = "waymark.dev/v1alpha1"

  /// The site root.
  public let root: URL

  /// Creates a loader.
  public init(root: URL) {
    self.root = root
  }

  /// Loads every `*.yaml`/`*.yml` file under `folder` (root-relative); the files read and problems found.
  public func load(folder: String, files allFiles: [String]) -> (PolicySet, [SourceFile], [Diagnostic]) {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    let paths = allFiles.filter { $0.hasPrefix(prefix) && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
    var diagnostics: [Diagnostic] = []
    var set = PolicySet()
    var files: [SourceFile] = []
    for path in paths {
      switch SourceFile.read(path, under: root) {
      case .failure(let diagnostic): diagnostics.append(diagnostic)
      case .success(let file):
        files.append(file)
        read(file, into: &set, diagnostics: &diagnostics)
      }
    }
    return (PolicySet(scorecards: set.scorecards, waivers: set.waivers, tests: set.tests), files, diagnostics)
  }

  /// Reads one file's documents.
  public func read(_ file: SourceFile, into set: inout PolicySet, diagnostics: inout [Diagnostic]) {
    let stream = YAMLLoader().load(bytes: file.bytes)
    diagnostics += stream.problems.map { Diagnostic(yaml: $0, path: file.path) }
    let lines = String(decoding: file.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for document in stream.documents {
      diagnostics += YAMLConverter().convert(document.root).problems.map { Diagnostic(yaml: $0, path: file.path) }
      let reader = GuardrailFieldReader(node: document.root, path: ValuePath(), file: file.path, lines: lines)
      guard document.root.mapping != nil else {
        diagnostics.append(
          .error(.policyNotAMapping, "a policy document must be a mapping", at: reader.location(document.root.start)))
        continue
      }
      reader.rejectUnknownKeys(allowing: PolicyShapes.document.keys, into: &diagnostics)
      let apiVersion = reader.string("apiVersion", required: true, into: &diagnostics)
      if let apiVersion, apiVersion != Self.apiVersion {
        diagnostics.append(
          .error(
            .policyAPIVersion, "apiVersion '\(apiVersion)' is not supported; use '\(Self.apiVersion)'",
            at: reader.location(document.root["apiVersion"]?.start ?? document.root.start)))
        continue
      }
      guard let kind = reader.string("kind", required: true, into: &diagnostics),
        let metadata = reader.mapping("metadata", into: &diagnostics),
        let name = metadata.string("name", required: true, into: &diagnostics)
      else { continue }
      let spec = reader.mapping("spec", into: &diagnostics)
      guard let spec else {
        diagnostics.append(
          .error(.policyMissingField, "spec must have a value", at: reader.location(document.root.start)))
        continue
      }
      let source = reader.location(document.root.start)
      switch kind {
      case "Scorecard":
        metadata.rejectUnknownKeys(allowing: PolicyShapes.scorecardMetadata.keys, into: &diagnostics)
        if let scorecard = ScorecardReader(spec: spec, metadata: metadata, name: name, source: source).read(
          into: &diagnostics)
        {
          set.scorecards.append(scorecard)
        }
      case "Waiver":
        metadata.rejectUnknownKeys(allowing: PolicyShapes.waiverMetadata.keys, into: &diagnostics)
        if let waiver = ScorecardReader.readWaiver(spec: spec, name: name, source: source, into: &diagnostics) {
          set.waivers.append(waiver)
        }
      case "ScorecardTest":
        metadata.rejectUnknownKeys(allowing: PolicyShapes.testMetadata.keys, into: &diagnostics)
        if let test = ScorecardReader.readTest(spec: spec, name: name, source: source, into: &diagnostics) {
          set.tests.append(test)
        }
      default:
        diagnostics.append(
          .error(
            .policyUnknownKind, "unknown policy kind '\(kind)'; expected Scorecard, Waiver or ScorecardTest",
            at: reader.location(document.root["kind"]?.start ?? document.root.start)))
      }
    }
  }
}
