/// The entity page's `entity` key: the entity's own fields, relations grouped by type.
package struct EntityDetails: Codable, Sendable, TemplateDescribed {
  /// An annotation or a label.
  package struct KeyValue: Codable, Sendable, TemplateDescribed {
    package var key: String
    package var value: String
    package var url: String?
    package var isLink: Bool = false

    package static let keyMeanings = [
      "key": "The name.", "value": "The value (JSON text when not a string).",
      "isLink": "Whether `url` is present (test this, not `url`: an absent `url` would find the entity's).",
      "url": "The value as a link when it is an `http(s)` URL or a `url:` location of one; absent otherwise.",
    ]
  }

  /// A link from `metadata.links` (http(s) only).
  package struct Link: Codable, Sendable, TemplateDescribed {
    package var url: String
    package var title: String

    package static let keyMeanings = ["url": "The URL.", "title": "Its title, or the URL."]
  }

  /// The relations of one type.
  package struct RelationGroup: Codable, Sendable, TemplateDescribed {
    package var type: String
    package var heading: String
    package var targets: [EntityLink]
    package var shownByKind: Bool = false

    package static let keyMeanings = [
      "type": "The relation type (`ownedBy`, `dependsOn`, …).",
      "heading": "Its heading (`Owner`, `Depends on`, …).",
      "targets": "The related entities.",
      "shownByKind": "Whether the kind's own section lists these (a Group's `hasMember`, `parentOf`, `ownerOf`); "
        + "the default theme leaves them out of Relations.",
    ]
  }

  /// Where the entity was declared.
  package struct Source: Codable, Sendable, TemplateDescribed {
    package var path: String
    package var line: Int
    /// The URL the file was fetched from (`waymark fetch`), when it is one; absent for local files.
    package var remoteURL: String?
    /// The SHA-256 `waymark.lock` records for a fetched file.
    package var sha256: String?
    package var shortSHA256: String?

    package static let keyMeanings = [
      "path": "The file, relative to the root (its URL when fetched by `waymark fetch`).",
      "line": "The document's first line.",
      "remoteURL": "The URL the file was fetched from, as a link; absent for a file in the repository.",
      "sha256": "The SHA-256 `waymark.lock` records for the fetched file; absent for a file in the repository.",
      "shortSHA256": "The first 12 digits of `sha256`.",
    ]
  }

  package var ref: String
  package var kind: String
  package var namespace: String
  package var name: String
  package var title: String
  package var description: String?
  package var type: String?
  package var lifecycle: String?
  package var owner: EntityLink?
  package var tags: [String]
  package var hasTags: Bool
  package var annotations: [KeyValue]
  package var hasAnnotations: Bool
  package var labels: [KeyValue]
  package var links: [Link]
  package var hasLinks: Bool
  package var relationGroups: [RelationGroup]
  package var hasRelations: Bool
  package var source: Source
  package var url: String
  package var viewSourceURL: String?
  package var editURL: String?
  package var repositoryURL: String?
  package var externalDocsURL: String?
  package var hasActions: Bool = false
  package var hasOtherRelations: Bool = false

  package static let keyMeanings = [
    "ref": "The entity reference, `kind:namespace/name`.",
    "kind": "The kind as written in the file.",
    "namespace": "The namespace.",
    "name": "The name.",
    "title": "`metadata.title`, or the name.",
    "description": "`metadata.description`; absent when none.",
    "type": "`spec.type`; absent when none.",
    "lifecycle": "`spec.lifecycle`; absent when none.",
    "owner": "The owner; absent when none.",
    "tags": "`metadata.tags`.",
    "hasTags": "Whether `tags` is non-empty.",
    "annotations": "`metadata.annotations`, sorted by key.",
    "hasAnnotations": "Whether `annotations` is non-empty.",
    "labels": "`metadata.labels`, sorted by key.",
    "links": "`metadata.links` with a safe URL.",
    "hasLinks": "Whether `links` is non-empty.",
    "relationGroups": "The relations, grouped by type in a fixed order.",
    "hasRelations": "Whether `relationGroups` is non-empty.",
    "source": "Where the entity was declared.",
    "url": "The entity page's URL, relative to this page.",
    "viewSourceURL": "\"View source\": `backstage.io/view-url`, else the `url:` target of "
      + "`backstage.io/source-location`; http(s) only, absent otherwise.",
    "editURL": "\"Edit\": `backstage.io/edit-url`, else the catalog file's edit URL derived from "
      + "`backstage.io/managed-by-location` (`…/blob/` → `…/edit/`) or `backstage.io/source-location` "
      + "(`…/tree/<branch>/` → `…/edit/<branch>/<file>`, GitLab `…/-/edit/…`); absent when not derivable.",
    "repositoryURL": "The repository: `github.com/project-slug`, `gitlab.com/project-slug`, else the "
      + "source location's repository; absent when none.",
    "externalDocsURL":
      "Docs hosted elsewhere: the `url:` target of `backstage.io/techdocs-ref`; absent otherwise, and when "
      + "`waymark fetch` fetched the site and it is built here (the entity's `docs` link leads to it).",
    "hasActions": "Whether any of `viewSourceURL`, `editURL`, `repositoryURL`, `externalDocsURL` is present.",
    "hasOtherRelations": "Whether some relation group is not `shownByKind`.",
  ]
}
