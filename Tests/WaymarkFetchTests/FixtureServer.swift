import Foundation
import WaymarkTestSupport

/// A real HTTP server on loopback (Python's `http.server`, started for the test) serving
/// fixture repositories from a folder, with a few paths that misbehave on purpose:
/// `/slow/<path>` answers after three seconds, `/redirect-same/<path>` redirects to `/<path>`
/// on the same host, `/redirect-away/<path>` to the same path on `localhost` (another host).
/// Every request is logged (path, and whether it carried a token) to `requests.log`.
///
/// Repository archives in GitHub's and GitLab's shapes are made on request from the served
/// folders, with a fresh gzip time stamp each time (so their bytes differ between downloads,
/// as real archives' may): `/api/repos/<owner>/<repo>/tarball/<ref>` redirects to
/// `/codeload/<owner>/<repo>/tar.gz/<ref>`, the tarball of `raw/<owner>/<repo>/<ref>/` under
/// the top folder `<owner>-<repo>-<commit>`; `/api/v4/projects/<group%2Fproject>/repository/
/// archive.tar.gz?sha=<ref>&path=<path>` serves `gitlab/<group>/<project>/<ref>/<path>/` under
/// `<project>-<ref>-<commit>-<path>`. A file `archives/<owner>/<repo>/<ref>.tar.gz` is served
/// in place of the GitHub tarball made from the folder (crafted, hostile archives).
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

  /// Starts a server over `files` (path → contents, e.g. `raw/acme/orders/main/catalog-info.yaml`)
  /// and `binary` files.
  init(_ files: [String: String], binary: [String: [UInt8]] = [:]) throws {
    let folder = try TestPaths.temporaryDirectory("waymark-served")
    served = folder.appendingPathComponent("served")
    log = folder.appendingPathComponent("requests.log")
    let script = folder.appendingPathComponent("server.py")
    try Data(Self.script.utf8).write(to: script)
    try Data().write(to: log)
    for (path, contents) in files { try Self.write(Array(contents.utf8), to: path, in: served) }
    for (path, contents) in binary { try Self.write(contents, to: path, in: served) }
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
    try Self.write(Array(contents.utf8), to: path, in: served)
  }

  /// Replaces or adds a served binary file.
  func serve(bytes: [UInt8], at path: String) throws {
    try Self.write(bytes, to: path, in: served)
  }

  /// Adds a symbolic link at `path` (served, so archives hold it) to `target`, as written.
  func link(_ path: String, to target: String) throws {
    let url = served.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
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

  private static func write(_ contents: [UInt8], to path: String, in folder: URL) throws {
    let url = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(contents).write(to: url)
  }

  private static let script = """
    import hashlib, http.server, io, os, sys, tarfile, time, urllib.parse
    root, log = sys.argv[1], sys.argv[2]

    def commit(*parts):
        return hashlib.sha1('/'.join(parts).encode()).hexdigest()

    def tarball(folder, top, sha, only=''):
        # git archive's shape: a pax global header with the commit, then every file under `top/`.
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode='w:gz', format=tarfile.PAX_FORMAT,
                          pax_headers={'comment': sha}) as tar:
            tar.add(folder if not only else os.path.join(folder, only), arcname=top + ('/' + only if only else ''))
        return buffer.getvalue()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=root, **kwargs)

        def log_message(self, *args):
            pass

        def send_bytes(self, data, kind='application/gzip'):
            self.send_response(200)
            self.send_header('Content-Type', kind)
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def redirect(self, target):
            self.send_response(302)
            self.send_header('Location', target)
            self.end_headers()

        def archive(self, path, query):
            parts = path.strip('/').split('/')
            if parts[:2] == ['api', 'repos'] and len(parts) >= 5 and parts[4] == 'tarball':
                owner, repo = parts[2], parts[3]
                ref = parts[5] if len(parts) > 5 else 'main'
                self.redirect('/codeload/%s/%s/tar.gz/%s' % (owner, repo, ref))
                return True
            if parts[:1] == ['codeload'] and len(parts) == 5:
                owner, repo, ref = parts[1], parts[2], parts[4]
                crafted = os.path.join(root, 'archives', owner, repo, ref + '.tar.gz')
                if os.path.isfile(crafted):
                    with open(crafted, 'rb') as f:
                        self.send_bytes(f.read())
                    return True
                folder = os.path.join(root, 'raw', owner, repo, ref)
                if not os.path.isdir(folder):
                    self.send_error(404)
                    return True
                sha = commit(owner, repo, ref)
                self.send_bytes(tarball(folder, '%s-%s-%s' % (owner, repo, sha[:7]), sha))
                return True
            if parts[:3] == ['api', 'v4', 'projects'] and parts[-2:] == ['repository', 'archive.tar.gz']:
                project = urllib.parse.unquote(parts[3])
                params = urllib.parse.parse_qs(query)
                ref = params.get('sha', ['main'])[0]
                only = params.get('path', [''])[0]
                folder = os.path.join(root, 'gitlab', project, ref)
                if not os.path.isdir(os.path.join(folder, only)):
                    self.send_error(404)
                    return True
                sha = commit(project, ref)
                top = '%s-%s-%s' % (project.split('/')[-1], ref, sha) + ('-' + only.replace('/', '-') if only else '')
                self.send_bytes(tarball(folder, top, sha, only))
                return True
            return False

        def do_GET(self):
            token = 'yes' if self.headers.get('Authorization') or self.headers.get('PRIVATE-TOKEN') else 'no'
            with open(log, 'a') as f:
                f.write('GET %s token=%s\\n' % (self.path, token))
            for prefix, host in (('/redirect-same/', None), ('/redirect-away/', 'localhost')):
                if self.path.startswith(prefix):
                    rest = self.path[len(prefix) - 1:]
                    target = rest if host is None else 'http://%s:%d%s' % (host, self.server.server_address[1], rest)
                    self.redirect(target)
                    return
            if self.path.startswith('/slow/'):
                time.sleep(3)
                self.path = self.path[len('/slow'):]
            path, _, query = self.path.partition('?')
            if self.archive(path, query):
                return
            super().do_GET()

    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """
}
