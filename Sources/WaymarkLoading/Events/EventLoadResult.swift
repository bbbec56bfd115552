import StructuredData
import WaymarkModel

/// What reading the event exports gave: deduplicated events, the files read, counts, problems.
public struct EventLoadResult: Sendable {
  /// One export file, for `api/build.json`'s inputs.
  public struct File: Sendable, Hashable {
    /// The path relative to the site root.
    public var path: String
    /// The lowercase hex SHA-256 of its bytes.
    public var sha256: String
    /// Its size.
    public var byteCount: Int
    /// Its newest event timestamp (used or ignored events), for the stale-export check.
    public var newest: Timestamp?
  }

  /// The events, each (source, id) once, in file and line order.
  public var events: [DeliveryEvent] = []
  /// The ticket events (CDEvents `ticket.*`), each (source, id) once, in file and line order.
  public var tickets: [TicketEvent] = []
  /// Delivery rollup rows (`inputs.rollups`), in file and line order.
  public var rollups: [DeliveryRollup] = []
  /// The files read (event exports and rollups), sorted by path.
  public var files: [File] = []
  /// Malformed records, unreadable files, and (with `--strict`) unknown types.
  public var diagnostics: [Diagnostic] = []
  /// Records read (lines or array elements), whatever became of them.
  public var records = 0
  /// Records that were a second copy of an event already read.
  public var duplicates = 0
  /// Records of known types the metrics do not use (tests, approvals, feature-branch pushes, …).
  public var ignored = 0
  /// Records that could not be read as an event.
  public var malformed = 0
  /// Records of unknown event types, by type.
  public var unknownTypes: [String: Int] = [:]
  /// The newest event timestamp: the build's "now" when neither `--as-of` nor `asOf` is set.
  public var newest: Timestamp?
  /// The counts of a summary read from the build cache, which holds no records; nil otherwise.
  public var storedCounts: JSONValue?

  /// How many events, tickets and rollup rows were read, once `droppingRecords()` has let them go.
  private var droppedCounts: (events: Int, tickets: Int, rollups: Int)?

  /// Creates an empty result.
  public init() {}

  /// This result without its events, tickets and rollup rows (millions of values at scale), for
  /// once the metrics are computed; its `counts` stay those of what was read.
  public func droppingRecords() -> EventLoadResult {
    var result = self
    result.droppedCounts = droppedCounts ?? (events.count, tickets.count, rollups.count)
    (result.events, result.tickets, result.rollups) = ([], [], [])
    return result
  }

  /// The counts for `api/build.json`'s `counts.events`.
  public var counts: JSONValue {
    if let storedCounts { return storedCounts }
    let read = droppedCounts ?? (events.count, tickets.count, rollups.count)
    return [
      "files": .int(Int64(files.count)), "records": .int(Int64(records)), "events": .int(Int64(read.events)),
      "tickets": .int(Int64(read.tickets)), "rollups": .int(Int64(read.rollups)),
      "duplicates": .int(Int64(duplicates)), "ignored": .int(Int64(ignored)), "malformed": .int(Int64(malformed)),
      "unknownTypes": .object(unknownTypes.mapValues { .int(Int64($0)) }),
    ]
  }
}
