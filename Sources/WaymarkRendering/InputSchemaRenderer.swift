import StructuredData
import WaymarkLoading

/// JSON Schemas (draft 2020-12) of the files Waymark reads, for editors: `waymark.yaml`
/// (`api/schema/waymark-config.schema.json`) and the policies folder's documents
/// (`api/schema/policy.schema.json`). Written from the key tables the loaders check, so an editor
/// flags exactly the keys `waymark check` rejects.
package enum InputSchemaRenderer {
  /// The schema files, by output path.
  package static func files() -> [OutputFile] {
    let writer = JSONWriter(pretty: true)
    return [
      OutputFile(path: "api/schema/policy.schema.json", bytes: writer.bytes(for: policySchema)),
      OutputFile(path: "api/schema/waymark-config.schema.json", bytes: writer.bytes(for: configSchema)),
    ]
  }

  /// A YAML scalar: the loaders read plain `90` or `true` as text where they expect a string.
  static let scalar: JSONValue = ["type": ["string", "number", "boolean"]]

  /// `waymark.yaml`.
  package static var configSchema: JSONValue {
    var schema = members(SiteConfigLoader.schema.mapValues(config), required: [])
    schema["$schema"] = APISchemaRenderer.draft
    schema["$id"] = "waymark-config.schema.json"
    schema["title"] = "Waymark configuration (waymark.yaml)"
    return .object(schema)
  }

  /// A document of the policies folder: one of the kinds, each with its own `metadata` and `spec`.
  package static var policySchema: JSONValue {
    var schema = members(PolicyShapes.document.fields.mapValues(policy), required: PolicyShapes.document.required)
    schema["$schema"] = APISchemaRenderer.draft
    schema["$id"] = "policy.schema.json"
    schema["title"] = "Waymark policy document (Scorecard, Waiver, ScorecardTest)"
    schema["allOf"] = .array(
      PolicyShapes.kinds.map { kind in
        [
          "if": ["required": ["kind"], "properties": ["kind": ["const": .string(kind.kind)]]],
          "then": ["properties": ["metadata": policy(.mapping(kind.metadata)), "spec": policy(.mapping(kind.spec))]],
        ]
      })
    return .object(schema)
  }

  static func config(_ field: SiteConfigLoader.Field) -> JSONValue {
    switch field {
    case .string: return scalar
    case .bool: return ["type": "boolean"]
    case .stringList: return ["anyOf": [scalar, ["type": "array", "items": scalar]]]
    case .mapping(let members): return object(members.mapValues(config), required: [])
    }
  }

  static func policy(_ field: PolicyShape.Field) -> JSONValue {
    switch field {
    case .string: return scalar
    case .expression: return ["type": "string", "description": "A CEL expression."]
    case .number: return ["type": "number"]
    case .bool: return ["type": "boolean"]
    case .strings: return ["type": "array", "items": scalar]
    case .stringsOrExpression:
      return ["anyOf": [["type": "array", "items": scalar], ["type": "string", "description": "A CEL expression."]]]
    case .oneOf(let values): return ["enum": .array(values.map(JSONValue.string))]
    case .mapping(let shape): return object(shape.fields.mapValues(policy), required: shape.required)
    case .mappings(let shape):
      return ["type": "array", "items": object(shape.fields.mapValues(policy), required: shape.required)]
    case .anyMapping: return ["type": "object"]
    case .anyList: return ["type": "array"]
    }
  }

  /// A closed mapping: unknown keys are errors, as they are for the loaders.
  static func object(_ properties: [String: JSONValue], required: [String]) -> JSONValue {
    .object(members(properties, required: required))
  }

  static func members(_ properties: [String: JSONValue], required: [String]) -> [String: JSONValue] {
    var schema: [String: JSONValue] = [
      "type": "object", "additionalProperties": false, "properties": .object(properties),
    ]
    if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
    return schema
  }
}
