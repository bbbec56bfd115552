import ArgumentParser
import Foundation
import WaymarkKit
import WaymarkModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes progress, diagnostics and summaries for people; colour only on a terminal without `NO_COLOR`.
struct TerminalReporter: Sendable {
  let quiet: Bool
  let colour: Bool

  init(quiet: Bool) {
    self.quiet = quiet
    colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  }

  var progress: @Sendable (BuildProgress) -> Void {
    let quiet = self.quiet
    return { event in
      guard !quiet else { return }
      FileHandle.standardError.write(Data("waymark: \(event.stage): \(event.summary)\n".utf8))
    }
  }

  /// Prints `list` on standard error; in text, at most ten warnings and notes of each code, then
  /// how many more there are and where they all are (`allIn`).
  func diagnostics(
    _ list: DiagnosticList, format: DiagnosticFormat, allIn place: String = "waymark check --format json"
  ) {
    var text = Self.text(list, format: format, allIn: place)
    if colour {
      text = text.replacingOccurrences(of: ": error: ", with: ": \u{1B}[1;31merror:\u{1B}[0m ")
        .replacingOccurrences(of: ": warning: ", with: ": \u{1B}[1;33mwarning:\u{1B}[0m ")
    }
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// `list` in `format`; text is shortened to ten warnings and notes per code.
  static func text(_ list: DiagnosticList, format: DiagnosticFormat, allIn place: String) -> String {
    guard format == .text else { return format.format(list) }
    let (shown, hidden) = list.shortened()
    return shown.map(DiagnosticFormat.textLine).joined() + DiagnosticList.hiddenLines(hidden, allIn: place)
  }

  /// One line saying how many diagnostics `diagnostics.ignore` silenced, if any.
  func silenced(_ count: Int) {
    guard count > 0 else { return }
    let what = count == 1 ? "1 warning or note was" : "\(count) warnings and notes were"
    FileHandle.standardError.write(Data("waymark: \(what) silenced by diagnostics.ignore in waymark.yaml\n".utf8))
  }

  func summary(_ list: DiagnosticList) {
    guard list.errorCount + list.warningCount > 0 else { return }
    let errors = list.errorCount == 1 ? "1 error" : "\(list.errorCount) errors"
    let warnings = list.warningCount == 1 ? "1 warning" : "\(list.warningCount) warnings"
    FileHandle.standardError.write(Data("waymark: \(errors), \(warnings)\n".utf8))
  }

  func note(_ text: String) {
    guard !quiet else { return }
    FileHandle.standardError.write(Data("waymark: \(text)\n".utf8))
  }

  /// A problem that is not a diagnostic (a build cache not used): printed even when quiet.
  func warning(_ text: String) {
    FileHandle.standardError.write(Data("waymark: warning: \(text)\n".utf8))
  }

  func failure(_ text: String) {
    FileHandle.standardError.write(Data("waymark: error: \(text)\n".utf8))
  }

  /// Runs the pipeline; an environment failure is reported here and becomes exit code 3, a bad
  /// command-line argument (an `--output` holding inputs) a usage error, exit code 2.
  func build(_ options: BuildOptions) async throws -> BuildResult {
    do {
      return try await SiteBuilder().build(options)
    } catch {
      if error.isUsage { throw ValidationError(error.description) }
      failure(error.description)
      throw ExitCode(ExitStatus.environment)
    }
  }

  func printToStandardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
