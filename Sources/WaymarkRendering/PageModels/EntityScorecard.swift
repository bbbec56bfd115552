/// One scorecard's result on an entity page: level, score and every check's outcome.
package struct EntityScorecard: Codable, Sendable, TemplateDescribed {
  /// One check's outcome.
  package struct Check: Codable, Sendable, TemplateDescribed {
    package var title: String
    package var id: String
    package var level: String?
    package var result: String
    package var passed: Bool
    package var remediation: String?
    package var message: String?
    package var waiver: String?

    package static let keyMeanings = [
      "title": "The check's title.",
      "id": "Its id.",
      "level": "The level it belongs to; absent when none.",
      "result": "`pass`, `fail`, `error`, `skip` or `waived`.",
      "passed": "Whether it passed.",
      "remediation": "The remediation as HTML (filtered markdown), on a failure or error only.",
      "message": "The evaluator's message, unless the check failed; absent when none.",
      "waiver": "The waiver's name, when one applies.",
    ]
  }

  package var name: String
  package var title: String
  package var level: String
  package var score: String
  package var checks: [Check]

  package static let keyMeanings = [
    "name": "The scorecard's name.",
    "title": "Its title.",
    "level": "The entity's level (`none` when it reached none).",
    "score": "The score as a percentage (`–` when none).",
    "checks": "Every check, in the scorecard's order.",
  ]
}
