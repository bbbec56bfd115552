/// The changes of one burst of saves, delivered once no more came for the settle time.
public struct WatchBatch: Sendable, Equatable {
  /// The changed paths, root-relative and sorted; `""` when the watcher lost track (an overflow)
  /// and anything may have changed.
  public var paths: [String]
  /// When the first change of the burst was seen.
  public var firstChange: ContinuousClock.Instant

  /// Creates a batch.
  public init(paths: [String], firstChange: ContinuousClock.Instant) {
    self.paths = paths
    self.firstChange = firstChange
  }
}
