/// An entity page (`entity.html`, or `<kind>/entity.html`, or the layout the entity names): the
/// entity, its scorecards, delivery tiles, docs and guardrails, and its kind's extras.
package struct EntityPage: Codable, Sendable, TemplateDescribed {
  /// A User's profile and groups.
  package struct UserDetails: Codable, Sendable, TemplateDescribed {
    package var displayName: TemplateScalar?
    package var email: TemplateScalar?
    package var groups: [EntityLink]

    package static let keyMeanings = [
      "displayName": "`spec.profile.displayName`; absent when none.",
      "email": "`spec.profile.email`; absent when none.",
      "groups": "The groups the user belongs to, directly or through sub-groups.",
    ]
  }

  package var entity: EntityDetails
  package var scorecards: [EntityScorecard]
  package var hasScorecards: Bool
  package var dora: DeliveryTiles?
  package var docs: EntityDocs?
  package var policy: TemplateJSON?
  package var graph: String?
  package var map: String?
  package var api: APIDetails?
  package var group: GroupDetails?
  package var user: UserDetails?
  package var template: GoldenPath?

  package static let keyMeanings = [
    "entity": "The entity's own fields.",
    "scorecards": "Each scorecard that scored the entity, with every check's outcome.",
    "hasScorecards": "Whether `scorecards` is non-empty.",
    "dora": "Its delivery metrics as tiles; absent when the site has no event exports or the entity has no metrics.",
    "docs": "A link to its TechDocs site with the first pages; absent when it has none.",
    "policy": "Its guardrail results: the entity's entry of `api/policy-results.json` plus `unknown`, "
      + "`overviewURL`, `ruleList` (`id`, `result`, `severity`, `count`), `findingList` (findings with "
      + "`location`, `helpURL`, `inputLocation`), `hasFindings`, `ruleCount` and `tools`; absent when the "
      + "site has no guardrail results or they do not apply to the kind.",
    "graph": "An SVG of the entity's dependency neighbourhood (trusted markup); absent when it has no neighbours.",
    "map": "A System's or Domain's map as SVG; absent for other kinds or an empty map.",
    "api": "An API's definition and what it declares; API entities only.",
    "group": "A Group's members, sub-groups, owned entities and readiness; Group entities only.",
    "user": "A User's profile and groups; User entities only.",
    "template": "A Template's parameters, steps and adopters; Template entities only.",
  ]
}
