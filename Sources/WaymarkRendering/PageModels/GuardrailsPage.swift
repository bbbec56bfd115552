/// The guardrails overview (`guardrails.html`), written when the build read guardrail results.
package struct GuardrailsPage: Codable, Sendable, TemplateDescribed {
  /// One entity with results.
  package struct EntityRow: Codable, Sendable, TemplateDescribed {
    package var ref: String
    package var title: String
    package var url: String
    package var results: TemplateJSON?
    package var bySeverity: TemplateJSON?
    package var openFindings: [TemplateJSON]
    package var hasOpenFindings: Bool
    package var moreOpenFindings: Int?

    package static let keyMeanings = [
      "ref": "The entity reference.",
      "title": "Its title.",
      "url": "Its page, relative to this page.",
      "results": "Counts by result (`pass`, `fail`, `warn`, `error`, `skip`), as in `api/policy-results.json`.",
      "bySeverity": "Open findings by severity (`critical`, `high`, `medium`, `low`, `info`).",
      "openFindings": "Up to 20 open findings: a finding of `api/policy-results.json` with `location`, "
        + "`helpURL` and `inputLocation`.",
      "hasOpenFindings": "Whether it has open findings.",
      "moreOpenFindings": "How many open findings are not listed; absent when none.",
    ]
  }

  /// One results file read.
  package struct Input: Codable, Sendable, TemplateDescribed {
    package var path: String
    package var format: String
    package var tool: String
    package var results: Int

    package static let keyMeanings = [
      "path": "The file, relative to the root.", "format": "Its format (`sarif`, `policyreport`, …).",
      "tool": "The tool that wrote it.", "results": "How many results it holds.",
    ]
  }

  package var entities: [EntityRow]
  package var unmapped: [TemplateJSON]
  package var unmappedOpenCount: Int
  package var unmappedShown: Int
  package var moreUnmapped: Bool
  package var unmappedCount: Int
  package var inputs: [Input]

  package static let keyMeanings = [
    "entities": "One row per entity with results.",
    "unmapped": "Up to 100 open results that map to no entity (findings, as in `openFindings`).",
    "unmappedOpenCount": "How many open results map to no entity.",
    "unmappedShown": "How many of them are listed.",
    "moreUnmapped": "Whether some are not listed.",
    "unmappedCount": "How many results map to no entity, open or not.",
    "inputs": "The results files read.",
  ]
}
