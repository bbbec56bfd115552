import ArgumentParser
import Foundation
import WaymarkKit

extension DiagnosticFormat: ExpressibleByArgument {}

/// `waymark check`: validates and evaluates everything, writes nothing; for pull requests.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Validate and evaluate everything without writing; exit 1 on any error.")

  @OptionGroup var site: SiteOptions

  @Option(name: .long, help: "How to print diagnostics: text, json, or github (workflow annotations).")
  var format: DiagnosticFormat = .text

  @Flag(name: .long, help: "Make unknown event types and malformed event records errors.")
  var strict = false

  func run() async throws {
    let terminal = TerminalReporter(quiet: format != .text)
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    var options = BuildOptions(
      root: URL(fileURLWithPath: site.root, relativeTo: cwd), asOf: site.asOfTimestamp, writesOutput: false,
      progress: terminal.progress)
    options.strict = strict
    let result: BuildResult
    do {
      result = try await SiteBuilder().build(options)
    } catch {
      terminal.failure(error.description)
      throw ExitCode(ExitStatus.environment)
    }
    terminal.printToStandardOutput(format.format(result.diagnostics))
    terminal.summary(result.diagnostics)
    if result.diagnostics.hasErrors { throw ExitCode(ExitStatus.contentErrors) }
  }
}
