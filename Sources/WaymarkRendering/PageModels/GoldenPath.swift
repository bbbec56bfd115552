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
    package var hasDescription: Bool = false
    package var widget: TemplateScalar?
    package var choices: [TemplateScalar] = []
    package var hasChoices: Bool = false
    package var defaultValue: TemplateScalar?

    package static let keyMeanings = [
      "name": "The parameter's property name.",
      "title": "Its title, or the name.",
      "type": "Its type (`string` when not given).",
      "required": "Whether its group requires it.",
      "description": "Its description; absent when none.",
      "hasDescription": "Whether it has a description (test this, not `description`: inside a parameter "
        + "an absent `description` would show the Template's).",
      "widget": "Its `ui:field` (`OwnerPicker`, `RepoUrlPicker`, …); absent when none.",
      "choices": "Its `enum` values.",
      "hasChoices": "Whether `choices` is non-empty.",
      "defaultValue": "Its `default` (JSON text when not a scalar); absent when none.",
    ]
  }

  /// One page of the form: a JSON-Schema object of `spec.parameters`.
  package struct ParameterPage: Codable, Sendable, TemplateDescribed {
    package var title: String
    package var description: String
    package var hasDescription: Bool
    package var parameters: [Parameter]

    package static let keyMeanings = [
      "title": "The page's `title`, else `Page N`.",
      "description": "Its `description`, or empty.",
      "hasDescription": "Whether `description` is non-empty.",
      "parameters": "Its properties in the order written, each with its own title and description.",
    ]
  }

  /// One step.
  package struct Step: Codable, Sendable, TemplateDescribed {
    package var id: TemplateScalar?
    package var name: TemplateScalar
    package var action: TemplateScalar?
    package var hasAction: Bool = false

    package static let keyMeanings = [
      "id": "The step's id; absent when none.",
      "name": "Its name, else its id, else `step`.",
      "action": "The action it runs (`fetch:template`, `publish:github`, `catalog:register`, …); absent when none.",
      "hasAction": "Whether `action` is present.",
    ]
  }

  package var ref: String
  package var title: String
  package var url: String
  package var description: String?
  package var parameters: [Parameter]
  package var parameterPages: [ParameterPage] = []
  package var hasParameters: Bool = false
  package var steps: [Step]
  package var hasSteps: Bool = false
  package var adoption: Int
  package var adopters: [EntityLink]

  package static let keyMeanings = [
    "ref": "The Template's reference.",
    "title": "Its title.",
    "url": "Its page, relative to this page.",
    "description": "Its description; absent when none.",
    "parameters": "Its parameters, every page's, in the order written (`parameterPages` keeps the pages).",
    "parameterPages": "Its form's pages (`spec.parameters`), in order, each with its title and parameters.",
    "hasParameters": "Whether it has any parameter.",
    "steps": "Its steps, in order.",
    "hasSteps": "Whether `steps` is non-empty.",
    "adoption": "How many entities name it in `backstage.io/source-template`.",
    "adopters": "Those entities.",
  ]
}
