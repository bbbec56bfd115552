import CEL
import FuzzSupport
import StructuredData

/// The CEL parser and evaluator: an expression in, compiled with the scorecards' budget and
/// evaluated against an entity like the ones policies see; a value or a located error out.
let bindings: [String: JSONValue] = [
  "entity": [
    "apiVersion": "backstage.io/v1alpha1", "kind": "Component",
    "metadata": [
      "name": "payments-api", "namespace": "default", "tags": ["java", "payments"],
      "annotations": ["pagerduty.com/service-id": "P123", "backstage.io/techdocs-ref": "dir:."],
      "labels": ["tier": "1"],
    ],
    "spec": [
      "type": "service", "lifecycle": "production", "owner": "group:default/payments", "replicas": 3, "ratio": 0.5,
    ],
  ],
  "relations": ["ownedBy": ["group:default/payments"], "partOf": ["system:default/payments"]],
  "owner": ["kind": "Group", "metadata": ["name": "payments"], "spec": ["type": "team", "children": []]],
  "docs": ["exists": true, "pages": 4, "brokenLinks": 0, "words": 1200],
  "dora": .null,
  "policy": ["bySeverity": ["critical": 0, "high": 1], "rules": ["CKV_K8S_20": ["result": "pass", "count": 2]]],
  "scorecards": ["security": ["level": "silver", "score": 0.75]],
  "now": "2026-11-01T00:00:00Z",
  "x": 7, "y": "text", "l": [1, 2, 3], "m": ["a": 1, "b": [true, .null]],
]
let options = CELOptions(maxSteps: 100_000, maxComprehensionIterations: 100_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCEL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let source = String(decoding: FuzzInput.bytes(data, size), as: UTF8.self)
  do {
    let program = try CELProgram(source: source, options: options)
    let value = program.evaluate(json: bindings)
    _ = value.description
  } catch {
    guard error.line >= 1, error.column >= 1 else { fatalError("CEL error without a position: \(error)") }
    _ = error.renderedWithCaret(source: source)
  }
  return FuzzInput.keep
}
