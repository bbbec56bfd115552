/// How many entities are at one scorecard level.
package struct LevelCount: Codable, Sendable, TemplateDescribed {
  package var level: String
  package var count: TemplateScalar

  package static let keyMeanings = ["level": "The level (`none` for no level).", "count": "How many entities."]
}
