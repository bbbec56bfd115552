/// A Template as the golden paths page and its entity page's `template` key show it: its
/// parameters, steps and the entities created from it.
package struct GoldenPath: Codable, Sendable, TemplateDescribed {
  /// One input parameter.
  package struct Parameter: Codable, Sendable, TemplateDescribed {
    package var name: String
    package var title: TemplateScalar
    package var type: TemplateScalar
    package var required: Bool
    package var description: TemplateScalar?

    package static let keyMeanings = [
      "name": "The parameter's property name.",
      "title": "Its title, or the name.",
      "type": "Its type (`string` when not given).",
      "required": "Whether its group requires it.",
      "description": "Its description; absent when none.",
    ]
  }

  /// One step.
  package struct Step: Codable, Sendable, TemplateDescribed {
    package var id: TemplateScalar?
    package var name: TemplateScalar
    package var action: TemplateScalar?

    package static let keyMeanings = [
      "id": "The step's id; absent when none.",
      "name": "Its name, else its id, else `step`.",
      "action": "The action it runs; absent when none.",
    ]
  }

  package var ref: String
  package var title: String
  package var url: String
  package var description: String?
  package var parameters: [Parameter]
  package var steps: [Step]
  package var adoption: Int
  package var adopters: [EntityLink]

  package static let keyMeanings = [
    "ref": "The Template's reference.",
    "title": "Its title.",
    "url": "Its page, relative to this page.",
    "description": "Its description; absent when none.",
    "parameters": "Its parameters, every group's, sorted by name within a group.",
    "steps": "Its steps, in order.",
    "adoption": "How many entities name it in `backstage.io/source-template`.",
    "adopters": "Those entities.",
  ]
}
