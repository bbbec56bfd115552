import StructuredData
import WaymarkModel

/// Writes each docs site's page list and headings to `api/docs/<namespace>/<kind>/<name>.json`
/// (for search), and copies the sites' images and other files beside their pages.
package struct DocsAPIRenderer {
  package let input: RenderInput

  package func files() -> [OutputFile] {
    files(for: KeepingSink())
  }

  /// `files()`, with each site's file keyed by the site's content (`RenderInput.docsSiteKeys`)
  /// when the input has keys, and taken from the previous build when `sink` holds it
  /// (`OutputSink.claim`) rather than made.
  package func files<Sink: OutputSink>(for sink: Sink) -> [OutputFile] {
    let writer = JSONWriter(pretty: true)
    let keys = sink.keysPages ? input.withDocsSiteKeys().docsSiteKeys : []
    return input.docs.sites.enumerated().map { index, site in
      let path = SitePaths.docsJSON(site.entity)
      guard index < keys.count,
        let group = input.groupKey(
          "docs-api",
          { _, hasher in
            hasher.add(path)
            hasher.add(keys[index])
            hasher.add(input.docs.fact(for: site.entity))
          })
      else {
        return OutputFile(path: path, bytes: writer.bytes(for: value(for: site)))
      }
      if sink.claim(path: path, source: group) { return .claimed(path: path, source: nil, inputs: group) }
      var file = OutputFile(path: path, bytes: writer.bytes(for: value(for: site)))
      file.inputs = group
      return file
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
