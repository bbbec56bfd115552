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
  /// The catalog less every entity's `metadata.description`, which no page but the entity's own
  /// shows: entity pages are keyed by it and their own entity, so editing a description
  /// rebuilds one entity page. `catalog` unless the builder knows better.
  package var catalogLessDescriptions: MemoKey
  /// `guardrails` with `catalogLessDescriptions` for the catalog (mapping results to entities
  /// reads no description). `guardrails` unless the builder knows better.
  package var guardrailsLessDescriptions: MemoKey
  /// The digest of each catalog file by its path (`EntitySource.path`): an entity page is keyed
  /// by its own file as well (where its fields are written), or by `catalog` when not listed.
  package var catalogFiles: [String: MemoKey] = [:]

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
    catalogLessDescriptions = catalog
    guardrailsLessDescriptions = guardrails
  }

  /// Keys of the catalog alone, for what reads nothing else.
  package init(configuration: MemoKey, catalog: MemoKey) {
    self.init(
      configuration: configuration, catalog: catalog, scorecards: catalog, delivery: nil, guardrails: catalog,
      events: nil)
  }

  /// The keys entity pages are built from: the catalog and guardrail results less descriptions.
  package var lessDescriptions: RenderInputKeys {
    var keys = self
    keys.catalog = catalogLessDescriptions
    keys.guardrails = guardrailsLessDescriptions
    return keys
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
