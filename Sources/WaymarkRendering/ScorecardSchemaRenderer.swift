import StructuredData

/// JSON Schemas (draft 2020-12) of the scorecard outputs: `scorecards`, `readiness` and `waivers`,
/// written from these values so they always match the renderer.
package enum ScorecardSchemaRenderer {
  /// The schema files, by output path.
  package static func files() -> [OutputFile] {
    let writer = JSONWriter(pretty: true)
    return [
      OutputFile(path: "api/schema/scorecards.schema.json", bytes: writer.bytes(for: scorecardsSchema)),
      OutputFile(path: "api/schema/readiness.schema.json", bytes: writer.bytes(for: readinessSchema)),
      OutputFile(path: "api/schema/waivers.schema.json", bytes: writer.bytes(for: waiversSchema)),
    ]
  }

  package static let string: JSONValue = ["type": "string"]
  package static let nullableString: JSONValue = ["type": ["string", "null"]]
  package static let nullableNumber: JSONValue = ["type": ["number", "null"]]
  package static let outcome: JSONValue = ["enum": ["pass", "fail", "waived", "not-applicable", "error"]]
  package static let source: JSONValue = [
    "type": "object", "required": ["path", "line"], "properties": ["path": string, "line": ["type": "integer"]],
  ]

  /// S: a summary of results.
  package static let summary: JSONValue = [
    "type": "object",
    "required": ["entities", "levels", "passRate", "averageScore"],
    "properties": [
      "entities": ["type": "integer"],
      "levels": [
        "type": "object", "description": "Entities per level, and `none` for those below the lowest.",
        "additionalProperties": ["type": "integer"],
      ],
      "passRate": [
        "type": "object",
        "description": "Per check id: passing ÷ (passing + failing + erroring); null when none counts.",
        "additionalProperties": nullableNumber,
      ],
      "averageScore": nullableNumber,
    ],
  ]

  package static let check: JSONValue = [
    "type": "object",
    "required": ["id", "title", "level", "weight", "expr", "applicable", "remediation", "links"],
    "properties": [
      "id": string, "title": string, "description": nullableString, "level": nullableString,
      "weight": ["type": "number", "minimum": 0],
      "expr": ["type": "string", "description": "The CEL expression."], "applicable": nullableString,
      "remediation": nullableString,
      "links": [
        "type": "array",
        "items": ["type": "object", "required": ["title", "url"], "properties": ["title": string, "url": string]],
      ],
    ],
  ]

  package static let result: JSONValue = [
    "type": "object",
    "required": ["entity", "level", "score", "checks", "inputs"],
    "properties": [
      "entity": ["type": "string", "description": "Canonical entity reference."],
      "level": nullableString,
      "score": ["type": ["number", "null"], "minimum": 0, "maximum": 1],
      "inputs": [
        "type": "object", "description": "Why: the entity's file and the sources of the facts the scorecard reads.",
        "required": ["entity"],
        "properties": [
          "entity": source, "docs": ["type": ["object", "null"]], "dora": ["type": ["object", "null"]],
          "policy": ["type": ["array", "null"], "items": string], "now": string,
        ],
      ],
      "checks": [
        "type": "array",
        "items": [
          "type": "object", "required": ["id", "result", "message"],
          "properties": ["id": string, "result": outcome, "message": nullableString, "waiver": string],
        ],
      ],
    ],
  ]

  package static let scorecardsSchema: JSONValue = [
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "scorecards.schema.json",
    "title": "Waymark scorecards",
    "type": "object",
    "required": ["scorecards"],
    "properties": [
      "scorecards": [
        "type": "array",
        "items": [
          "type": "object",
          "required": ["name", "title", "levels", "checks", "results", "summary", "rollups"],
          "properties": [
            "name": string, "title": string, "description": nullableString, "owner": nullableString,
            "levels": ["type": "array", "items": string, "description": "Lowest first."], "source": source,
            "checks": ["type": "array", "items": check], "results": ["type": "array", "items": result],
            "summary": summary,
            "rollups": [
              "type": "object",
              "required": ["org", "groups", "systems", "domains", "templates", "leaderboard"],
              "properties": [
                "org": summary, "groups": ["type": "object", "additionalProperties": summary],
                "systems": ["type": "object", "additionalProperties": summary],
                "domains": ["type": "object", "additionalProperties": summary],
                "templates": ["type": "object", "additionalProperties": summary],
                "leaderboard": [
                  "type": "array",
                  "items": [
                    "type": "object", "required": ["group", "averageScore", "entities"],
                    "properties": ["group": string, "averageScore": nullableNumber, "entities": ["type": "integer"]],
                  ],
                ],
              ],
            ],
          ],
        ],
      ]
    ],
  ]

  package static let readinessSchema: JSONValue = [
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "readiness.schema.json",
    "title": "Waymark readiness per entity",
    "type": "object",
    "required": ["entities"],
    "properties": [
      "entities": [
        "type": "object",
        "additionalProperties": [
          "type": "object", "required": ["scorecards"],
          "properties": [
            "scorecards": [
              "type": "object",
              "additionalProperties": [
                "type": "object", "required": ["level", "score", "failing"],
                "properties": [
                  "level": nullableString, "score": nullableNumber,
                  "failing": [
                    "type": "array",
                    "items": [
                      "type": "object", "required": ["id", "title", "result"],
                      "properties": [
                        "id": string, "title": string, "result": outcome, "level": nullableString,
                        "remediation": nullableString, "message": nullableString,
                      ],
                    ],
                  ],
                ],
              ],
            ]
          ],
        ],
      ]
    ],
  ]

  package static let waiversSchema: JSONValue = [
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "waivers.schema.json",
    "title": "Waymark waivers",
    "type": "object",
    "required": ["waivers"],
    "properties": [
      "waivers": [
        "type": "array",
        "items": [
          "type": "object",
          "required": [
            "name", "scorecard", "check", "entities", "reason", "expires", "approvedBy", "status", "source",
          ],
          "properties": [
            "name": string, "scorecard": string, "check": string, "entities": ["type": "array", "items": string],
            "filter": nullableString, "reason": string, "ticket": nullableString,
            "expires": ["type": "string", "format": "date"], "approvedBy": string,
            "status": ["enum": ["active", "expired", "unauthorized", "invalid"]], "source": source,
          ],
        ],
      ]
    ],
  ]
}
