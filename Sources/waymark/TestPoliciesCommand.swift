import ArgumentParser
import Foundation
import WaymarkLoading
import WaymarkModel
import WaymarkScorecards

/// `waymark test-policies`: runs the `ScorecardTest` documents in the policies folder.
struct TestPoliciesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test-policies",
    abstract: "Run the scorecard tests (kind: ScorecardTest) in the policies folder; exit 1 if any fails.")

  @OptionGroup var site: SiteOptions

  func run() async throws {
    let terminal = TerminalReporter(quiet: false)
    let root = site.rootURL.standardizedFileURL
    let (config, _, configDiagnostics) = SiteConfigLoader().load(root: root)
    let files = InputFinder(root: root, excludedFolders: [config.outputDirectory]).allFiles()
    let (policies, _, loadDiagnostics) = PolicyLoader(root: root).load(folder: config.policiesDirectory, files: files)
    let problems = DiagnosticList(configDiagnostics + loadDiagnostics)
    terminal.diagnostics(problems, format: .text)
    if problems.hasErrors { throw ExitCode(ExitStatus.contentErrors) }
    let now = site.asOfTimestamp ?? config.asOf.flatMap(Timestamp.init(iso8601:)) ?? .epoch
    let verdicts = await ScorecardTestRunner(catalogSettings: config.catalog).run(policies, now: now)
    for verdict in verdicts {
      terminal.printToStandardOutput("\(verdict.failures.isEmpty ? "PASS" : "FAIL") \(verdict.name)\n")
    }
    let failures = DiagnosticList(verdicts.flatMap(\.failures))
    terminal.diagnostics(failures, format: .text)
    let failed = verdicts.filter { !$0.failures.isEmpty }.count
    terminal.printToStandardOutput("\(verdicts.count - failed) passed, \(failed) failed\n")
    if failed > 0 { throw ExitCode(ExitStatus.contentErrors) }
  }
}
