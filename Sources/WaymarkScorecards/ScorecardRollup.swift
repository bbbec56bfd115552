import StructuredData
import WaymarkModel

/// Summaries of one scorecard's results: level distribution, pass rate per check, and the same
/// per owning group (and its parents), system, domain, golden path and the whole org.
public struct ScorecardRollup: Sendable {
  /// The catalog, for ownership and structure.
  public let catalog: Catalog

  /// Creates a roll-up builder.
  public init(catalog: Catalog) {
    self.catalog = catalog
  }

  /// The annotation naming the Template an entity was created from.
  public static let sourceTemplateAnnotation = "backstage.io/source-template"

  /// The summary of `scores` for `scorecard`: `{entities, levels: {level|none: n}, passRate: {check: x|null}, averageScore}`.
  public func summary(of scores: [EntityScore], for scorecard: Scorecard) -> JSONValue {
    var levels: [String: JSONValue] = ["none": 0]
    for level in scorecard.levels { levels[level] = 0 }
    for score in scores {
      let key = score.level ?? "none"
      levels[key] = .int((levels[key]?.intValue ?? 0) + 1)
    }
    var passRate: [String: JSONValue] = [:]
    for (index, check) in scorecard.checks.enumerated() {
      var passed = 0
      var counted = 0
      for score in scores where index < score.checks.count {
        switch score.checks[index].outcome {
        case .pass:
          passed += 1
          counted += 1
        case .fail, .error: counted += 1
        case .waived, .notApplicable: break
        }
      }
      passRate[check.id] = counted > 0 ? .double(Self.rounded(Double(passed) / Double(counted))) : .null
    }
    let scored = scores.compactMap(\.score)
    return [
      "entities": .int(Int64(scores.count)),
      "levels": .object(levels),
      "passRate": .object(passRate),
      "averageScore": scored.isEmpty ? .null : .double(Self.rounded(scored.reduce(0, +) / Double(scored.count))),
    ]
  }

  /// Every roll-up of a report: `{org, groups: {ref: S}, systems, domains, templates, leaderboard: [{group, averageScore, entities}]}`.
  public func rollups(of report: ScorecardReport) -> JSONValue {
    var groups: [EntityRef: [EntityScore]] = [:]
    var systems: [EntityRef: [EntityScore]] = [:]
    var domains: [EntityRef: [EntityScore]] = [:]
    var templates: [String: [EntityScore]] = [:]
    let parents = parentGroups()
    for score in report.results {
      guard let entity = catalog[score.entity] else { continue }
      for owner in entity.targets(of: "ownedBy") {
        var pending = [owner]
        var seen = Set<EntityRef>()
        while let group = pending.popLast() {
          guard seen.insert(group).inserted else { continue }
          groups[group, default: []].append(score)
          pending += parents[group] ?? []
        }
      }
      for system in entity.targets(of: "partOf") where system.kind.lowercased() == "system" {
        systems[system, default: []].append(score)
        for domain in catalog[system]?.targets(of: "partOf") ?? [] where domain.kind.lowercased() == "domain" {
          domains[domain, default: []].append(score)
        }
      }
      if let template = entity.document.value(at: ["metadata", "annotations", Self.sourceTemplateAnnotation])?
        .stringValue
      {
        let ref = EntityRef(parsing: template, defaultKind: "Template", defaultNamespace: entity.ref.namespace)
        templates[ref?.canonical ?? template, default: []].append(score)
      }
    }
    func summaries(_ buckets: [EntityRef: [EntityScore]]) -> JSONValue {
      .object(
        Dictionary(
          uniqueKeysWithValues: buckets.map { ($0.key.canonical, summary(of: $0.value, for: report.scorecard)) }))
    }
    let leaderboard = groups.filter { $0.key.kind.lowercased() == "group" }.map {
      group, scores -> (EntityRef, Double?, Int) in
      let scored = scores.compactMap(\.score)
      return (group, scored.isEmpty ? nil : scored.reduce(0, +) / Double(scored.count), scores.count)
    }.sorted { lhs, rhs in
      if (lhs.1 ?? -1) != (rhs.1 ?? -1) { return (lhs.1 ?? -1) > (rhs.1 ?? -1) }
      return lhs.0 < rhs.0
    }
    return [
      "org": summary(of: report.results, for: report.scorecard),
      "groups": summaries(groups),
      "systems": summaries(systems),
      "domains": summaries(domains),
      "templates": .object(templates.mapValues { summary(of: $0, for: report.scorecard) }),
      "leaderboard": .array(
        leaderboard.map { group, average, count in
          [
            "group": .string(group.canonical), "averageScore": average.map { .double(Self.rounded($0)) } ?? .null,
            "entities": .int(Int64(count)),
          ]
        }),
    ]
  }

  private func parentGroups() -> [EntityRef: [EntityRef]] {
    var parents: [EntityRef: [EntityRef]] = [:]
    for entity in catalog.entities where entity.ref.kind.lowercased() == "group" {
      parents[entity.ref] = entity.targets(of: "childOf")
    }
    return parents
  }

  /// Rounds to four decimals so JSON stays stable and readable.
  package static func rounded(_ value: Double) -> Double {
    (value * 10_000).rounded() / 10_000
  }
}
