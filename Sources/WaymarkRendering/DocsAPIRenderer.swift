import StructuredData
import WaymarkModel

/// Writes each docs site's page list and headings to `api/docs/<namespace>/<kind>/<name>.json`
/// (for search), and copies the sites' images and other files beside their pages.
package struct DocsAPIRenderer {
  package let input: RenderInput

  package func files() -> [OutputFile] {
    let writer = JSONWriter(pretty: true)
    return input.docs.sites.map { site in
      OutputFile(path: SitePaths.docsJSON(site.entity), text: writer.string(for: value(for: site)))
    }
  }

  /// The images and other files under each docs folder, at the same relative paths.
  package func assetFiles() -> [OutputFile] {
    input.docs.sites.flatMap { site in
      site.assets.map { OutputFile(path: SitePaths.docsFile(site.entity, path: $0.path), bytes: $0.bytes) }
    }
  }

  /// `{entity, name, description?, url, facts, fetched?: {url, resolvedURL, sha256}, pages: [{path, source, url,
  /// title, description?, tags, words, headings}]}`.
  package func value(for site: DocsSite) -> JSONValue {
    var object: [String: JSONValue] = [
      "entity": .string(site.entity.canonical),
      "name": .string(site.name),
      "url": .string(SitePaths.docsSite(site.entity)),
      "facts": input.docs.fact(for: site.entity),
      "pages": .array(
        site.pages.map { page in
          var entry: [String: JSONValue] = [
            "path": .string(page.path),
            "source": .string(page.source),
            "url": .string(SitePaths.docsSite(site.entity) + page.slug),
            "title": .string(page.title),
            "tags": .array(page.tags.map(JSONValue.string)),
            "words": .int(Int64(page.words)),
            "headings": .array(
              page.headings.map {
                ["level": .int(Int64($0.level)), "text": .string($0.text), "anchor": .string($0.anchor)]
              }),
          ]
          if let description = page.description { entry["description"] = .string(description) }
          return .object(entry)
        }),
    ]
    if let description = site.description { object["description"] = .string(description) }
    if let origin = site.origin {
      object["fetched"] = [
        "url": .string(origin.url), "resolvedURL": .string(origin.resolvedURL), "sha256": .string(origin.sha256),
      ]
    }
    return .object(object)
  }
}
