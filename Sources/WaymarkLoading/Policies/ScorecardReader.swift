import StructuredData
import WaymarkModel
import YAML

/// Reads the `spec` of Scorecard, Waiver and ScorecardTest documents into model values.
package struct ScorecardReader {
  package let spec: GuardrailFieldReader
  package let metadata: GuardrailFieldReader
  package let name: String
  package let source: SourceLocation

  package func read(into diagnostics: inout [Diagnostic]) -> Scorecard? {
    spec.rejectUnknownKeys(allowing: PolicyShapes.scorecardSpec.keys, into: &diagnostics)
    let owner = spec.string("owner", into: &diagnostics).flatMap { EntityRef(parsing: $0, defaultKind: "Group") }
    let levels = spec.strings("levels", into: &diagnostics).map(\.0)
    var approvers: [EntityRef] = []
    if let waivers = spec.mapping("waivers", into: &diagnostics) {
      waivers.rejectUnknownKeys(allowing: PolicyShapes.scorecardWaivers.keys, into: &diagnostics)
      for (text, position) in waivers.strings("approvers", into: &diagnostics) {
        if let ref = EntityRef(parsing: text, defaultKind: "Group") {
          approvers.append(ref)
        } else {
          diagnostics.append(
            .error(.policyBadRef, "'\(text)' is not a valid entity reference", at: spec.location(position)))
        }
      }
    }
    var gate = ScorecardGate.none
    if let gateReader = spec.mapping("gate", into: &diagnostics) {
      gateReader.rejectUnknownKeys(allowing: PolicyShapes.gate.keys, into: &diagnostics)
      gate.noLevelDrop = gateReader.bool("noLevelDrop", into: &diagnostics) ?? false
      gate.failOnError = gateReader.bool("failOnError", into: &diagnostics) ?? false
      for floor in gateReader.mappings("minimumLevel", into: &diagnostics) {
        floor.rejectUnknownKeys(allowing: PolicyShapes.minimumLevel.keys, into: &diagnostics)
        guard let level = floor.string("level", required: true, into: &diagnostics) else { continue }
        gate.minimumLevels.append(
          .init(
            level: level, filter: floor.expression("where", into: &diagnostics),
            location: floor.location(floor.node.start)))
      }
    }
    var checks: [ScorecardCheck] = []
    for check in spec.mappings("checks", into: &diagnostics) {
      check.rejectUnknownKeys(allowing: PolicyShapes.check.keys, into: &diagnostics)
      guard let id = check.string("id", required: true, into: &diagnostics),
        let expression = check.expression("expr", required: true, into: &diagnostics)
      else { continue }
      let weight = check.number("weight", into: &diagnostics) ?? 1
      if weight < 0 {
        diagnostics.append(
          .error(
            .policyBadWeight, "\(check.path.appending("weight")) must not be negative",
            at: check.location(check.node.start)))
      }
      let links = check.mappings("links", into: &diagnostics).compactMap { link -> PolicyLink? in
        link.rejectUnknownKeys(allowing: PolicyShapes.link.keys, into: &diagnostics)
        guard let url = link.string("url", required: true, into: &diagnostics) else { return nil }
        return PolicyLink(title: link.string("title", into: &diagnostics) ?? url, url: url)
      }
      checks.append(
        ScorecardCheck(
          id: id, title: check.string("title", into: &diagnostics) ?? id,
          description: check.string("description", into: &diagnostics),
          level: check.string("level", into: &diagnostics), weight: max(0, weight), expression: expression,
          applicable: check.expression("applicable", into: &diagnostics),
          remediation: check.string("remediation", into: &diagnostics),
          links: links))
    }
    return Scorecard(
      name: name, title: metadata.string("title", into: &diagnostics) ?? name,
      description: metadata.string("description", into: &diagnostics), owner: owner,
      appliesTo: spec.expression("appliesTo", into: &diagnostics), levels: levels, checks: checks,
      waiverApprovers: approvers,
      gate: gate, source: source)
  }

  package static func readWaiver(
    spec: GuardrailFieldReader, name: String, source: SourceLocation, into diagnostics: inout [Diagnostic]
  ) -> Waiver? {
    spec.rejectUnknownKeys(allowing: PolicyShapes.waiverSpec.keys, into: &diagnostics)
    let scorecard = spec.string("scorecard", required: true, into: &diagnostics)
    let check = spec.string("check", required: true, into: &diagnostics)
    let reason = spec.string("reason", required: true, into: &diagnostics)
    let expiresText = spec.string("expires", required: true, into: &diagnostics)
    let approver = spec.string("approvedBy", required: true, into: &diagnostics)
    var entities: [EntityRef] = []
    var filter: PolicyExpression?
    if let node = spec.node["entities"], node.scalar != nil {
      filter = spec.expression("entities", into: &diagnostics)
    } else {
      for (text, position) in spec.strings("entities", into: &diagnostics) {
        if let ref = EntityRef(parsing: text, defaultKind: "Component") {
          entities.append(ref)
        } else {
          diagnostics.append(
            .error(.policyBadRef, "'\(text)' is not a valid entity reference", at: spec.location(position)))
        }
      }
      if spec.node["entities"] == nil {
        diagnostics.append(
          .error(
            .policyMissingField, "\(spec.path.appending("entities")) must have a value",
            at: spec.location(spec.node.start)))
      }
    }
    guard let scorecard, let check, let reason, let expiresText, let approver else { return nil }
    guard let day = Timestamp(iso8601: expiresText) else {
      diagnostics.append(
        .error(
          .policyBadDate, "expires '\(expiresText)' is not a date (YYYY-MM-DD)",
          at: spec.location(spec.node["expires"]?.start ?? spec.node.start)))
      return nil
    }
    guard let approvedBy = EntityRef(parsing: approver, defaultKind: "User") else {
      diagnostics.append(
        .error(
          .policyBadRef, "approvedBy '\(approver)' is not a valid entity reference",
          at: spec.location(spec.node["approvedBy"]?.start ?? spec.node.start)))
      return nil
    }
    // A waiver "expires 2026-12-01" still applies on that day: it ends at the following midnight.
    let expires = expiresText.count == 10 ? day.adding(days: 1) : day
    return Waiver(
      name: name, scorecard: scorecard, check: check, entities: entities, filter: filter, reason: reason,
      ticket: spec.string("ticket", into: &diagnostics), expires: expires, expiresDate: String(expiresText.prefix(10)),
      approvedBy: approvedBy, source: source)
  }

  package static func readTest(
    spec: GuardrailFieldReader, name: String, source: SourceLocation, into diagnostics: inout [Diagnostic]
  ) -> ScorecardTest? {
    spec.rejectUnknownKeys(allowing: PolicyShapes.testSpec.keys, into: &diagnostics)
    guard let scorecard = spec.string("scorecard", required: true, into: &diagnostics) else { return nil }
    var entities: [JSONValue] = []
    if let node = spec.node["entities"] {
      if let elements = node.sequence {
        entities = elements.map { YAMLConverter().convert($0).value }
      } else {
        diagnostics.append(
          .error(
            .policyWrongType, "\(spec.path.appending("entities")) must be a list of entities",
            at: spec.location(node.start)))
      }
    }
    var facts: [String: JSONValue] = [:]
    if let node = spec.node["facts"] {
      facts = YAMLConverter().convert(node).value.objectValue ?? [:]
    }
    var expectations: [ScorecardTest.Expectation] = []
    for expect in spec.mappings("expect", into: &diagnostics) {
      expect.rejectUnknownKeys(allowing: PolicyShapes.expectation.keys, into: &diagnostics)
      guard let entity = expect.string("entity", required: true, into: &diagnostics) else { continue }
      let check = expect.string("check", into: &diagnostics)
      let resultText = expect.string("result", into: &diagnostics)
      let result = resultText.flatMap(CheckOutcome.init(rawValue:))
      if let resultText, result == nil {
        diagnostics.append(
          .error(
            .policyBadResult,
            "result '\(resultText)' must be one of \(CheckOutcome.allCases.map(\.rawValue).joined(separator: ", "))",
            at: expect.location(expect.node["result"]?.start ?? expect.node.start)))
        continue
      }
      let level = expect.string("level", into: &diagnostics)
      if (check == nil) == (level == nil) || (check != nil && result == nil) {
        diagnostics.append(
          .error(
            .policyBadExpectation, "an expectation needs either 'check' with 'result', or 'level'",
            at: expect.location(expect.node.start)))
        continue
      }
      expectations.append(
        .init(entity: entity, check: check, result: result, level: level, location: expect.location(expect.node.start)))
    }
    return ScorecardTest(
      name: name, scorecard: scorecard, entities: entities, facts: facts, expectations: expectations, source: source)
  }
}
