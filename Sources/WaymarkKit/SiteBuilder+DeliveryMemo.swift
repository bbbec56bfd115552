import Foundation
import WaymarkDelivery
import WaymarkLoading
import WaymarkModel

extension SiteBuilder {
  /// The event exports as loaded, or, when the build cache holds a load of the same files
  /// (by digest), its summary: everything but the records, which only the metrics read.
  struct LoadedEvents: Sendable {
    var result: EventLoadResult
    /// Whether `result` holds the records (else it is the cache's summary).
    var hasRecords: Bool
    /// The key of the exports' load, when the cache is kept.
    var key: MemoKey?
  }

  /// The table of event loads and metrics.
  static let deliveryTable = "delivery"

  /// Loads the event exports, or takes the cache's summary of the same files.
  static func loadEvents(_ stage: DeliveryStage, root: URL, memo: inout BuildMemo?) async -> LoadedEvents {
    guard memo != nil, let key = eventsKey(stage, root: root, memo: &memo) else {
      return LoadedEvents(result: await stage.load(), hasRecords: true, key: nil)
    }
    let stored = memo?.table(deliveryTable)
    if var reader = stored?.reader(for: key), let summary = try? reader.value(EventLoadResult.self) {
      return LoadedEvents(result: summary, hasRecords: false, key: key)
    }
    return LoadedEvents(result: await stage.load(), hasRecords: true, key: key)
  }

  /// The metrics of `events`, from the cache when it holds those of the same exports, "now"
  /// and catalog (as the metrics read it: `DeliveryStage.catalogKey`); else computed, reading
  /// the exports again when only their summary was taken. Saves both for the next build.
  static func metrics(
    _ stage: DeliveryStage, events: inout LoadedEvents, catalog: Catalog, now: Timestamp, memo: inout BuildMemo?
  ) async -> (metrics: DeliveryMetrics?, key: MemoKey?) {
    guard stage.hasInputs, let eventsKey = events.key, memo != nil else {
      return (await stage.evaluate(events.result, catalog: catalog, now: now), nil)
    }
    let key = metricsKey(eventsKey: eventsKey, catalog: catalog, now: now)
    let stored = memo?.table(deliveryTable) ?? CacheTable(name: deliveryTable)
    var metrics: DeliveryMetrics?
    if var reader = stored.reader(for: key) { metrics = try? reader.value(DeliveryMetrics.self) }
    let metricsWereStored = metrics != nil
    if metrics == nil {
      if !events.hasRecords {
        events = LoadedEvents(result: await stage.load(), hasRecords: true, key: eventsKey)
      }
      metrics = await stage.evaluate(events.result, catalog: catalog, now: now)
    }
    // What the table holds already is kept as it is stored, not written out again.
    var entries: [MemoKey: [UInt8]] = [:]
    if !events.hasRecords, let bytes = stored.entry(eventsKey) {
      entries[eventsKey] = Array(bytes)
    } else {
      var writer = CacheRecordWriter()
      writer.add(events.result)
      entries[eventsKey] = writer.bytes
    }
    if metricsWereStored, let bytes = stored.entry(key) {
      entries[key] = Array(bytes)
    } else if let metrics {
      var writer = CacheRecordWriter()
      writer.add(metrics)
      entries[key] = writer.bytes
    }
    memo?.save(deliveryTable, entries: entries, unchangedFrom: stored)
    return (metrics, key)
  }

  /// The key of the metrics of the exports `eventsKey` names over `catalog` at `now`.
  static func metricsKey(eventsKey: MemoKey, catalog: Catalog, now: Timestamp) -> MemoKey {
    var hasher = MemoHasher("metrics")
    hasher.add(eventsKey)
    hasher.add(Int(now.millisecondsSinceEpoch))
    hasher.add(DeliveryStage.catalogKey(catalog))
    return hasher.finish()
  }

  /// The key of loading the exports and rollups: their paths and contents, and `--strict`;
  /// nil when one is not a regular file that can be read (then nothing is cached).
  static func eventsKey(_ stage: DeliveryStage, root: URL, memo: inout BuildMemo?) -> MemoKey? {
    var hasher = MemoHasher("events")
    hasher.add(stage.strict)
    for (kind, paths) in [("events", stage.paths), ("rollups", stage.rollupPaths)] {
      hasher.add(kind)
      hasher.add(paths.count)
      for path in paths {
        guard let digest = memo?.digest(of: path, root: root) else { return nil }
        hasher.add(path)
        hasher.add(digest)
      }
    }
    return hasher.finish()
  }
}

extension SiteBuilder {
  /// The `events` progress line: `200000 events from 1 files`, from the counts (a summary taken
  /// from the cache holds no records).
  static func eventsSummary(_ events: EventLoadResult) -> String {
    "\(events.counts["events"]?.intValue ?? 0) events from \(events.files.count) files"
  }
}
