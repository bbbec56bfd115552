import Testing
import WaymarkServe

@Suite struct ContentTypeTests {
  @Test func typesByExtension() {
    let expected: [String: String] = [
      "index.html": "text/html; charset=utf-8", "PAGE.HTM": "text/html; charset=utf-8",
      "assets/style.css": "text/css; charset=utf-8", "assets/search.js": "text/javascript; charset=utf-8",
      "api/catalog.json": "application/json", "favicon.svg": "image/svg+xml", "logo.png": "image/png",
      "photo.JPG": "image/jpeg", "font.woff2": "font/woff2", "font.woff": "font/woff",
      "llms.txt": "text/plain; charset=utf-8",
      "readiness.csv": "text/csv; charset=utf-8", "favicon.ico": "image/vnd.microsoft.icon", "a.webp": "image/webp",
      "a.gif": "image/gif", "a.pdf": "application/pdf", "a.map": "application/json", "a.yaml": "application/yaml",
      "a.xml": "application/xml", "a.wasm": "application/wasm",
    ]
    for (path, type) in expected { #expect(ContentType.of(path) == type, "\(path)") }
  }

  @Test func unknownAndMissingExtensionsAreOctetStreams() {
    for path in ["Makefile", "archive.unknown", ".hidden", "dir.d/file", "a."] {
      #expect(ContentType.of(path) == "application/octet-stream", "\(path)")
    }
  }

  @Test func onlyHTMLIsHTML() {
    #expect(ContentType.isHTML(ContentType.of("a.html")))
    #expect(!ContentType.isHTML(ContentType.of("a.svg")))
    #expect(!ContentType.isHTML(ContentType.of("a.xml")))
  }
}
