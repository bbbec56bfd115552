import Foundation
import StructuredData
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// A small organisation (org → team-a; domain dom → system sys → components svc and web) and
/// helpers to build it with event files and read back `api/dora.json`.
enum DeliveryFixture {
  static let asOf = Timestamp(iso8601: "2026-11-01T00:00:00Z")

  static let catalog = """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: org}
    spec: {type: organization, children: [team-a]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: team-a}
    spec: {type: team, parent: org, children: []}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Domain
    metadata: {name: dom}
    spec: {owner: team-a}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: System
    metadata: {name: sys}
    spec: {owner: team-a, domain: dom}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: svc}
    spec: {type: service, lifecycle: production, owner: team-a, system: sys}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: web
      annotations: {github.com/project-slug: acme/web}
    spec: {type: website, lifecycle: production, owner: team-a, system: sys}

    """

  /// Builds a site with `files` (path → contents) besides the catalog; does not publish.
  static func build(
    _ files: [String: String], config: String = "metrics: {windowDays: 28}\n", strict: Bool = false,
    asOf: Timestamp? = DeliveryFixture.asOf, catalog: String = DeliveryFixture.catalog, binary: [String: Data] = [:]
  ) async throws -> BuildResult {
    var all = files
    all["content/catalog/org.yaml"] = catalog
    all["waymark.yaml"] = config
    let root = try SiteFixture.make(all)
    for (path, bytes) in binary {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try bytes.write(to: url)
    }
    var options = BuildOptions(root: root, asOf: asOf, writesOutput: false)
    options.strict = strict
    return try await SiteBuilder().build(options)
  }

  /// A JSON file of a build, parsed.
  static func json(_ result: BuildResult, _ path: String) throws -> JSONValue {
    let file = try #require(result.files.first { $0.path == path })
    return try JSONReader().parse(file.bytes)
  }

  /// One CDEvent 0.5.1 line.
  static func cdevent(
    _ type: String, id: String, at time: String, subject: String, chain: String? = nil, source: String = "/test",
    content: String = "{}"
  ) -> String {
    let chainPart = chain.map { #","chainId":"\#($0)""# } ?? ""
    return
      #"{"context":{"specversion":"0.5.1","id":"\#(id)","source":"\#(source)","type":"dev.cdevents.\#(type)","timestamp":"\#(time)"\#(chainPart)},"subject":{"id":"\#(subject)","content":\#(content)}}"#
  }

  static func deployed(
    id: String, at time: String, environment: String = "production", artifact: String, chain: String? = nil
  ) -> String {
    cdevent(
      "service.deployed.0.3.0", id: id, at: time, subject: "service/svc", chain: chain,
      content: #"{"environment":{"id":"\#(environment)"},"artifactId":"pkg:oci/svc@\#(artifact)"}"#)
  }

  static func merged(id: String, at time: String, chain: String? = nil) -> String {
    cdevent(
      "change.merged.0.3.0", id: id, at: time, subject: "acme/svc/pull/\(id)", chain: chain,
      content: #"{"repository":{"id":"acme/svc"}}"#)
  }

  static func incident(_ predicate: String, id: String, incident: String, at time: String, artifact: String? = nil)
    -> String
  {
    let artifactPart = artifact.map { #","artifactId":"pkg:oci/svc@\#($0)""# } ?? ""
    return cdevent(
      "incident.\(predicate).0.3.0", id: id, at: time, subject: incident, source: "/monitoring",
      content: #"{"environment":{"id":"production"},"service":{"id":"service/svc"}\#(artifactPart)}"#)
  }
}
