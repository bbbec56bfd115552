import Foundation
import Testing
import WaymarkTestSupport

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `waymark serve` and `waymark build --watch` as processes on a small site: pages are served
/// with the reload script, an edit is rebuilt, a broken catalog file shows its diagnostics over
/// the last good site until it is fixed, the output folder is never written, and Ctrl-C exits 0.
@Suite(.serialized) struct ServeCommandTests {
  static let handbook = """
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: handbook
      annotations: {backstage.io/techdocs-ref: dir:../../handbook}
    spec: {type: service, lifecycle: production, owner: team-a}

    """

  static func site() throws -> URL {
    try SiteFixture.make([
      "waymark.yaml": "asOf: 2026-11-01T00:00:00Z\n",
      "content/catalog/a.yaml": SiteFixture.minimalCatalog + handbook,
      "handbook/docs/index.md": "# Handbook\n\nFirst words.\n",
    ])
  }

  static func write(_ text: String, _ path: String, in root: URL) throws {
    try Data(text.utf8).write(to: root.appendingPathComponent(path))
  }

  /// Saves as editors do: a hidden file renamed over `path`, one change the watcher sees.
  static func replace(_ text: String, _ path: String, in root: URL) throws {
    let target = root.appendingPathComponent(path)
    let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).new")
    try Data(text.utf8).write(to: temporary)
    guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
  }

  @Test func serveRebuildsOnEditsAndShowsDiagnosticsUntilFixed() async throws {
    let root = try Self.site()
    let serve = try WaymarkProcess(["serve", "--root", root.path, "--port", "0", "--quiet"])
    defer { serve.kill() }
    let url = try await serve.servedURL()
    let first = try await serve.waitForStatus(url) { $0.contains("\"built\": true") }
    #expect(first.contains("\"errorCount\": 0"))

    let home = try await HTTP.get(url)
    #expect(home.status == 200)
    #expect(home.body.contains("<script src=\"/.waymark/reload.js\" data-generation=\""))
    let entity = url + "catalog/default/component/svc/"
    #expect(try await HTTP.get(entity).body.contains("A &lt;b&gt;bold&lt;/b&gt; service"))
    let docs = url + "docs/default/component/handbook/"
    #expect(try await HTTP.get(docs).body.contains("First words."))

    let catalog = SiteFixture.minimalCatalog + Self.handbook
    try Self.write(
      catalog.replacingOccurrences(of: "A <b>bold</b> service", with: "A rebuilt service"), "content/catalog/a.yaml",
      in: root)
    _ = try await serve.waitForStatus(url) { $0.contains("\"content/catalog/a.yaml\"") }
    #expect(try await HTTP.get(entity).body.contains("A rebuilt service"))
    try Self.write("# Handbook\n\nSecond words.\n", "handbook/docs/index.md", in: root)
    _ = try await serve.waitForStatus(url) { $0.contains("\"handbook/docs/index.md\"") }
    #expect(try await HTTP.get(docs).body.contains("Second words."))

    // A broken catalog file: the last good site stays, with the located diagnostic over it.
    let broken = catalog.replacingOccurrences(of: "A <b>bold</b> service", with: "A rebuilt service")
      .replacingOccurrences(of: "owner: team-a\n", with: "owner: team-x\n")
    try Self.write(broken, "content/catalog/a.yaml", in: root)
    let failed = try await serve.waitForStatus(url) { $0.contains("\"errorCount\": 1") }
    #expect(
      failed.contains(
        "content/catalog/a.yaml:17:10: error: spec.owner 'group:default/team-x' does not exist; did you mean "
          + "'group:default/team-a'? [catalog.dangling-ref]"))
    let shown = try await HTTP.get(entity).body
    #expect(shown.contains("A rebuilt service"))
    #expect(shown.contains("<div id=\"waymark-serve-errors\""))
    #expect(shown.contains("<strong class=\"location\">content/catalog/a.yaml:17:10</strong>"))

    try Self.write(catalog, "content/catalog/a.yaml", in: root)
    _ = try await serve.waitForStatus(url) { $0.contains("\"errorCount\": 0") }
    let fixed = try await HTTP.get(entity).body
    #expect(!fixed.contains("waymark-serve-errors"))
    #expect(fixed.contains("A &lt;b&gt;bold&lt;/b&gt; service"))

    // The script is in responses only; the output folder was never written.
    let preview = root.appendingPathComponent(".waymark/serve/site")
    let previewPage = try String(contentsOf: preview.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(!previewPage.contains("reload.js"))
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
    #expect(
      try String(contentsOf: root.appendingPathComponent(".waymark/serve/.gitignore"), encoding: .utf8).hasSuffix("*\n")
    )

    #expect(serve.interrupt() == 0)
    #expect(serve.log().contains("waymark: stopping"))
  }

  @Test func buildWatchRebuildsIntoTheOutputWithoutTheScript() async throws {
    let root = try Self.site()
    let watch = try WaymarkProcess(["build", "--watch", "--root", root.path])
    defer { watch.kill() }
    try await watch.waitForLog { $0.contains("waymark: watching the inputs (") && $0.contains("waymark: built ") }
    let page = root.appendingPathComponent("output/catalog/default/component/svc/index.html")
    #expect(try String(contentsOf: page, encoding: .utf8).contains("A &lt;b&gt;bold&lt;/b&gt; service"))
    try Self.replace(
      (SiteFixture.minimalCatalog + Self.handbook).replacingOccurrences(of: "A <b>bold</b> service", with: "Watched"),
      "content/catalog/a.yaml", in: root)
    try await watch.waitForLog { $0.contains(" after content/catalog/a.yaml changed") }
    let rebuilt = try String(contentsOf: page, encoding: .utf8)
    #expect(rebuilt.contains("Watched"))
    #expect(!rebuilt.contains("reload.js"))
    // Writing the output starts no build of its own: a second passes, Ctrl-C waits for any build
    // started, and there was one build and one rebuild.
    try await Task.sleep(for: .seconds(1))
    #expect(watch.interrupt() == 0)
    #expect(watch.log().components(separatedBy: "waymark: built ").count - 1 == 2)
  }

  @Test func aHostOtherThanLoopbackIsWarnedAbout() async throws {
    let root = try Self.site()
    let serve = try WaymarkProcess(["serve", "--root", root.path, "--host", "0.0.0.0", "--port", "0", "--quiet"])
    defer { serve.kill() }
    _ = try await serve.servedURL()
    #expect(
      serve.log().hasPrefix(
        "waymark: warning: --host 0.0.0.0 is not a loopback address: anyone who can reach this machine can read "
          + "the portal; the preview server has no authentication and no TLS\n"))
    #expect(serve.interrupt() == 0)
  }

  @Test func badArgumentsAreUsageErrorsAndATakenPortAnEnvironmentFailure() async throws {
    let cli = WaymarkCommandTests()
    #expect(try cli.run(["serve", "--host", "example.com"]).status == 2)
    #expect(try cli.run(["serve", "--port", "70000"]).status == 2)
    #expect(try cli.run(["build", "--poll"]).status == 2)
    let root = try Self.site()
    let first = try WaymarkProcess(["serve", "--root", root.path, "--port", "0", "--quiet"])
    defer { first.kill() }
    let port = try await first.servedURL().split(separator: ":").last!.dropLast()
    let second = try cli.run(["serve", "--root", root.path, "--port", String(port)])
    #expect(second.status == 3)
    #expect(second.stderr.hasPrefix("waymark: error: cannot listen on 127.0.0.1: "))
    #expect(first.interrupt() == 0)
  }
}

