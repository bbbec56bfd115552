import Foundation
import WaymarkFetch
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// A catalog repository whose entities live in other repositories, served in GitHub's URL
/// shapes by a loopback `FixtureServer`: the site's Location names two repositories'
/// `catalog-info.yaml` by their `blob/` URLs; `orders` substitutes its OpenAPI document with
/// `$text: ./openapi.yaml`, and `payments` holds a Location of its own naming a nested file.
struct FederatedCatalogFixture {
  let server: FixtureServer
  let root: URL

  static let ordersInfo = """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: orders
      description: Takes orders.
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
    spec:
      type: openapi
      lifecycle: production
      owner: group:team-a
      definition:
        $text: ./openapi.yaml

    """

  static let openAPI = """
    openapi: 3.0.3
    info:
      title: Orders
      version: 1.2.0
    paths:
      /orders:
        get:
          summary: List orders
          responses:
            '200':
              description: The orders.

    """

  static let paymentsInfo = """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: payments
    spec:
      type: service
      lifecycle: production
      owner: group:team-a
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Location
    metadata:
      name: payments-workers
    spec:
      type: url
      target: ./workers/catalog-info.yaml

    """

  static let workerInfo = """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: payments-worker
    spec:
      type: service
      lifecycle: experimental
      owner: group:team-a
      subcomponentOf: payments

    """

  /// The served repositories plus `extra` served files, and a site whose Location names
  /// `targets` (blob URLs relative to the server, e.g. `acme/orders/blob/main/catalog-info.yaml`).
  init(targets: [String] = Self.defaultTargets, extra: [String: String] = [:]) throws {
    server = try FixtureServer(
      [
        "raw/acme/orders/main/catalog-info.yaml": Self.ordersInfo,
        "raw/acme/orders/main/openapi.yaml": Self.openAPI,
        "raw/acme/payments/main/catalog-info.yaml": Self.paymentsInfo,
        "raw/acme/payments/main/workers/catalog-info.yaml": Self.workerInfo,
      ].merging(extra) { _, new in new })
    let base = server.base
    let list = targets.map { "    - \(base)/\($0)" }.joined(separator: "\n")
    root = try SiteFixture.make([
      "waymark.yaml": """
      site:
        title: Acme
      asOf: 2026-11-01T00:00:00Z
      integrations:
        github:
          host: 127.0.0.1:\(server.port)
          rawBaseUrl: \(base)/raw

      """,
      "content/catalog/team.yaml": """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata:
        name: team-a
      spec:
        type: team
        children: []

      """,
      "content/catalog/all.yaml": """
      apiVersion: backstage.io/v1alpha1
      kind: Location
      metadata:
        name: acme-repositories
      spec:
        type: url
        targets:
      \(list)

      """,
    ])
  }

  static let defaultTargets = ["acme/orders/blob/main/catalog-info.yaml", "acme/payments/blob/main/catalog-info.yaml"]

  /// The site's inputs as a build reads them.
  func inputs() -> SiteInputs { SiteInputsLoader(root: root).load() }

  /// A fetcher over the site as it is now on disk.
  func fetcher(
    maximumByteCount: Int = RemoteCache.maximumByteCount, timeout: TimeInterval = 10,
    now: String = "2026-12-01T10:00:00Z", environment: [String: String] = [:]
  ) -> RemoteFetcher {
    let inputs = inputs()
    return RemoteFetcher(
      inputs: inputs, rewriter: RemoteURLRewriter(settings: inputs.config.integrations, environment: environment),
      downloader: RemoteDownloader(maximumByteCount: maximumByteCount, timeout: timeout), now: now)
  }

  /// Fetches and stores, as `waymark fetch` does.
  @discardableResult
  func fetch(
    _ mode: RemoteFetcher.Mode = .fetch, now: String = "2026-12-01T10:00:00Z"
  ) async throws -> RemoteFetcher.Report {
    let fetcher = fetcher(now: now)
    let report = await fetcher.run(mode)
    if case .check = mode { return report }
    try fetcher.persist(report)
    return report
  }

  /// The text of `waymark.lock`.
  func lockText() throws -> String {
    String(decoding: try Data(contentsOf: root.appendingPathComponent(RemoteLock.fileName)), as: UTF8.self)
  }

  /// `<base>/<path>`.
  func url(_ path: String) -> String { "\(server.base)/\(path)" }
}
