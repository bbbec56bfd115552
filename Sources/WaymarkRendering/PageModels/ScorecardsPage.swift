/// The scorecards overview (`scorecards.html`): each scorecard's levels, checks and leaderboard.
package struct ScorecardsPage: Codable, Sendable, TemplateDescribed {
  /// One scorecard.
  package struct Scorecard: Codable, Sendable, TemplateDescribed {
    package var name: String
    package var title: String
    package var description: String?
    package var entities: Int
    package var averageScore: String
    package var levels: [LevelCount]
    package var checks: [Check]
    package var leaderboard: [Leader]
    package var hasLeaderboard: Bool = false

    package static let keyMeanings = [
      "name": "The scorecard's name.",
      "title": "Its title.",
      "description": "Its description; absent when none.",
      "entities": "How many entities it scored.",
      "averageScore": "The average score as a percentage (`–` when none).",
      "levels": "Entities per level, `none` first.",
      "checks": "Every check with its pass rate.",
      "leaderboard": "Owning groups by average score.",
      "hasLeaderboard": "Whether `leaderboard` is non-empty (it is empty when no scored entity has an owning Group).",
    ]
  }

  /// One check's pass rate and the entities failing it.
  package struct Check: Codable, Sendable, TemplateDescribed {
    package var title: String
    package var level: String?
    package var passRate: String
    package var failing: Int
    package var failingEntities: [EntityLink]
    package var moreFailing: Int = 0
    package var hasMoreFailing: Bool = false
    package var failingURL: String = ""

    package static let keyMeanings = [
      "title": "The check's title.",
      "level": "The level it belongs to; absent when none.",
      "passRate": "Its pass rate as a percentage.",
      "failing": "How many entities fail it (or error).",
      "failingEntities": "The first 20 of them.",
      "moreFailing": "How many more fail it than `failingEntities` lists.",
      "hasMoreFailing": "Whether `moreFailing` is above zero.",
      "failingURL": "The catalog explorer filtered to the entities failing it "
        + "(`catalog/?failing=<scorecard>/<check>`).",
    ]
  }

  /// One group's average.
  package struct Leader: Codable, Sendable, TemplateDescribed {
    package var group: EntityLink
    package var averageScore: String
    package var entities: TemplateScalar

    package static let keyMeanings = [
      "group": "The group.", "averageScore": "Its entities' average score.", "entities": "How many entities it owns.",
    ]
  }

  package var scorecards: [Scorecard]
  package var hasScorecards: Bool = false

  package static let keyMeanings = [
    "scorecards": "Every scorecard, in the order they were loaded.",
    "hasScorecards": "Whether `scorecards` is non-empty.",
  ]
}
