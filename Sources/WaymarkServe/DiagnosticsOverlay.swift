import WaymarkModel

/// The failed build's diagnostics as HTML: a panel over every page while the build is broken,
/// and a page of its own when there is no site to show.
///
/// Every location, message and note comes from the inputs, so each is escaped (`HTMLText`); the
/// styles are inline because the panel must look the same over any layout.
public enum DiagnosticsOverlay {
  /// The element's id, for scripts and tests.
  public static let elementID = "waymark-serve-errors"

  /// How many errors are listed; the rest are counted (the terminal prints them all).
  public static let listedErrors = 100

  /// The panel, fixed at the bottom of the window; empty when the latest build did not fail.
  public static func fragment(for status: PreviewStatus) -> String {
    guard status.hasErrors else { return "" }
    let style =
      "position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;z-index:2147483647;margin:0;"
      + "padding:12px 16px;background:#fff4f4;color:#1b1b1b;border-top:4px solid #c62828;text-align:left;"
      + "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -4px 18px rgba(0,0,0,.25)"
    return "<div id=\"\(elementID)\" role=\"alert\" style=\"\(style)\">" + body(for: status) + "</div>"
  }

  /// A whole page listing the diagnostics (or saying there are none), with the reload script.
  public static func page(for status: PreviewStatus, title: String) -> String {
    let list =
      status.hasErrors
      ? body(for: status)
      : "<p>\(HTMLText.escaped(status.built ? "The latest build has no errors." : "The first build is running."))</p>"
    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTMLText.escaped(title))</title></head>
      <body style="margin:24px;font:15px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#fff">
      <h1 style="font-size:20px">\(HTMLText.escaped(title))</h1>
      <div id="\(elementID)" style="font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace">\(list)</div>
      \(ReloadInjector.scriptTag(generation: status.generation))
      </body></html>

      """
  }

  /// The heading and the list of errors.
  static func body(for status: PreviewStatus) -> String {
    var items = status.failure.map { ["<li>error: \(HTMLText.escaped($0))</li>"] } ?? []
    items += status.errors.prefix(listedErrors).map(item)
    let count = status.errors.count + (status.failure == nil ? 0 : 1)
    let errors = count == 1 ? "1 error" : "\(count) errors"
    let warnings =
      status.warningCount == 0
      ? "" : status.warningCount == 1 ? " and 1 warning" : " and \(status.warningCount) warnings"
    var html =
      "<p style=\"margin:0 0 8px;font-weight:bold\">waymark serve: the latest build failed with \(errors)\(warnings); "
      + "pages show the last good build until it is fixed.</p>"
      + "<ol style=\"margin:0;padding-left:1.8em\">" + items.joined() + "</ol>"
    if status.errors.count > listedErrors {
      html += "<p style=\"margin:8px 0 0\">and \(status.errors.count - listedErrors) more errors: see the terminal.</p>"
    }
    return html
  }

  /// One diagnostic: `path:line:col: error: message [code]`, then its notes.
  static func item(_ diagnostic: Diagnostic) -> String {
    var html = "<li style=\"white-space:pre-wrap;margin:2px 0\">"
    if let location = diagnostic.location {
      html += "<strong class=\"location\">\(HTMLText.escaped(location.description))</strong>: "
    }
    html +=
      "\(diagnostic.severity.rawValue): \(HTMLText.escaped(diagnostic.message)) "
      + "[\(HTMLText.escaped(diagnostic.code.rawValue))]"
    for note in diagnostic.notes {
      let place = note.location.map { HTMLText.escaped($0.description) + ": " } ?? ""
      html += "\n  \(place)note: \(HTMLText.escaped(note.message))"
    }
    return html + "</li>"
  }
}
