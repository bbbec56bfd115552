import StructuredData
import WaymarkGuardrails
import WaymarkModel

/// Writes `api/policy-results.json` and `api/policy-results-unmapped.json`, and builds the view
/// models of the entity page's policy section and the guardrails overview page.
///
/// Everything is written only when the build read at least one policy-results file, so sites
/// without guardrails get no empty pages.
package struct GuardrailResultsRenderer {
  package let results: GuardrailResults
  package let catalog: Catalog

  /// Whether there is anything to show.
  package var isActive: Bool { !results.inputs.isEmpty }

  package func files() -> [OutputFile] {
    guard isActive else { return [] }
    let writer = JSONWriter(pretty: true)
    return [
      OutputFile(path: "api/policy-results.json", bytes: writer.bytes(for: results.value)),
      OutputFile(
        path: GuardrailResults.unmappedFile,
        bytes: writer.bytes(for: ["unmapped": .array(results.unmapped.map(\.value))])),
    ]
  }

  /// The entity page's `policy` key: its roll-up and findings, `unknown` when it has none, or nil
  /// (no section) for kinds policies are not run against.
  package func entityModel(for entity: Entity, root: String) -> JSONValue? {
    guard isActive else { return nil }
    let findings = results.findingsByEntity[entity.ref] ?? []
    guard !findings.isEmpty || GuardrailMapper.folderKinds.contains(entity.ref.kind.lowercased()) else { return nil }
    guard case .object(var model) = results.fact(for: entity.ref) else {
      return ["unknown": true, "overviewURL": .string(root + "guardrails/")]
    }
    model["unknown"] = false
    model["overviewURL"] = .string(root + "guardrails/")
    model["ruleList"] = ruleList(model["rules"])
    let rows = findings.filter { $0.result != .pass }.map(Self.row)
    model["findingList"] = .array(rows)
    model["hasFindings"] = .bool(!rows.isEmpty)
    model["ruleCount"] = .int(Int64(model["rules"]?.objectValue?.count ?? 0))
    model["tools"] = .string(Array(Set(findings.map(\.tool))).sorted().joined(separator: ", "))
    return .object(model)
  }

  /// The guardrails page: one row per entity with results, the unmapped findings and the inputs.
  ///
  /// The page lists at most `Self.openFindingsPerEntity` open findings per entity and
  /// `Self.unmappedShown` unmapped ones, so that it stays readable (and within its page-weight
  /// budget) on a large organisation; the rest are on the entity pages and in the JSON API.
  package func overviewModel(root: String) -> GuardrailsPage {
    let rows = results.entityRefs.map { ref in
      let fact = results.counts(for: ref)
      let open = (results.findingsByEntity[ref] ?? []).filter(\.isOpen)
      return GuardrailsPage.EntityRow(
        ref: ref.canonical, title: catalog[ref]?.title ?? ref.name, url: root + SitePaths.entityPage(ref),
        results: fact["results"].map(TemplateJSON.init), bySeverity: fact["bySeverity"].map(TemplateJSON.init),
        openFindings: open.prefix(Self.openFindingsPerEntity).map { TemplateJSON(Self.row($0)) },
        hasOpenFindings: !open.isEmpty,
        // Absent rather than 0: a Mustache section over 0 still renders.
        moreOpenFindings: open.count > Self.openFindingsPerEntity ? open.count - Self.openFindingsPerEntity : nil)
    }
    let unmappedOpen = results.unmapped.filter { $0.result != .pass }
    return GuardrailsPage(
      entities: rows, unmapped: unmappedOpen.prefix(Self.unmappedShown).map { TemplateJSON(Self.row($0)) },
      unmappedOpenCount: unmappedOpen.count, unmappedShown: min(unmappedOpen.count, Self.unmappedShown),
      moreUnmapped: unmappedOpen.count > Self.unmappedShown, unmappedCount: results.unmapped.count,
      inputs: results.inputs.map { input in
        GuardrailsPage.Input(path: input.path, format: input.format, tool: input.tool, results: input.results)
      })
  }

  /// How many open findings of one entity the guardrails page lists.
  package static let openFindingsPerEntity = 20
  /// How many open unmapped results the guardrails page lists.
  package static let unmappedShown = 100

  private func ruleList(_ rules: JSONValue?) -> JSONValue {
    let sorted = (rules?.objectValue ?? [:]).sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    return .array(
      sorted.map { id, rule in
        [
          "id": .string(id), "result": rule["result"] ?? .null, "severity": rule["severity"] ?? .null,
          "count": rule["count"] ?? .null,
        ]
      })
  }

  /// A finding as a table row; the help link only when it is a safe http(s) URL.
  package static func row(_ finding: GuardrailFinding) -> JSONValue {
    guard case .object(var row) = finding.value else { return finding.value }
    let place = finding.file.map { file in finding.line.map { "\(file):\($0)" } ?? file }
    row["location"] = place.map(JSONValue.string) ?? .null
    row["helpURL"] = finding.helpURL.flatMap(SitePaths.safeLink).map(JSONValue.string) ?? .null
    row["inputLocation"] = .string(finding.input.description)
    return .object(row)
  }
}
