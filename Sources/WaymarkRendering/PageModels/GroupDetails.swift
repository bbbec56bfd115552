/// A Group entity page's `group` key: members, sub-groups, owned entities and readiness.
package struct GroupDetails: Codable, Sendable, TemplateDescribed {
  /// One scorecard's summary over the group's entities.
  package struct Readiness: Codable, Sendable, TemplateDescribed {
    package var title: String
    package var averageScore: String
    package var levels: [LevelCount]

    package static let keyMeanings = [
      "title": "The scorecard's title.",
      "averageScore": "The average score as a percentage (`–` when none).",
      "levels": "Entities per level, `none` first.",
    ]
  }

  package var displayName: String = ""
  package var email: String?
  package var picture: String?
  package var initials: String = ""
  package var members: [EntityLink]
  package var hasMembers: Bool
  package var children: [EntityLink]
  package var hasChildren: Bool
  package var owned: [EntityLink]
  package var hasOwned: Bool
  package var readiness: [Readiness]
  package var hasReadiness: Bool

  package static let keyMeanings = [
    "displayName": "`spec.profile.displayName`, else the title.",
    "email": "`spec.profile.email`; absent when none.",
    "picture": "`spec.profile.picture` when it is an `https` URL; absent otherwise (the default theme shows "
      + "`initials` instead).",
    "initials": "Up to two initials of `displayName`, for a picture's fallback.",
    "members": "Its members.",
    "hasMembers": "Whether `members` is non-empty.",
    "children": "Its sub-groups.",
    "hasChildren": "Whether `children` is non-empty.",
    "owned": "The entities it owns, each with its production-readiness `level`.",
    "hasOwned": "Whether `owned` is non-empty.",
    "readiness": "Each scorecard's summary over the group's entities.",
    "hasReadiness": "Whether `readiness` is non-empty.",
  ]
}
