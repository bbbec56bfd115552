import WaymarkModel

/// Writes `llms.txt` (the llmstxt.org convention): a short markdown map of the portal for coding
/// assistants and agents, pointing at the JSON API and at every docs site. Links are relative to
/// the site root, where the file sits.
package struct LLMsTextRenderer {
  package let input: RenderInput

  /// The file.
  package func file() -> OutputFile {
    OutputFile(path: "llms.txt", text: text())
  }

  /// The markdown.
  package func text() -> String {
    let entities = input.catalog.entities
    let sites = input.docs.sites
    var lines = [
      "# \(Self.escaped(input.config.title))", "",
      "> A developer portal built by Waymark: \(entities.count) catalog entities, \(sites.count) docs sites"
        + " and \(input.scorecards.reports.count) scorecards. Read the JSON API rather than the HTML pages.", "",
      "## JSON API", "",
      "- [Catalog](api/catalog.json): every entity (Backstage descriptor format) with its relations and source",
      "- One entity: `api/entities/<namespace>/<kind>/<name>.json`, the same shape as a catalog entry",
      "- [Scorecards](api/scorecards.json): every scorecard, its checks and each entity's level and score",
      "- [Readiness](api/readiness.json): each entity's levels and failing checks",
      "- [Build](api/build.json): the build's inputs, counts and diagnostics",
    ]
    if input.delivery != nil { lines.append("- [DORA metrics](api/dora.json): delivery metrics per entity and group") }
    lines += ["- [JSON Schemas](api/schema/catalog.schema.json): of the catalog and entity files", ""]
    if !sites.isEmpty {
      lines += ["## Docs", ""]
      for site in sites.sorted(by: { $0.entity.canonical < $1.entity.canonical }) {
        let title = input.catalog[site.entity]?.title ?? site.name
        var line = "- [\(Self.escaped(title))](\(SitePaths.docsSite(site.entity))): \(site.pages.count) pages"
        if let description = site.description, !description.isEmpty { line += ", \(Self.escaped(description))" }
        lines.append(line + "; page list as JSON: `\(SitePaths.docsJSON(site.entity))`")
      }
      lines.append("")
    }
    lines += [
      "## Optional", "",
      "- [Catalog explorer](catalog/): every entity in one table",
      "- [Search](search/): full text over entities and docs; `search/?q=WORDS`",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// Catalog text made inert in markdown: one line, link and emphasis characters escaped.
  package static func escaped(_ text: String) -> String {
    // Most catalog text has none of these bytes: it is returned as it is, unscanned by character.
    // (0xC2 and 0xE2 lead U+0085, U+2028 and U+2029, the newlines beyond ASCII.)
    if !text.utf8.contains(where: { Self.mayNeedEscaping[Int($0)] }) { return text }
    var out = ""
    for character in text {
      if character.isNewline {
        out.append(" ")
        continue
      }
      if markdownSpecials.contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  /// The characters `escaped(_:)` puts a backslash before.
  private static let markdownSpecials = "\\`*_[]()<>#!|"

  /// By byte: whether it may start a character `escaped(_:)` changes.
  private static let mayNeedEscaping: [Bool] = (0...255).map { byte in
    [0x0A, 0x0B, 0x0C, 0x0D, 0xC2, 0xE2].contains(byte) || markdownSpecials.utf8.contains(UInt8(byte))
  }
}
