/// The `Content-Type` the preview server sends for a file, by its extension.
///
/// Text types carry `charset=utf-8` (Waymark writes UTF-8); an unknown extension is
/// `application/octet-stream`, and every response is sent with `X-Content-Type-Options: nosniff`,
/// so a browser never guesses a script or a page from a file's bytes.
public enum ContentType {
  /// The type of `path` (a file name or path; only the last extension counts, case-insensitively).
  public static func of(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
    return byExtension[name[name.index(after: dot)...].lowercased()] ?? fallback
  }

  /// Whether `contentType` is HTML, the only kind the reload script is injected into.
  public static func isHTML(_ contentType: String) -> Bool {
    contentType.hasPrefix("text/html")
  }

  /// What an unknown extension is served as.
  public static let fallback = "application/octet-stream"

  private static let utf8 = "; charset=utf-8"

  private static let byExtension: [String: String] = [
    "html": "text/html" + utf8, "htm": "text/html" + utf8, "css": "text/css" + utf8,
    "js": "text/javascript" + utf8, "mjs": "text/javascript" + utf8, "cjs": "text/javascript" + utf8,
    "json": "application/json", "map": "application/json", "jsonl": "application/jsonl",
    "webmanifest": "application/manifest+json", "txt": "text/plain" + utf8, "md": "text/markdown" + utf8,
    "csv": "text/csv" + utf8, "xml": "application/xml", "yaml": "application/yaml", "yml": "application/yaml",
    "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
    "webp": "image/webp", "avif": "image/avif", "ico": "image/vnd.microsoft.icon", "bmp": "image/bmp",
    "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf", "otf": "font/otf", "pdf": "application/pdf",
    "wasm": "application/wasm", "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg", "zip": "application/zip",
    "gz": "application/gzip",
  ]
}
