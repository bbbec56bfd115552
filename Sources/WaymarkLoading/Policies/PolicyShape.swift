import WaymarkModel

/// The keys of one mapping in a policy document, what each holds, and which must be present.
///
/// The readers reject keys outside `keys`, and the editor schemas (`api/schema/policy.schema.json`)
/// are written from the same tables, so the two cannot disagree.
package struct PolicyShape: Sendable {
  /// What one key holds.
  package indirect enum Field: Sendable {
    /// A scalar read as text.
    case string
    /// A CEL expression (a string).
    case expression
    case number
    case bool
    /// A list of strings.
    case strings
    /// A list of entity references, or one CEL expression selecting entities.
    case stringsOrExpression
    /// A string from a closed set.
    case oneOf([String])
    /// A nested mapping with its own shape.
    case mapping(PolicyShape)
    /// A list of mappings, each with the shape.
    case mappings(PolicyShape)
    /// Free-form values Waymark passes on without reading (labels, entities, facts).
    case anyMapping, anyList
  }

  /// Every key, with what it holds.
  package let fields: [String: Field]
  /// The keys that must be present.
  package let required: [String]

  package init(_ fields: [String: Field], required: [String] = []) {
    self.fields = fields
    self.required = required
  }

  /// The keys the readers accept.
  package var keys: Set<String> { Set(fields.keys) }
}

/// The shapes of `Scorecard`, `Waiver` and `ScorecardTest` documents.
package enum PolicyShapes {
  /// The kinds, with the shapes of their `metadata` and `spec`, in the order the schema lists them.
  package static let kinds: [(kind: String, metadata: PolicyShape, spec: PolicyShape)] = [
    ("Scorecard", scorecardMetadata, scorecardSpec), ("Waiver", waiverMetadata, waiverSpec),
    ("ScorecardTest", testMetadata, testSpec),
  ]

  /// The top level of every document.
  package static let document = PolicyShape(
    [
      "apiVersion": .oneOf([PolicyLoader.apiVersion]), "kind": .oneOf(kinds.map(\.kind)),
      "metadata": .anyMapping, "spec": .anyMapping,
    ],
    required: ["apiVersion", "kind", "metadata", "spec"])

  package static let scorecardMetadata = PolicyShape(
    [
      "name": .string, "title": .string, "description": .string, "annotations": .anyMapping, "labels": .anyMapping,
      "tags": .strings,
    ],
    required: ["name"])
  package static let waiverMetadata = PolicyShape(
    ["name": .string, "title": .string, "description": .string, "annotations": .anyMapping, "labels": .anyMapping],
    required: ["name"])
  package static let testMetadata = PolicyShape(
    ["name": .string, "title": .string, "description": .string], required: ["name"])

  package static let scorecardWaivers = PolicyShape(["approvers": .strings])
  package static let minimumLevel = PolicyShape(["level": .string, "where": .expression], required: ["level"])
  package static let gate = PolicyShape([
    "noLevelDrop": .bool, "minimumLevel": .mappings(minimumLevel), "failOnError": .bool,
  ])
  package static let link = PolicyShape(["url": .string, "title": .string], required: ["url"])
  package static let check = PolicyShape(
    [
      "id": .string, "title": .string, "description": .string, "level": .string, "weight": .number,
      "expr": .expression, "applicable": .expression, "remediation": .string, "links": .mappings(link),
    ],
    required: ["id", "expr"])
  package static let scorecardSpec = PolicyShape([
    "owner": .string, "appliesTo": .expression, "levels": .strings, "waivers": .mapping(scorecardWaivers),
    "gate": .mapping(gate), "checks": .mappings(check),
  ])

  package static let waiverSpec = PolicyShape(
    [
      "scorecard": .string, "check": .string, "entities": .stringsOrExpression, "reason": .string, "ticket": .string,
      "expires": .string, "approvedBy": .string,
    ],
    required: ["scorecard", "check", "entities", "reason", "expires", "approvedBy"])

  package static let expectation = PolicyShape(
    ["entity": .string, "check": .string, "result": .oneOf(CheckOutcome.allCases.map(\.rawValue)), "level": .string],
    required: ["entity"])
  package static let testSpec = PolicyShape(
    ["scorecard": .string, "entities": .anyList, "facts": .anyMapping, "expect": .mappings(expectation)],
    required: ["scorecard"])
}
