/// The readiness report (`readiness.html`): entities below the top level, failing checks by
/// impact, waivers needing attention.
package struct ReadinessPage: Codable, Sendable, TemplateDescribed {
  /// An entity below its scorecard's top level.
  package struct Below: Codable, Sendable, TemplateDescribed {
    package var entity: EntityLink
    package var scorecard: String
    package var level: String
    package var score: String

    package static let keyMeanings = [
      "entity": "The entity.", "scorecard": "The scorecard's title.", "level": "Its level (`none` when none).",
      "score": "Its score as a percentage.",
    ]
  }

  /// A check that fails somewhere, with how many entities fail it.
  package struct Impact: Codable, Sendable, TemplateDescribed {
    package var failing: Int
    package var scorecard: String
    package var title: String
    package var remediation: String?

    package static let keyMeanings = [
      "failing": "How many entities fail it (or error).",
      "scorecard": "The scorecard's title.",
      "title": "The check's title.",
      "remediation": "Its remediation as HTML; absent when none.",
    ]
  }

  /// A waiver expired, revoked or expiring within 30 days.
  package struct Waiver: Codable, Sendable, TemplateDescribed {
    package var name: String
    package var scorecard: String
    package var check: String
    package var expires: String
    package var status: String
    package var approvedBy: String

    package static let keyMeanings = [
      "name": "The waiver's name.",
      "scorecard": "The scorecard it applies to.",
      "check": "The check it waives.",
      "expires": "Its expiry date.",
      "status": "`expiring`, or its status (`expired`, …).",
      "approvedBy": "Who approved it (an entity reference).",
    ]
  }

  package var below: [Below]
  package var hasBelow: Bool
  package var impact: [Impact]
  package var hasImpact: Bool = false
  package var waivers: [Waiver]
  package var hasWaivers: Bool
  package var hasScorecards: Bool = false

  package static let keyMeanings = [
    "below": "Entities below each scorecard's top level.",
    "hasBelow": "Whether `below` is non-empty.",
    "impact": "Failing checks, most failing first.",
    "hasImpact": "Whether `impact` is non-empty.",
    "hasScorecards": "Whether the site defines any scorecard (else every list is empty and the default theme "
      + "says how to add one).",
    "waivers": "Waivers needing attention.",
    "hasWaivers": "Whether `waivers` is non-empty.",
  ]
}
