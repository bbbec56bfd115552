/// The catalog explorer (`catalog.html`): every entity as a table row with the values its
/// filters match on.
package struct CatalogPage: Codable, Sendable, TemplateDescribed {
  /// One entity's row.
  package struct Row: Codable, Sendable, TemplateDescribed {
    package var ref: String
    package var title: String
    package var kind: String
    package var url: String
    package var description: String?
    package var tags: [String]
    package var tagList: String
    package var type: String
    package var lifecycle: String
    package var owner: EntityLink?
    package var ownerRef: String
    package var system: EntityLink?
    package var systemRef: String
    package var level: String
    package var failing: String = ""
    package var sharedTitle: Bool = false

    package static let keyMeanings = [
      "ref": "The entity reference.",
      "title": "The entity's title.",
      "kind": "Its kind.",
      "url": "Its page, relative to this page.",
      "description": "Its description; absent when none.",
      "tags": "Its tags.",
      "tagList": "Its tags separated by spaces (for the filter script).",
      "type": "`spec.type`, or empty.",
      "lifecycle": "`spec.lifecycle`, or empty.",
      "owner": "Its owner; absent when none.",
      "ownerRef": "The owner's reference, or empty.",
      "system": "The system it is part of; absent when none.",
      "systemRef": "The system's reference, or empty.",
      "level": "Its production-readiness level, or empty.",
      "failing": "The checks it fails, `<scorecard>/<check>` separated by spaces (for the `?failing=` filter).",
      "sharedTitle": "Whether another entity has the same title (the default theme then shows `ref`).",
    ]
  }

  /// A filter with the values present in the catalog.
  package struct Filter: Codable, Sendable, TemplateDescribed {
    package var name: String
    package var label: String
    package var options: [String]

    package static let keyMeanings = [
      "name": "The field filtered on (`kind`, `type`, `lifecycle`, `owner`, `system`, `tag`, `level`).",
      "label": "The filter's label.",
      "options": "The values present, sorted.",
    ]
  }

  package var entities: [Row]
  package var filters: [Filter]
  package var count: Int

  package static let keyMeanings = [
    "entities": "Every entity, in catalog order.",
    "filters": "The filters, in order.",
    "count": "How many entities.",
  ]
}
