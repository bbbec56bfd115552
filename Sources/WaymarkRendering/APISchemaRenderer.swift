import StructuredData

/// The JSON Schemas (draft 2020-12) of the JSON API: `api/schema/entity.schema.json` and
/// `api/schema/catalog.schema.json`, written from these values so they always match the code.
package enum APISchemaRenderer {
  /// The schema files, by output path.
  package static func files() -> [OutputFile] {
    let writer = JSONWriter(pretty: true)
    return [
      OutputFile(path: "api/schema/catalog.schema.json", bytes: writer.bytes(for: catalogSchema)),
      OutputFile(path: "api/schema/entity.schema.json", bytes: writer.bytes(for: entitySchema)),
    ]
  }

  package static let draft: JSONValue = "https://json-schema.org/draft/2020-12/schema"
  package static let nonEmptyString: JSONValue = ["type": "string", "minLength": 1]
  package static let stringMap: JSONValue = ["type": "object", "additionalProperties": ["type": "string"]]

  /// One entity: Backstage's entity shape with its derived relations and where it was read.
  package static let entitySchema: JSONValue = [
    "$schema": draft,
    "$id": "entity.schema.json",
    "title": "Waymark catalog entity",
    "description":
      "A Backstage catalog entity as written (after $text/$json/$yaml substitution), with metadata.namespace filled in, its relations and its source file.",
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "relations", "source"],
    "additionalProperties": false,
    "properties": [
      "apiVersion": nonEmptyString,
      "kind": nonEmptyString,
      "metadata": [
        "type": "object",
        "required": ["name", "namespace"],
        "additionalProperties": true,
        "properties": [
          "name": ["type": "string", "minLength": 1, "maxLength": 63],
          "namespace": ["type": "string", "minLength": 1, "maxLength": 63],
          "title": nonEmptyString,
          "description": ["type": "string"],
          "labels": stringMap,
          "annotations": stringMap,
          "tags": ["type": "array", "items": ["type": "string", "minLength": 1, "maxLength": 63]],
          "links": [
            "type": "array",
            "items": [
              "type": "object",
              "required": ["url"],
              "properties": [
                "url": nonEmptyString, "title": nonEmptyString, "icon": nonEmptyString, "type": nonEmptyString,
              ],
            ],
          ],
        ],
      ],
      "spec": ["type": "object", "description": "The kind's own fields, as written."],
      "relations": [
        "type": "array",
        "description": .string(
          "Sorted by type, then targetRef; each relation's reverse is on the target, except for a target "
            + "provided outside the repository (external: true), which has no entity of its own here."),
        "items": [
          "type": "object",
          "required": ["type", "targetRef"],
          "additionalProperties": false,
          "properties": [
            "type": [
              "enum": [
                "apiConsumedBy", "apiProvidedBy", "childOf", "consumesApi", "dependencyOf", "dependsOn", "hasMember",
                "hasPart", "memberOf", "ownedBy", "ownerOf", "parentOf", "partOf", "providesApi",
              ]
            ],
            "targetRef": [
              "type": "string", "pattern": "^[^:/A-Z]+:[^/A-Z]+/[^A-Z]+$",
              "description": "The target's canonical reference, kind:namespace/name, lowercased.",
            ],
            "external": [
              "const": true,
              "description": .string(
                "Present when the target is provided outside the repository (catalog.external in waymark.yaml): "
                  + "it is listed in api/catalog.json's external and has no entity file or page."),
            ],
          ],
        ],
      ],
      "source": [
        "type": "object",
        "required": ["path", "line"],
        "additionalProperties": false,
        "properties": [
          "path": ["type": "string", "description": "The file, relative to the site root."],
          "line": ["type": "integer", "minimum": 1, "description": "The line where the entity's document starts."],
        ],
      ],
    ],
  ]

  /// `api/catalog.json`: every entity, sorted by canonical reference.
  package static let catalogSchema: JSONValue = [
    "$schema": draft,
    "$id": "catalog.schema.json",
    "title": "Waymark catalog",
    "description": "Every entity of the catalog, sorted by canonical reference (kind:namespace/name, lowercased).",
    "type": "object",
    "required": ["entities"],
    "additionalProperties": false,
    "properties": [
      "entities": ["type": "array", "items": ["$ref": "entity.schema.json"]],
      "external": [
        "description":
          .string(
            "Entities referred to but provided outside the repository (catalog.external in waymark.yaml), sorted by "
              + "reference, each with the entities referring to it."),
        "type": "array",
        "items": [
          "type": "object",
          "required": ["ref", "referredBy"],
          "additionalProperties": false,
          "properties": [
            "ref": ["type": "string", "description": "The canonical reference, kind:namespace/name, lowercased."],
            "referredBy": ["type": "array", "items": ["type": "string"]],
          ],
        ],
      ],
    ],
  ]
}
