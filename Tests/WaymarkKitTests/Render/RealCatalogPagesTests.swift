import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

/// Pages of a catalog shaped like a real one: one `catalog-info.yaml` per repository with the
/// annotations Backstage's import writes, a Group with a profile picture, a Backstage software
/// template, a TechDocs site, two entities sharing a title, and no scorecards.
@Suite struct RealCatalogPagesTests {
  static let files: [String: String] = [
    "waymark.yaml": """
    site: {title: Acme Portal}
    inputs:
      catalog: ["**/catalog-info.yaml", "templates/**/template.yaml"]
    """,
    "repos/storefront/catalog-info.yaml": """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: storefront
      title: Storefront
      description: The customer-facing shop.
      annotations:
        github.com/project-slug: acme/storefront
        backstage.io/managed-by-location: url:https://github.com/acme/storefront/blob/main/catalog-info.yaml
        backstage.io/managed-by-origin-location: url:https://github.com/acme/storefront/blob/main/catalog-info.yaml
        backstage.io/source-location: url:https://github.com/acme/storefront/tree/main/
        backstage.io/view-url: https://github.com/acme/storefront/blob/main/catalog-info.yaml
        backstage.io/techdocs-ref: url:https://github.com/acme/storefront/tree/main/
        pagerduty.com/service-id: P7X2K9Q
    spec:
      type: website
      lifecycle: production
      owner: web-team
      system: storefront
    ---
    apiVersion: backstage.io/v1alpha1
    kind: System
    metadata:
      name: storefront
      title: Storefront
    spec:
      owner: web-team
    """,
    "repos/billing/catalog-info.yaml": """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: billing
      title: Billing
      annotations:
        gitlab.com/project-slug: acme/platform/billing
        backstage.io/source-location: url:https://gitlab.com/acme/platform/billing/-/tree/main/
        backstage.io/techdocs-ref: dir:.
    spec:
      type: service
      lifecycle: production
      owner: platform
    """,
    "repos/billing/mkdocs.yml": "site_name: Billing handbook\nnav:\n  - Home: index.md\n",
    "repos/billing/docs/index.md": "# Billing handbook\n\nHow invoices are issued.\n",
    "repos/legacy/catalog-info.yaml": """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: legacy
      annotations:
        github.com/project-slug: ../../evil
        backstage.io/view-url: javascript:alert(1)
        backstage.io/edit-url: "data:text/html,<script>alert(2)</script>"
        backstage.io/source-location: url:javascript:alert(document.cookie)
    spec:
      type: service
      lifecycle: deprecated
      owner: platform
    """,
    "org/catalog-info.yaml": """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata:
      name: web-team
      title: Web team
    spec:
      type: team
      profile:
        displayName: Web Team
        email: web-team@acme.example
        picture: https://avatars.acme.example/teams/web.png
      children: []
      members: [ana.silva]
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata:
      name: platform
    spec:
      type: team
      profile:
        displayName: Platform Engineering
        picture: http://avatars.acme.example/teams/platform.png
      children: []
    ---
    apiVersion: backstage.io/v1alpha1
    kind: User
    metadata:
      name: ana.silva
    spec:
      profile:
        displayName: Ana Silva
        email: ana.silva@acme.example
      memberOf: [web-team]
    """,
    "templates/node-service/template.yaml": """
    apiVersion: scaffolder.backstage.io/v1beta3
    kind: Template
    metadata:
      name: node-service
      title: Node.js service
      description: An Express service with CI and a catalog entry.
    spec:
      owner: platform
      type: service
      parameters:
        - title: Fill in some steps
          required: [name]
          properties:
            name:
              title: Name
              type: string
              ui:autofocus: true
            owner:
              title: Owner
              type: string
              description: Owner of the component
              ui:field: OwnerPicker
        - title: Choose a location
          required: [repoUrl]
          properties:
            repoUrl:
              title: Repository Location
              type: string
              ui:field: RepoUrlPicker
            visibility:
              title: Visibility
              type: string
              enum: [private, internal]
              default: private
      steps:
        - id: fetch-base
          name: Fetch Base
          action: fetch:template
          input: {url: ./skeleton}
        - id: publish
          name: Publish
          action: publish:github
          input: {repoUrl: "${{ parameters.repoUrl }}"}
        - id: register
          name: Register
          action: catalog:register
          input: {catalogInfoPath: /catalog-info.yaml}
    """,
  ]

