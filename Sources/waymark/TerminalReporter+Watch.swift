import Foundation
import WaymarkKit
import WaymarkModel
import WaymarkServe

extension TerminalReporter {
  /// A line printed even with `--quiet` (the address `serve` listens on).
  func always(_ text: String) {
    FileHandle.standardError.write(Data("waymark: \(text)\n".utf8))
  }

  /// How the inputs are watched, and why not by inotify when it could not be used.
  func watching(_ how: String, _ warning: String?) {
    if let warning { self.warning(warning) }
    note("watching the inputs (\(how))")
  }

  /// A build of `serve` or `build --watch`: its diagnostics, then one line saying what it did.
  func rebuilt(_ outcome: RebuildOutcome, serving: Bool) {
    let timing = outcome.timing
    let trigger = Self.trigger(timing.changed)
    guard let result = outcome.result else {
      failure((outcome.failure?.description ?? "the build failed") + trigger)
      return
    }
    diagnostics(result.diagnostics, format: .text, allIn: "waymark check --format json")
    summary(result.diagnostics)
    silenced(result.silenced)
    let time = "\(Int(timing.buildMilliseconds.rounded())) ms"
    if result.published {
      note("built \(result.fileCount) files in \(time)\(trigger)")
    } else if serving {
      note("the build failed\(trigger); serving the last good site with its diagnostics")
    } else {
      note("the build failed\(trigger); nothing was written; \(result.output) is unchanged")
    }
  }

  /// The line for edited docs pages shown before their build.
  func shownEarly(_ pages: EarlyPages) {
    let time = "\(Int(pages.milliseconds.rounded())) ms"
    let count = pages.files.count == 1 ? "1 page" : "\(pages.files.count) pages"
    note("showed \(count) in \(time)\(Self.trigger(pages.changed)); building the whole site")
  }

  /// `after content/a.md changed`, naming at most three files.
  static func trigger(_ changed: [String]) -> String {
    guard !changed.isEmpty else { return "" }
    let shown = changed.prefix(3).map { $0.isEmpty ? "the root" : $0 }.joined(separator: ", ")
    let more = changed.count > 3 ? " and \(changed.count - 3) more" : ""
    return " after \(DiagnosticFormat.printable(shown))\(more) changed"
  }
}
