/// The home page (`home.html`): the catalog at a glance, readiness by level, the delivery
/// summary, level changes, waivers due and inputs that mapped to nothing.
package struct HomePage: Codable, Sendable, TemplateDescribed {
  /// How many entities of one kind.
  package struct KindCount: Codable, Sendable, TemplateDescribed {
    package var kind: String
    package var count: Int

    package static let keyMeanings = ["kind": "The kind, lowercased.", "count": "How many entities have it."]
  }

  /// One scorecard's readiness at a glance.
  package struct Readiness: Codable, Sendable, TemplateDescribed {
    package var title: String
    package var entities: Int
    package var averageScore: String
    package var chart: String

    package static let keyMeanings = [
      "title": "The scorecard's title.",
      "entities": "How many entities it scored.",
      "averageScore": "The average score as a percentage (`–` when none).",
      "chart": "An SVG bar chart of entities per level (trusted markup: use `{{{chart}}}`).",
    ]
  }

  /// An entity that moved up or down a level since the baseline.
  package struct LevelChange: Codable, Sendable, TemplateDescribed {
    package var entity: String
    package var scorecard: String
    package var from: String
    package var to: String
    package var direction: String

    package static let keyMeanings = [
      "entity": "The entity reference.",
      "scorecard": "The scorecard's name.",
      "from": "The level before (`none` when it had none).",
      "to": "The level now.",
      "direction": "`up` or `down`.",
    ]
  }

  /// An active waiver that expires within 30 days.
  package struct ExpiringWaiver: Codable, Sendable, TemplateDescribed {
    package var name: String
    package var scorecard: String
    package var expires: String

    package static let keyMeanings = [
      "name": "The waiver's name.", "scorecard": "The scorecard it applies to.", "expires": "Its expiry date.",
    ]
  }

  package var delivery: DeliverySummary?
  package var unmapped: [UnmappedInput]
  package var hasUnmapped: Bool
  package var entityCount: Int
  package var kinds: [KindCount]
  package var readiness: [Readiness]
  package var hasReadiness: Bool
  package var changes: [LevelChange]
  package var hasChanges: Bool
  package var moreChanges: Int?
  package var expiringWaivers: [ExpiringWaiver]
  package var hasExpiringWaivers: Bool

  package static let keyMeanings = [
    "delivery": "The organisation's four keys with their trends; absent when no event mapped to a component.",
    "unmapped": "Warnings about inputs that mapped to nothing, each linking to where they are listed.",
    "hasUnmapped": "Whether `unmapped` is non-empty.",
    "entityCount": "How many entities the catalog has.",
    "kinds": "Entity counts by kind, sorted by kind.",
    "readiness": "Each scorecard's entities per level.",
    "hasReadiness": "Whether there is any scorecard.",
    "changes": "Up to 20 level changes since the baseline.",
    "hasChanges": "Whether `changes` is non-empty.",
    "moreChanges": "How many more changes `api/changes.json` lists; absent when none.",
    "expiringWaivers": "Active waivers expiring within 30 days.",
    "hasExpiringWaivers": "Whether `expiringWaivers` is non-empty.",
  ]
}
