import ArgumentParser
import Foundation
import WaymarkFetch
import WaymarkLoading
import WaymarkModel

/// `waymark fetch`: downloads the URLs the catalog names into `.waymark/cache` and `waymark.lock`.
struct FetchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract:
      "Fetch the URLs the catalog names (url: Locations and globs, $text/$json/$yaml, techdocs-ref docs sites) "
      + "into waymark.lock and its cache.")

  @Option(name: .long, help: "The site root (the folder holding waymark.yaml and content/).")
  var root: String = "."

  @Flag(name: .long, help: "Download everything again, write nothing; exit 1 when waymark.lock is stale.")
  var check = false

  @Option(
    name: .long,
    help: "Download again the locked URLs matching this glob (repeatable), e.g. 'https://github.com/acme/**'.")
  var update: [String] = []

  @Option(name: .customLong("timeout"), help: "The most seconds one download may take.")
  var timeout: Double = 30

  func validate() throws {
    if check, !update.isEmpty { throw ValidationError("--check and --update cannot be used together") }
    if timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
  }

  func run() async throws {
    let terminal = TerminalReporter(quiet: false)
    let inputs = SiteInputsLoader(root: URL(fileURLWithPath: root, relativeTo: SiteOptions.workingDirectory)).load()
    if let failure = inputs.usageFailure { throw ValidationError(failure) }
    let configProblems = DiagnosticList(inputs.diagnostics.filter { $0.severity == .error })
    if configProblems.hasErrors {
      terminal.diagnostics(configProblems, format: .text)
      throw ExitCode(ExitStatus.contentErrors)
    }
    let fetcher = RemoteFetcher(
      inputs: inputs,
      rewriter: RemoteURLRewriter(
        settings: inputs.config.integrations, environment: ProcessInfo.processInfo.environment),
      downloader: RemoteDownloader(timeout: timeout),
      now: Timestamp(millisecondsSinceEpoch: Int64(Date().timeIntervalSince1970) * 1000).description)
    let mode: RemoteFetcher.Mode = check ? .check : update.isEmpty ? .fetch : .update(update.map(GlobPattern.init))
    let report = await fetcher.run(mode)
    let list = DiagnosticList(report.diagnostics)
    terminal.diagnostics(list, format: .text, allIn: "waymark fetch")
    terminal.summary(list)
    let count = report.lock.entries.count
    if check {
      terminal.note("checked \(count) URL\(count == 1 ? "" : "s") against \(RemoteLock.fileName)")
    } else {
      do {
        try fetcher.persist(report)
      } catch {
        terminal.failure(
          "cannot write \(RemoteLock.fileName) or \(RemoteLock.cacheFolder): \(error.localizedDescription)")
        throw ExitCode(ExitStatus.environment)
      }
      terminal.note(
        "\(count) URL\(count == 1 ? "" : "s") locked in \(RemoteLock.fileName); \(report.downloads) downloaded")
    }
    if list.hasErrors { throw ExitCode(ExitStatus.contentErrors) }
  }
}
