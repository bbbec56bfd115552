import StructuredData
import WaymarkModel

/// `api/build.json`: the Waymark version, the build's `now`, every input with its SHA-256, counts,
/// and every diagnostic in `waymark check --format json`'s shape.
public struct BuildManifest: Sendable {
  /// One input file.
  public struct Input: Sendable {
    /// The path relative to the site root.
    public var path: String
    /// The lowercase hex SHA-256 of the bytes.
    public var sha256: String
    /// The file's size.
    public var byteCount: Int
    /// The stage that read it (`config`, `catalog`, …).
    public var stage: String

    /// Creates an input record.
    public init(file: SourceFile, stage: String) {
      self.init(path: file.path, sha256: file.sha256, byteCount: file.bytes.count, stage: stage)
    }

    /// Creates an input record for a file that was streamed rather than held (event exports).
    public init(path: String, sha256: String, byteCount: Int, stage: String) {
      self.path = path
      self.sha256 = sha256
      self.byteCount = byteCount
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
  /// The diagnostics: their counts, and every one of them (the terminal may shorten the list).
  public var diagnostics: DiagnosticList
  /// How many warnings and notes `diagnostics.ignore` left out.
  public var silenced = 0

  /// The manifest as JSON; inputs sorted by path.
  public var value: JSONValue {
    [
      "generator": "waymark",
      "version": .string(WaymarkVersion.current),
      "asOf": .string(now.description),
      "asOfSource": .string(nowSource.rawValue),
      "clock": ["asOf": .string(now.description), "source": .string(nowSource.name)],
      "inputs": .array(
        inputs.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }.map { input in
          [
            "path": .string(input.path), "sha256": .string(input.sha256), "stage": .string(input.stage),
            "bytes": .int(Int64(input.byteCount)),
          ]
        }),
      "counts": .object(counts),
      "diagnostics": [
        "errors": .int(Int64(diagnostics.errorCount)), "warnings": .int(Int64(diagnostics.warningCount)),
        "notes": .int(Int64(diagnostics.items.count - diagnostics.errorCount - diagnostics.warningCount)),
        "silenced": .int(Int64(silenced)), "items": .array(diagnostics.items.map(DiagnosticFormat.jsonValue)),
      ],
    ]
  }

  /// Creates a value from each stored property.
  package init(
    now: Timestamp, nowSource: BuildClock.Source, inputs: [Input], counts: [String: JSONValue],
    diagnostics: DiagnosticList
  ) {
    self.now = now
    self.nowSource = nowSource
    self.inputs = inputs
    self.counts = counts
    self.diagnostics = diagnostics
  }
}
