import ArgumentParser
import Foundation
import WaymarkKit
import WaymarkServe

/// `waymark build`: validates everything and publishes the portal atomically.
struct BuildCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build the portal into the output folder (replaced atomically, only when there are no errors).")

  @OptionGroup var site: SiteOptions

  @Option(name: .long, help: "The output folder (default: waymark.yaml's output, else output/ under the root).")
  var output: String?

  @Option(
    name: .customLong("base-url"), help: "The URL path the site is served under, e.g. /portal/ (default: site.baseURL)."
  )
  var baseURL: String?

  @Flag(name: .long, help: "Print nothing but diagnostics.")
  var quiet = false

  @Flag(name: .long, help: "Make unknown event types and malformed event records errors.")
  var strict = false

  @Flag(name: .long, help: "Build again on every change to the inputs, until Ctrl-C.")
  var watch = false

  @Flag(
    name: .long, help: "With --watch: watch by polling instead of inotify (for folders mounted from another machine).")
  var poll = false

  @Option(
    name: .long,
    help: "The build cache folder, reused by the next build (default: .waymark-cache beside the output folder).")
  var cache: String?

  @Flag(name: .customLong("no-cache"), help: "Build everything afresh, reading and writing no build cache.")
  var noCache = false

  func validate() throws {
    if poll, !watch { throw ValidationError("--poll needs --watch") }
    if noCache, cache != nil { throw ValidationError("--cache and --no-cache cannot be given together") }
  }

  func run() async throws {
    let terminal = TerminalReporter(quiet: quiet)
    var options = BuildOptions(
      root: site.rootURL, output: output.map { URL(fileURLWithPath: $0, relativeTo: SiteOptions.workingDirectory) },
      baseURL: baseURL, asOf: site.asOfTimestamp, writesOutput: true, baseline: site.baselineURL,
      progress: terminal.progress)
    options.strict = strict
    options.keepsFiles = false
    options.cache =
      noCache
      ? .none
      : cache.map { .folder(URL(fileURLWithPath: $0, relativeTo: SiteOptions.workingDirectory)) } ?? .besideOutput
    if watch { return try await watchLoop(options, terminal: terminal) }
    options.skipsUnchangedBuild = true
    let result = try await terminal.build(options)
    result.warnings.forEach(terminal.warning)
    let place = result.diagnostics.hasErrors ? "waymark check --format json" : "api/build.json"
    terminal.diagnostics(result.diagnostics, format: .text, allIn: place)
    terminal.summary(result.diagnostics)
    terminal.silenced(result.silenced)
    if result.diagnostics.hasErrors {
      terminal.note("nothing was written; \(result.output) is unchanged")
      throw ExitCode(ExitStatus.contentErrors)
    }
    terminal.note("built \(result.fileCount) files into \(result.output)")
  }

  /// `--watch`: the first build, then one after every change, each printed as `build` prints it.
  private func watchLoop(_ options: BuildOptions, terminal: TerminalReporter) async throws {
    let loop = WatchLoop(options: options, method: poll ? .polling(.milliseconds(500)) : .native)
    let stopped = StoppedBy()
    await Interruption.run {
      let usage = await loop.run(
        started: { how, warning in terminal.watching(how, warning) }, progress: options.progress,
        report: { outcome in terminal.rebuilt(outcome, serving: false) })
      await stopped.set(usage)
    }
    if let usage = await stopped.failure { throw ValidationError(usage.description) }
  }
}
