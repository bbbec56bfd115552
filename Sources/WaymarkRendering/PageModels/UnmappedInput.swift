/// A home-page warning about inputs the build read but could attach to nothing.
package struct UnmappedInput: Codable, Sendable, TemplateDescribed {
  package var id: String
  package var count: Int
  package var text: String
  package var url: String
  package var linkText: String
  package var json: String?
  package var examples: [String]
  package var hasExamples: Bool
  package var moreExamples: Int?

  package static let keyMeanings = [
    "id": "What is unmapped: `policy-results`, `events`, `tickets` or `event-types`.",
    "count": "How many records.",
    "text": "The warning's sentence.",
    "url": "The page section listing them, relative to this page.",
    "linkText": "The text of that link.",
    "json": "The JSON file listing them, when there is one.",
    "examples": "Up to five examples (subjects, event types).",
    "hasExamples": "Whether `examples` is non-empty.",
    "moreExamples": "How many examples are not shown; absent when none.",
  ]
}
