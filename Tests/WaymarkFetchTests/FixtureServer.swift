import Foundation
import WaymarkTestSupport

/// A real HTTP server on loopback (Python's `http.server`, started for the test) serving
/// fixture repositories from a folder, with a few paths that misbehave on purpose:
/// `/slow/<path>` answers after three seconds, `/redirect-same/<path>` redirects to `/<path>`
/// on the same host, `/redirect-away/<path>` to the same path on `localhost` (another host).
/// Every request is logged (path, and whether it carried a token) to `requests.log`.
final class FixtureServer {
  let served: URL
  let log: URL
  let port: Int
  private let process: Process

  /// Whether the tests can run: they need `python3`.
  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: python ?? "") }

  private static let python: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Starts a server over `files` (path → contents, e.g. `raw/acme/orders/main/catalog-info.yaml`).
  init(_ files: [String: String]) throws {
    let folder = try TestPaths.temporaryDirectory("waymark-served")
    served = folder.appendingPathComponent("served")
    log = folder.appendingPathComponent("requests.log")
    let script = folder.appendingPathComponent("server.py")
    try Data(Self.script.utf8).write(to: script)
    try Data().write(to: log)
    for (path, contents) in files { try Self.write(contents, to: path, in: served) }
    process = Process()
    process.executableURL = URL(fileURLWithPath: Self.python ?? "/usr/bin/python3")
    process.arguments = [script.path, served.path, log.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    var line = ""
    while !line.hasSuffix("\n") {
      let data = output.fileHandleForReading.availableData
      if data.isEmpty { break }
      line += String(decoding: data, as: UTF8.self)
    }
    guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      kill(process.processIdentifier, SIGKILL)
      throw CocoaError(.fileReadUnknown)
    }
    self.port = port
  }

  /// `http://127.0.0.1:<port>`.
  var base: String { "http://127.0.0.1:\(port)" }

  /// Replaces or adds a served file.
  func serve(_ contents: String, at path: String) throws {
    try Self.write(contents, to: path, in: served)
  }

  /// The requests made so far, one `GET <path> token=<yes|no>` line each.
  func requests() -> [String] {
    String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// Stops the server; SIGKILL, because a test process may hand its children SIGTERM blocked.
  func stop() {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  private static func write(_ contents: String, to path: String, in folder: URL) throws {
    let url = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(contents.utf8).write(to: url)
  }

  private static let script = """
    import http.server, sys, time
    root, log = sys.argv[1], sys.argv[2]

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=root, **kwargs)

        def log_message(self, *args):
            pass

        def do_GET(self):
            token = 'yes' if self.headers.get('Authorization') else 'no'
            with open(log, 'a') as f:
                f.write('GET %s token=%s\\n' % (self.path, token))
            for prefix, host in (('/redirect-same/', None), ('/redirect-away/', 'localhost')):
                if self.path.startswith(prefix):
                    rest = self.path[len(prefix) - 1:]
                    target = rest if host is None else 'http://%s:%d%s' % (host, self.server.server_address[1], rest)
                    self.send_response(302)
                    self.send_header('Location', target)
                    self.end_headers()
                    return
            if self.path.startswith('/slow/'):
                time.sleep(3)
                self.path = self.path[len('/slow'):]
            super().do_GET()

    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """
}
