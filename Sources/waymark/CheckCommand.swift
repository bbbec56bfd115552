import ArgumentParser
import Foundation
import WaymarkKit
import WaymarkModel
import WaymarkRendering

extension DiagnosticFormat: ExpressibleByArgument {}

/// `waymark check`: validates and evaluates everything, writes nothing; for pull requests.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Validate and evaluate everything without writing; exit 1 on any error.")

  @OptionGroup var site: SiteOptions

  @Option(name: .long, help: "How to print diagnostics: text, json, or github (workflow annotations).")
  var format: DiagnosticFormat = .text

  @Option(
    name: .long,
    help: "Write a markdown summary (level changes, expiring waivers, broken gates) for a pull-request comment.")
  var summary: String?

  @Flag(name: .long, help: "Make unknown event types and malformed event records errors.")
  var strict = false

  func run() async throws {
    let terminal = TerminalReporter(quiet: format != .text)
    var options = BuildOptions(
      root: site.rootURL, asOf: site.asOfTimestamp, writesOutput: false, baseline: site.baselineURL,
      progress: terminal.progress)
    options.strict = strict
    options.keepsFiles = false
    let result = try await terminal.build(options)
    // Annotations name files of the checkout, so they land on the pull request's files.
    let printed =
      format == .github ? result.diagnostics.anchored(inWorkspace: site.workspacePrefix) : result.diagnostics
    terminal.printToStandardOutput(TerminalReporter.text(printed, format: format, allIn: "waymark check --format json"))
    if let summary {
      let text = PullRequestSummary().markdown(result.scorecards, now: result.now, diagnostics: result.diagnostics)
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: summary, relativeTo: SiteOptions.workingDirectory))
      } catch {
        terminal.failure("cannot write the summary to \(summary): \(error.localizedDescription)")
        throw ExitCode(ExitStatus.environment)
      }
    }
    terminal.summary(result.diagnostics)
    terminal.silenced(result.silenced)
    if result.diagnostics.hasErrors { throw ExitCode(ExitStatus.contentErrors) }
  }
}
