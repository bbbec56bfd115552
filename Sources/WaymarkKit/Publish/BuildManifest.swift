import StructuredData

/// `api/build.json`: the Waymark version, the build's `now`, every input with its SHA-256, and counts.
public struct BuildManifest: Sendable {
  /// One input file.
  public struct Input: Sendable {
    /// The file.
    public var file: SourceFile
    /// The stage that read it (`config`, `catalog`, …).
    public var stage: String

    /// Creates an input record.
    public init(file: SourceFile, stage: String) {
      self.file = file
      self.stage = stage
    }
  }

  /// The build's "now".
  public var now: Timestamp
  /// Where "now" came from.
  public var nowSource: BuildClock.Source
  /// The inputs read.
  public var inputs: [Input]
  /// Counts per stage.
  public var counts: [String: JSONValue]
  /// The diagnostics, for their counts.
  public var diagnostics: DiagnosticList

  /// The manifest as JSON; inputs sorted by path.
  public var value: JSONValue {
    [
      "generator": "waymark",
      "version": .string(WaymarkVersion.current),
      "asOf": .string(now.description),
      "asOfSource": .string(nowSource.rawValue),
      "inputs": .array(
        inputs.sorted { $0.file.path.utf8.lexicographicallyPrecedes($1.file.path.utf8) }.map { input in
          [
            "path": .string(input.file.path), "sha256": .string(input.file.sha256), "stage": .string(input.stage),
            "bytes": .int(Int64(input.file.bytes.count)),
          ]
        }),
      "counts": .object(counts),
      "diagnostics": ["errors": .int(Int64(diagnostics.errorCount)), "warnings": .int(Int64(diagnostics.warningCount))],
    ]
  }
}
