import ArgumentParser
import Foundation
import WaymarkModel

/// Options both `build` and `check` take.
struct SiteOptions: ParsableArguments {
  @Option(name: .long, help: "The site root (the folder holding waymark.yaml and content/).")
  var root: String = "."

  @Option(
    name: .customLong("as-of"),
    help: """
      The build's 'now', ISO 8601 (2026-11-01T00:00:00Z); default: waymark.yaml's asOf, else the git HEAD \
      commit's time, else the newest event.
      """)
  var asOf: String?

  func validate() throws {
    if let asOf, Timestamp(iso8601: asOf) == nil {
      throw ValidationError("--as-of '\(asOf)' is not an ISO 8601 timestamp, e.g. 2026-11-01T00:00:00Z")
    }
  }

  var asOfTimestamp: Timestamp? { asOf.flatMap(Timestamp.init(iso8601:)) }

  @Option(
    name: .long,
    help:
      "A previous build's output folder (e.g. the published site): scorecard changes, history and gates are computed against it."
  )
  var baseline: String?

  /// The root as a URL, relative to the working directory.
  var rootURL: URL { URL(fileURLWithPath: root, relativeTo: Self.workingDirectory) }

  /// The baseline as a URL, relative to the working directory.
  var baselineURL: URL? { baseline.map { URL(fileURLWithPath: $0, relativeTo: Self.workingDirectory) } }

  /// The root relative to the repository checkout (`GITHUB_WORKSPACE`, else the working
  /// directory), so GitHub annotations name the pull request's files; "" when they are the same.
  var workspacePrefix: String {
    let environment = ProcessInfo.processInfo.environment["GITHUB_WORKSPACE"]
    let workspace = environment.map { URL(fileURLWithPath: $0) } ?? Self.workingDirectory
    let base = workspace.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    let target = rootURL.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    guard target.count >= base.count, Array(target.prefix(base.count)) == base else { return "" }
    return target.dropFirst(base.count).joined(separator: "/")
  }

  static var workingDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }
}
