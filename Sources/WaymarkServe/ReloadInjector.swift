import Foundation

/// Adds to each HTML page the preview server sends the reload script and, after a failed build,
/// the diagnostics overlay; only responses are changed, never the files of any site folder.
public enum ReloadInjector {
  /// Where the server answers the reload script.
  public static let scriptPath = "/.waymark/reload.js"

  /// `html` with `status`'s overlay and the reload script inserted before its last `</body>`
  /// (appended when it has none).
  public static func inject(into html: Data, status: PreviewStatus) -> Data {
    insert(Data(snippet(for: status).utf8), into: html)
  }

  /// The markup inserted: the overlay when the latest build failed, then the script tagged with
  /// the generation the page shows.
  public static func snippet(for status: PreviewStatus) -> String {
    DiagnosticsOverlay.fragment(for: status) + scriptTag(generation: status.generation)
  }

  /// The reload script's tag: the page reloads when the server's generation differs from `generation`.
  public static func scriptTag(generation: String) -> String {
    "<script src=\"\(scriptPath)\" data-generation=\"\(HTMLText.escaped(generation))\"></script>"
  }

  /// `snippet` inserted before the last `</body` of `html` (ASCII case-insensitively), or appended.
  static func insert(_ snippet: Data, into html: Data) -> Data {
    let bytes = [UInt8](html)
    let tag = Array("</body".utf8)
    var index = bytes.count - tag.count
    while index >= 0 {
      if zip(tag, bytes[index..<index + tag.count]).allSatisfy({ $0 == Self.lowercased($1) }) {
        var out = Data(bytes[..<index])
        out.append(snippet)
        out.append(contentsOf: bytes[index...])
        return out
      }
      index -= 1
    }
    return html + snippet
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
  }
}
