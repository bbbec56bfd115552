import ArgumentParser
import WaymarkModel

/// `waymark explain CODE`: what a diagnostic code means and an input that produces it, as
/// `rustc --explain` does; `--list` prints every code.
struct ExplainCommand: ParsableCommand {
  /// How `--list` prints the codes.
  enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown
  }

  static let configuration = CommandConfiguration(
    commandName: "explain", abstract: "Explain a diagnostic code (catalog.dangling-ref) with an example.")

  @Argument(help: "The code, as printed in brackets after a diagnostic: catalog.dangling-ref.")
  var code: String?

  @Flag(name: .long, help: "List every code with its one-line summary.")
  var list = false

  @Option(name: .long, help: "How --list prints: text, or markdown (the manual's diagnostic codes page).")
  var format: ListFormat = .text

  func validate() throws {
    if list, code != nil { throw ValidationError("give a code or --list, not both") }
    if !list, code == nil { throw ValidationError("give a code to explain (e.g. catalog.dangling-ref), or --list") }
    if !list, format != .text { throw ValidationError("--format applies to --list only") }
    if let code, DiagnosticCode.named(code) == nil {
      var message = "unknown diagnostic code '\(code)'"
      if let suggestion = NameSuggester.closest(to: code, among: DiagnosticCode.all.map(\.rawValue)) {
        message += "; did you mean '\(suggestion)'?"
      }
      throw ValidationError(message + " (waymark explain --list shows every code)")
    }
  }

  func run() throws {
    let reference = DiagnosticCodeReference(codes: DiagnosticCode.all)
    if list {
      print(format == .markdown ? reference.manualPage() : reference.list(), terminator: "")
    } else if let code, let known = DiagnosticCode.named(code) {
      print(reference.explanation(of: known), terminator: "")
    }
  }
}