  static let pages: [(String, String)] = [
    ("catalog/default/component/storefront/index.html", "fixture-entity-links.html"),
    ("catalog/default/group/web-team/index.html", "fixture-group-picture.html"),
    ("catalog/default/template/node-service/index.html", "fixture-template.html"),
    ("docs/index.html", "fixture-docs-index.html"),
    ("readiness/index.html", "fixture-readiness-empty.html"),
  ]

  func build() async throws -> BuildResult {
    let root = try SiteFixture.make(Self.files)
    return try await SiteBuilder().build(
      BuildOptions(root: root, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"), writesOutput: false))
  }

  static func main(_ result: BuildResult, _ path: String) throws -> String {
    let file = try #require(result.files.first { $0.path == path }, "\(path)")
    let html = String(decoding: file.bytes, as: UTF8.self)
    let start = try #require(html.range(of: "<main id=\"main\">"), "\(path)")
    let end = try #require(html.range(of: "</main>", range: start.upperBound..<html.endIndex), "\(path)")
    return String(html[start.lowerBound..<end.upperBound]) + "\n"
  }

  @Test func pagesMatchTheirGoldens() async throws {
    let result = try await build()
    #expect(result.diagnostics.errorCount == 0)
    #expect(result.diagnostics.items.map(\.code) == [DiagnosticCode.docsRemoteRef])
    for (path, golden) in Self.pages {
      assertGolden(try Self.main(result, path), named: golden)
    }
  }

  @Test func hostileAnnotationsBecomeNoLinks() async throws {
    let html = try Self.main(try await build(), "catalog/default/component/legacy/index.html")
    #expect(!html.contains("entity-actions"))
    #expect(!html.contains("href=\"javascript"))
    #expect(!html.contains("href=\"data:"))
    #expect(!html.contains("<script>"))
    #expect(html.contains("javascript:alert(1)"))
  }

  @Test func gitLabSourceLocationGivesTheEditURLOfTheCatalogFile() async throws {
    let html = try Self.main(try await build(), "catalog/default/component/billing/index.html")
    #expect(
      html.contains(
        "<a href=\"https://gitlab.com/acme/platform/billing/-/edit/main/catalog-info.yaml\" rel=\"noopener\">Edit</a>"))
    #expect(html.contains("<a href=\"https://gitlab.com/acme/platform/billing\" rel=\"noopener\">Repository</a>"))
    #expect(
      html.contains(
        "<a href=\"https://gitlab.com/acme/platform/billing/-/tree/main/\" rel=\"noopener\">View source</a>"))
  }

  @Test func aPictureThatIsNotHTTPSShowsInitials() async throws {
    let html = try Self.main(try await build(), "catalog/default/group/platform/index.html")
    #expect(!html.contains("<img"))
    #expect(html.contains("<span class=\"avatar avatar-initials\" aria-hidden=\"true\">PE</span>"))
  }

  @Test func sharedTitlesShowTheirReferences() async throws {
    let html = try Self.main(try await build(), "catalog/index.html")
    #expect(html.contains("Storefront</a> <code class=\"ref\">component:default/storefront</code>"))
    #expect(html.contains("Storefront</a> <code class=\"ref\">system:default/storefront</code>"))
    #expect(!html.contains("<code class=\"ref\">component:default/billing</code>"))
  }

  @Test func anEmptySiteSaysWhatToAdd() async throws {
    let root = try SiteFixture.make(["waymark.yaml": "site: {title: Empty}\n"])
    let result = try await SiteBuilder().build(
      BuildOptions(root: root, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"), writesOutput: false))
    #expect(result.diagnostics.items.map(\.code) == [DiagnosticCode.catalogNoInput])
    #expect(try Self.main(result, "catalog/index.html").contains("<p>No entities yet: add Backstage"))
    #expect(try Self.main(result, "scorecards/index.html").contains("No scorecards are defined yet"))
    #expect(try Self.main(result, "golden-paths/index.html").contains("No Template entities are in the catalog yet"))
    #expect(!result.files.contains { $0.path == "docs/index.html" })
  }

  @Test func aParameterWithoutADescriptionShowsNoneNotTheTemplates() async throws {
    let html = try Self.main(try await build(), "golden-paths/index.html")
    #expect(html.contains("<tr><td>Name <code>name</code></td><td>string</td><td>yes</td><td></td></tr>"))
    #expect(html.components(separatedBy: "An Express service with CI and a catalog entry.").count == 2)
    #expect(html.contains("<h4>Fill in some steps</h4>") && html.contains("<h4>Choose a location</h4>"))
  }
}