/// A `waymark` process left running, its standard error in a file the test reads as it grows.
final class WaymarkProcess {
  let process = Process()
  let logFile: URL

  init(_ arguments: [String]) throws {
    logFile = try TestPaths.temporaryDirectory("waymark-process").appendingPathComponent("stderr.log")
    _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
    process.executableURL = WaymarkCommandTests.binary
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    process.standardError = try FileHandle(forWritingTo: logFile)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
  }

  func log() -> String {
    (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
  }

  struct Timeout: Error, CustomStringConvertible {
    var description: String
  }

  /// Waits (up to two minutes: debug builds on a loaded machine) until the log satisfies `condition`.
  func waitForLog(_ condition: (String) -> Bool) async throws {
    for _ in 0..<1200 {
      if condition(log()) { return }
      guard process.isRunning else { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw Timeout(description: "timed out; the log:\n\(log())")
  }

  /// The URL `serve` printed.
  func servedURL() async throws -> String {
    try await waitForLog { $0.contains("waymark: serving http://") }
    let line = log().split(separator: "\n").first { $0.hasPrefix("waymark: serving ") }!
    return String(line.split(separator: " ")[2])
  }

  /// `/.waymark/status.json` once it satisfies `condition`.
  func waitForStatus(_ url: String, _ condition: (String) -> Bool) async throws -> String {
    var last = ""
    for _ in 0..<1200 {
      last = try await HTTP.get(url + ".waymark/status.json").body
      if condition(last) { return last }
      guard process.isRunning else { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw Timeout(description: "timed out; the status:\n\(last)\nthe log:\n\(log())")
  }

  /// Sends Ctrl-C and waits for the exit status.
  func interrupt() -> Int32 {
    process.interrupt()
    process.waitUntilExit()
    return process.terminationStatus
  }

  func kill() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }
}

/// GET over loopback.
enum HTTP {
  static func get(_ url: String) async throws -> (status: Int, body: String) {
    let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
  }
}
