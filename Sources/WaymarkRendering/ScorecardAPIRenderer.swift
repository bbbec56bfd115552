import StructuredData
import WaymarkModel
import WaymarkScorecards

/// Writes `api/scorecards.json`, `api/readiness.json`, `api/waivers.json`, `api/history.json`
/// and, with a baseline, `api/changes.json`.
package struct ScorecardAPIRenderer {
  package let outcome: ScorecardOutcome
  package let catalog: Catalog

  package func files() -> [OutputFile] {
    let writer = JSONWriter()
    var files =
      [
        OutputFile(
          path: "api/scorecards.json",
          bytes: writer.bytes(for: ["scorecards": .array(outcome.reports.map(scorecardValue))])),
        OutputFile(path: "api/readiness.json", bytes: writer.bytes(for: readiness())),
        OutputFile(
          path: "api/waivers.json", bytes: writer.bytes(for: ["waivers": .array(outcome.waivers.map(Self.waiverValue))])
        ),
        OutputFile(path: "api/history.json", bytes: writer.bytes(for: ["points": .array(outcome.history)])),
      ] + ScorecardSchemaRenderer.files()
    if let changes = outcome.changes {
      files.append(
        OutputFile(
          path: "api/changes.json",
          bytes: writer.bytes(for: [
            "baseline": outcome.baselineAsOf.map(JSONValue.string) ?? .null,
            "changes": .array(changes.map(Self.changeValue)),
          ])))
    }
    return files
  }

  package func scorecardValue(_ report: ScorecardReport) -> JSONValue {
    let scorecard = report.scorecard
    let rollup = ScorecardRollup(catalog: catalog)
    return [
      "name": .string(scorecard.name),
      "title": .string(scorecard.title),
      "description": scorecard.description.map(JSONValue.string) ?? .null,
      "owner": scorecard.owner.map { .string($0.canonical) } ?? .null,
      "levels": .array(scorecard.levels.map(JSONValue.string)),
      "source": ["path": .string(scorecard.source.path), "line": .int(Int64(scorecard.source.line))],
      "checks": .array(scorecard.checks.map(Self.checkDefinition)),
      "results": .array(report.results.map(Self.resultValue)),
      "summary": rollup.summary(of: report.results, for: scorecard),
      "rollups": rollup.rollups(of: report),
    ]
  }

  package static func checkDefinition(_ check: ScorecardCheck) -> JSONValue {
    [
      "id": .string(check.id), "title": .string(check.title),
      "description": check.description.map(JSONValue.string) ?? .null,
      "level": check.level.map(JSONValue.string) ?? .null, "weight": .double(check.weight),
      "expr": .string(check.expression.source),
      "applicable": check.applicable.map { .string($0.source) } ?? .null,
      "remediation": check.remediation.map(JSONValue.string) ?? .null,
      "links": .array(check.links.map { ["title": .string($0.title), "url": .string($0.url)] }),
    ]
  }

  package static func resultValue(_ score: EntityScore) -> JSONValue {
    [
      "entity": .string(score.entity.canonical),
      "level": score.level.map(JSONValue.string) ?? .null,
      "score": score.score.map { .double(ScorecardRollup.rounded($0)) } ?? .null,
      "inputs": score.inputs,
      "checks": .array(
        score.checks.map { check in
          var value: [String: JSONValue] = [
            "id": .string(check.id), "result": .string(check.outcome.rawValue),
            "message": check.message.map(JSONValue.string) ?? .null,
          ]
          if let waiver = check.waiver { value["waiver"] = .string(waiver) }
          return .object(value)
        }),
    ]
  }

  /// Per entity: level and score per scorecard, and the failing checks with their remediation.
  package func readiness() -> JSONValue {
    var entities: [String: [String: JSONValue]] = [:]
    for report in outcome.reports {
      let checks = Dictionary(uniqueKeysWithValues: report.scorecard.checks.map { ($0.id, $0) })
      for score in report.results {
        let failing: [JSONValue] = score.checks.filter { $0.outcome == .fail || $0.outcome == .error }.map { result in
          let check = checks[result.id]
          return [
            "id": .string(result.id), "title": .string(check?.title ?? result.id),
            "result": .string(result.outcome.rawValue),
            "level": check?.level.map(JSONValue.string) ?? .null,
            "remediation": check?.remediation.map(JSONValue.string) ?? .null,
            "message": result.message.map(JSONValue.string) ?? .null,
          ]
        }
        entities[score.entity.canonical, default: [:]][report.scorecard.name] = [
          "level": score.level.map(JSONValue.string) ?? .null,
          "score": score.score.map { .double(ScorecardRollup.rounded($0)) } ?? .null,
          "failing": .array(failing),
        ]
      }
    }
    return ["entities": .object(entities.mapValues { ["scorecards": .object($0)] })]
  }

  package static func waiverValue(_ compiled: CompiledWaiver) -> JSONValue {
    let waiver = compiled.waiver
    return [
      "name": .string(waiver.name), "scorecard": .string(waiver.scorecard), "check": .string(waiver.check),
      "entities": .array(waiver.entities.map { .string($0.canonical) }),
      "filter": waiver.filter.map { .string($0.source) } ?? .null,
      "reason": .string(waiver.reason), "ticket": waiver.ticket.map(JSONValue.string) ?? .null,
      "expires": .string(waiver.expiresDate), "approvedBy": .string(waiver.approvedBy.canonical),
      "status": .string(compiled.status.rawValue),
      "source": ["path": .string(waiver.source.path), "line": .int(Int64(waiver.source.line))],
    ]
  }

  package static func changeValue(_ change: LevelChange) -> JSONValue {
    [
      "scorecard": .string(change.scorecard), "entity": .string(change.entity),
      "from": change.from.map(JSONValue.string) ?? .null, "to": change.to.map(JSONValue.string) ?? .null,
      "direction": .string(change.direction),
      "checks": .array(
        change.checks.map {
          [
            "id": .string($0.id), "from": $0.from.map(JSONValue.string) ?? .null,
            "to": $0.to.map(JSONValue.string) ?? .null,
          ]
        }),
    ]
  }
}
