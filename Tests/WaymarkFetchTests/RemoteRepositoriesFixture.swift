import Foundation
import WaymarkFetch
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Two service repositories served over loopback in GitHub's shapes, and a catalog repository
/// naming everything in them by URL: a glob Location target over one repository's services
/// (`…/blob/main/services/**/catalog-info.yaml`), one entity substituting its OpenAPI document
/// with `$text`, one docs site beside its entity (`techdocs-ref: dir:.`, resolved against the
/// fetched file's URL) and one named with `techdocs-ref: url:…/tree/main/site`, read through the
/// repositories' archives.
///
/// `localSite()` is the same catalog with the repositories' files copied into the site (under
/// `repos/`) and named by path: what the portal must equal, but for provenance.
struct RemoteRepositoriesFixture {
  let server: FixtureServer

  /// A PNG's first bytes and a few more: a binary docs asset, read back byte for byte.
  static let image: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0x80]

  /// The platform repository's files, by path in it.
  static let platform: [String: String] = [
    "README.md": "# Platform\n\nThe platform monorepo.\n",
    "services/orders/catalog-info.yaml": """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: orders
      description: Takes orders.
      annotations:
        backstage.io/techdocs-ref: dir:.
    spec:
      type: service
      lifecycle: production
      owner: group:team-a
      providesApis: [orders-api]
    ---
    apiVersion: backstage.io/v1alpha1
    kind: API
    metadata:
      name: orders-api
      description: The orders API.
    spec:
      type: openapi
      lifecycle: production
      owner: group:team-a
      definition:
        $text: ./openapi.yaml

    """,
    "services/orders/openapi.yaml": FederatedCatalogFixture.openAPI,
    "services/orders/mkdocs.yml": """
    site_name: Orders
    nav:
      - Home: index.md
      - Runbook: runbook.md

    """,
    "services/orders/docs/index.md": """
    # Orders

    Orders takes orders. See the [runbook](runbook.md#restarts) and the flow:

    ![Flow](img/flow.png)

    """,
    "services/orders/docs/runbook.md": """
    # Runbook

    ## Restarts

    Restart with `kubectl rollout restart deploy/orders`.

    """,
    "services/payments/catalog-info.yaml": """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: payments
      description: Moves money.
    spec:
      type: service
      lifecycle: production
      owner: group:team-a
      consumesApis: [orders-api]

    """,
  ]

  /// The billing repository's files; `catalog-info.yaml` is made by `billingInfo(docsRef:)`.
  static let billing: [String: String] = [
    "site/mkdocs.yml": "site_name: Billing handbook\n",
    "site/docs/index.md": "# Billing\n\nStart with [setup](guide/setup.md).\n",
    "site/docs/guide/setup.md": "# Setup\n\nBack to the [start](../index.md).\n",
  ]

  static func billingInfo(docsRef: String) -> String {
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: billing
      description: Sends invoices.
      annotations:
        backstage.io/techdocs-ref: \(docsRef)
    spec:
      type: service
      lifecycle: production
      owner: group:team-a

    """
  }

  static let team = """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata:
      name: team-a
    spec:
      type: team
      children: []

    """

  init() throws {
    var files: [String: String] = [:]
    for (path, text) in Self.platform { files["raw/acme/platform/main/" + path] = text }
    for (path, text) in Self.billing { files["raw/acme/billing/main/" + path] = text }
    server = try FixtureServer(files, binary: ["raw/acme/platform/main/services/orders/docs/img/flow.png": Self.image])
    try server.serve(
      Self.billingInfo(docsRef: "url:\(server.base)/acme/billing/tree/main/site"),
      at: "raw/acme/billing/main/catalog-info.yaml")
  }

  /// `waymark.yaml`, the same for both sites.
  var config: String {
    """
    site:
      title: Acme
    asOf: 2026-11-01T00:00:00Z
    inputs:
      catalog: ["content/catalog/**/*.yaml"]
    integrations:
      github:
        host: 127.0.0.1:\(server.port)
        rawBaseUrl: \(server.base)/raw
        apiBaseUrl: \(server.base)/api

    """
  }

  static func location(_ targets: [String]) -> String {
    """
    apiVersion: backstage.io/v1alpha1
    kind: Location
    metadata:
      name: acme-repositories
    spec:
      type: url
      targets:
    \(targets.map { "    - \($0)" }.joined(separator: "\n"))

    """
  }

  /// The catalog repository naming the services by URL, in a fresh folder.
  func remoteSite() throws -> URL {
    try SiteFixture.make([
      "waymark.yaml": config,
      "content/catalog/team.yaml": Self.team,
      "content/catalog/all.yaml": Self.location([
        "\(server.base)/acme/platform/blob/main/services/**/catalog-info.yaml",
        "\(server.base)/acme/billing/blob/main/catalog-info.yaml",
      ]),
    ])
  }

  /// The same catalog with the services' files in the site, named by path.
  func localSite() throws -> URL {
    var files = [
      "waymark.yaml": config,
      "content/catalog/team.yaml": Self.team,
      "content/catalog/all.yaml": Self.location([
        "../../repos/platform/services/**/catalog-info.yaml", "../../repos/billing/catalog-info.yaml",
      ]),
      "repos/billing/catalog-info.yaml": Self.billingInfo(docsRef: "dir:site"),
    ]
    for (path, text) in Self.platform { files["repos/platform/" + path] = text }
    for (path, text) in Self.billing { files["repos/billing/" + path] = text }
    let root = try SiteFixture.make(files)
    let image = root.appendingPathComponent("repos/platform/services/orders/docs/img/flow.png")
    try FileManager.default.createDirectory(at: image.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(Self.image).write(to: image)
    return root
  }

  /// `waymark fetch` at `root`, stored.
  @discardableResult
  func fetch(_ root: URL, mode: RemoteFetcher.Mode = .fetch, now: String = "2026-12-01T10:00:00Z") async throws
    -> RemoteFetcher.Report
  {
    let inputs = SiteInputsLoader(root: root).load()
    let fetcher = RemoteFetcher(
      inputs: inputs, rewriter: RemoteURLRewriter(settings: inputs.config.integrations, environment: [:]),
      downloader: RemoteDownloader(timeout: 10), now: now)
    let report = await fetcher.run(mode)
    if case .check = mode { return report }
    try fetcher.persist(report)
    return report
  }

  /// `<base>/<path>`.
  func url(_ path: String) -> String { "\(server.base)/\(path)" }
}
