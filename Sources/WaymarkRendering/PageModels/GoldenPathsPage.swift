/// The golden paths page (`golden-paths.html`): every Template.
package struct GoldenPathsPage: Codable, Sendable, TemplateDescribed {
  package var templates: [GoldenPath]
  package var hasTemplates: Bool

  package static let keyMeanings = [
    "templates": "Every Template, in catalog order.", "hasTemplates": "Whether there is any Template.",
  ]
}
