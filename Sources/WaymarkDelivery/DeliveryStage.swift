import WaymarkLoading
import WaymarkModel

/// The delivery stage: streams the event exports (`load`), then computes DORA's metrics for every
/// component and roll-up once the build's "now" is known (`evaluate`).
public struct DeliveryStage: Sendable {
  /// The site's settings and files.
  public let inputs: SiteInputs
  /// Whether unknown event types and malformed records are errors (`--strict`).
  public let strict: Bool
  /// The event exports the globs match, less any file the catalog globs also match.
  public let paths: [String]
  /// The delivery rollups the `rollups` globs match, less any file the other inputs' globs match.
  public let rollupPaths: [String]

  /// Creates the stage.
  public init(inputs: SiteInputs, strict: Bool) {
    self.inputs = inputs
    self.strict = strict
    let catalog = Set(inputs.files(matching: inputs.config.catalogGlobs))
    paths = inputs.files(matching: inputs.config.eventGlobs).filter { !catalog.contains($0) }
    let taken = catalog.union(paths)
    rollupPaths = inputs.files(matching: inputs.config.rollupGlobs).filter { !taken.contains($0) }
  }

  /// Whether the site has event exports or rollups.
  public var hasInputs: Bool { !paths.isEmpty || !rollupPaths.isEmpty }

  /// Reads every event export.
  public func load() async -> EventLoadResult {
    var result = await EventLoader(root: inputs.root, strict: strict).load(paths: paths)
    RollupLoader(root: inputs.root, strict: strict).load(paths: rollupPaths, into: &result)
    return result
  }

  /// The metrics of every component and roll-up; nil when the site has no event exports or rollups.
  public func evaluate(_ events: EventLoadResult, catalog: Catalog, now: Timestamp) async -> DeliveryMetrics? {
    guard hasInputs else { return nil }
    return await DORAEvaluator(settings: inputs.config.metrics, now: now).evaluate(
      events.events, rollups: events.rollups, tickets: events.tickets, catalog: catalog)
  }
}

extension DeliveryStage {
  /// The `metrics` progress line.
  public static func summary(of metrics: DeliveryMetrics?) -> String {
    "\(metrics?.entities.count ?? 0) components, \(metrics?.unmapped.count ?? 0) unmapped subjects"
  }
}
