import WaymarkModel

/// Keys of what a render input holds, from the build cache: equal keys mean equal values, so a
/// page built from values whose keys are unchanged is unchanged.
///
/// Each key names its value by the inputs it was computed from, or by its content where an edit
/// upstream often leaves it unchanged (the scorecard results). Docs sites are keyed by content
/// as the pages are built (`MemoHasher.add(_: DocsSite)`).
package struct RenderInputKeys: Sendable {
  /// The settings, options and Waymark binary (the cache's configuration key).
  package var configuration: MemoKey
  /// The catalog: every file it was read from (path and bytes).
  package var catalog: MemoKey
  /// The scorecard outcome (`ScorecardMemo.outcomeKey`).
  package var scorecards: MemoKey
  /// The delivery metrics (their cache key), or nil when the site has none.
  package var delivery: MemoKey?
  /// The guardrail results: the results files and the catalog they were mapped to.
  package var guardrails: MemoKey
  /// The event exports' load (`eventCounts`), or nil when the site has none.
  package var events: MemoKey?

  /// Creates keys.
  package init(
    configuration: MemoKey, catalog: MemoKey, scorecards: MemoKey, delivery: MemoKey?, guardrails: MemoKey,
    events: MemoKey?
  ) {
    self.configuration = configuration
    self.catalog = catalog
    self.scorecards = scorecards
    self.delivery = delivery
    self.guardrails = guardrails
    self.events = events
  }

  /// Keys of the catalog alone, for what reads nothing else.
  package init(configuration: MemoKey, catalog: MemoKey) {
    self.init(
      configuration: configuration, catalog: catalog, scorecards: catalog, delivery: nil, guardrails: catalog,
      events: nil)
  }

  /// Adds every key to `hasher`.
  package func add(to hasher: inout MemoHasher) {
    hasher.add(configuration)
    hasher.add(catalog)
    hasher.add(scorecards)
    hasher.add(delivery != nil)
    if let delivery { hasher.add(delivery) }
    hasher.add(guardrails)
    hasher.add(events != nil)
    if let events { hasher.add(events) }
  }
}
