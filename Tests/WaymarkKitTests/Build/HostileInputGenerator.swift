import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the parts of a hostile case that are not committed: hundreds of megabytes, invalid
/// UTF-8 and NUL bytes, 10,000-deep nesting, FIFOs, sockets, links with absolute targets, and
/// credential-shaped values (assembled here so that no scanner flags this repository).
struct HostileInputGenerator {
  let root: URL
  let outside: URL

  /// Generates the inputs of `name`; returns why a sub-case cannot run here.
  func generate(_ name: String) throws -> [String] {
    switch name {
    case "deep-nesting": try deepNesting()
    case "invalid-utf8-nul": try invalidUTF8AndNUL()
    case "huge-scalar": try hugeScalar()
    case "huge-event-record": try hugeEventRecord()
    case "special-files": try specialFiles()
    case "unreadable-file": return try unreadableFile()
    case "paths-outside-root": try pathsOutsideRoot()
    case "million-sarif-results": try millionSARIFResults()
    case "secrets":
      try secrets()
      try backtrackingAllowPattern()
      try escapedSecrets()
    case "alias-bomb": try largeTextAliases()
    case "hidden-files": try hiddenFiles()
    case "output-link": try outputLink()
    case "large-event-array": try largeEventArray()
    default: break
    }
    return []
  }

  static let depth = 10_000

  private func deepNesting() throws {
    let open = String(repeating: "[", count: Self.depth)
    let close = String(repeating: "]", count: Self.depth)
    try write("content/catalog/deep-flow.yaml", component("deep-flow") + "  deep: \(open)\(close)\n")
    try write("content/catalog/generated/deep.json", open + close + "\n")
    try write(
      "content/catalog/generated/deep-flow.yml",
      String(repeating: "{a: ", count: Self.depth) + "1" + String(repeating: "}", count: Self.depth) + "\n")
    try write("content/events/deep.jsonl", "{\"context\":\(open)\(close)}\n")
    try write("content/events/deep-array.json", open + close)
    try write("content/policy-results/deep.sarif", "{\"version\":\"2.1.0\",\"runs\":\(open)\(close)}")
    let parentheses = String(repeating: "(", count: Self.depth) + "true" + String(repeating: ")", count: Self.depth)
    let chain = Array(repeating: "true", count: Self.depth).joined(separator: " && ")
    let lists = open + close + ".size() == 1"
    let negations = String(repeating: "!", count: Self.depth) + "true"
    try write(
      "policies/deep.yaml",
      """
      apiVersion: waymark.dev/v1alpha1
      kind: Scorecard
      metadata: {name: deep, title: Deep}
      spec:
        owner: group:default/team-a
        checks:
          - {id: parentheses, title: Parentheses, expr: "\(parentheses)"}
          - {id: chain, title: A 10000-term chain, expr: "\(chain)"}
          - {id: lists, title: Lists, expr: "\(lists)"}
          - {id: negations, title: Negations, expr: "\(negations)"}

      """)
    let quotes = String(repeating: "> ", count: Self.depth) + "deep\n"
    let brackets = String(repeating: "[", count: Self.depth) + "x" + String(repeating: "](y)", count: Self.depth) + "\n"
    let emphasis = String(repeating: "*", count: Self.depth) + "x" + String(repeating: "*", count: Self.depth) + "\n"
    try write("content/catalog/docs/index.md", "# Deep\n\n" + quotes + "\n" + brackets + "\n" + emphasis)
  }

  private func invalidUTF8AndNUL() throws {
    try write(
      "content/catalog/docs-host.yaml", component("docs-host", annotations: ["backstage.io/techdocs-ref": "dir:."]))
    try write(
      "content/catalog/invalid-utf8.yaml", bytes(component("invalid-utf8") + "  note: \"caf", raw(0xC3, 0x28), "\"\n"))
    try write("content/catalog/nul.yaml", bytes(component("nul") + "  note: \"a", raw(0x00), "b\"\n"))
    try write(
      "content/catalog/overlong.yaml",
      bytes(component("overlong") + "  note: \"", raw(0xC0, 0xAF, 0xED, 0xA0, 0x80), "\"\n"))
    try write(
      "content/catalog/docs/index.md",
      bytes("# Bytes\n\nNUL here: a", raw(0x00), "b, invalid: ", raw(0xFF, 0xFE), " end.\n"))
    let valid =
      "{\"context\":{\"version\":\"0.4.1\",\"id\":\"3\",\"source\":\"s\",\"type\":\"dev.cdevents.service.deployed.0.1.1\",\"timestamp\":\"2026-10-01T00:00:00Z\"},\"subject\":{\"id\":\"nul\\u0000<script>\",\"content\":{\"environment\":{\"id\":\"prod\"}}}}"
    try write(
      "content/events/bytes.jsonl",
      bytes(
        "{\"context\":{\"id\":\"", raw(0xC3, 0x28), "\"}}\n",
        "{\"context\":{\"id\":\"", raw(0x00), "\"}}\n",
        valid, "\n"))
    try write(
      "content/policy-results/nul.sarif",
      bytes("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"t", raw(0x00), "\"}}}]}"))
    try write(
      "content/policy-results/invalid.sarif",
      bytes("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"t", raw(0xFF), "\"}}}]}"))
  }

  private func hugeScalar() throws {
    try writeLarge(
      "content/catalog/huge.yaml", prefix: component("huge") + "  note: ", byte: UInt8(ascii: "a"), megabytes: 200,
      suffix: "\n")
  }

  private func hugeEventRecord() throws {
    let prefix =
      "{\"context\":{\"version\":\"0.4.1\",\"id\":\"1\",\"source\":\"s\",\"type\":\"dev.cdevents.service.deployed.0.1.1\",\"timestamp\":\"2026-10-01T00:00:00Z\"},\"subject\":{\"id\":\""
    let next =
      "{\"context\":{\"version\":\"0.4.1\",\"id\":\"2\",\"source\":\"s\",\"type\":\"dev.cdevents.service.deployed.0.1.1\",\"timestamp\":\"2026-10-01T00:00:00Z\"},\"subject\":{\"id\":\"svc\",\"content\":{\"environment\":{\"id\":\"prod\"}}}}\n"
    try write("content/catalog/svc.yaml", component("svc"))
    try writeLarge(
      "content/events/huge.jsonl", prefix: prefix, byte: UInt8(ascii: "a"), megabytes: 200,
      suffix: "\",\"content\":{\"environment\":{\"id\":\"prod\"}}}}\n" + next)
  }

  private func specialFiles() throws {
    try makeFIFO("content/catalog/pipe.yaml")
    try makeFIFO("pipe")
    try makeFIFO("content/events/pipe.jsonl")
    try link("content/catalog/pipe-link.yaml", to: "../../pipe")
    try link("content/events/link.jsonl", to: "../../pipe")
    try link("content/catalog/dangling.yaml", to: "nowhere.yaml")
    try link("content/catalog/loop.yaml", to: "loop.yaml")
    try makeSocket("content/catalog/socket.yaml")
  }

  private func unreadableFile() throws -> [String] {
    guard geteuid() != 0 else {
      return [
        "unreadable-file: skipped: running as root, which reads a file whatever its permissions (chmod 000 does not stop it)"
      ]
    }
    try write("content/catalog/locked.yaml", component("locked"))
    chmod(root.appendingPathComponent("content/catalog/locked.yaml").path, 0)
    return []
  }

  private func pathsOutsideRoot() throws {
    try link("content/catalog/outside-file.yaml", to: outside.appendingPathComponent("evil.yaml").path)
    try link("content/catalog/outside-folder", to: outside.path)
    try link("content/catalog/outside-relative.yaml", to: "../../../outside/secret.txt")
    try link("content/policy-results/outside.json", to: outside.appendingPathComponent("secret.json").path)
    try link("content/events/outside.jsonl", to: outside.appendingPathComponent("secret.txt").path)
    try link("policies/outside.yaml", to: outside.appendingPathComponent("evil.yaml").path)
    try link("layouts/entity.html", to: outside.appendingPathComponent("secret.txt").path)
  }

  /// Where CI checkouts keep a job token (`.git/config`), a local `.env` and a git hook, each
  /// reached by a link that the walk lists as a file (the committed site names them directly).
  private func hiddenFiles() throws {
    for path in [".git/config", ".git/hooks/pre-commit", ".env"] {
      try write(path, "# \(HostileCase.sentinel)\n")
    }
    try link("content/catalog/leak.yaml", to: "../../.git/config")
    try link("content/catalog/git-docs", to: "../../.git")
    try link("content/catalog/hooks", to: "../../.git/hooks")
    try link("content/catalog/docs/config.md", to: "../../../.git/config")
    try link("content/events/env.jsonl", to: "../../.env")
    try link("content/policy-results/env.json", to: "../../.env")
    try link("policies/hook.yaml", to: "../.git/hooks/pre-commit")
  }

  /// `output` committed as a link to a home folder in place of `output/.gitkeep`.
  private func outputLink() throws {
    let home = outside.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: home.appendingPathComponent(".ssh"), withIntermediateDirectories: true)
    for file in [".ssh/id_ed25519", ".netrc", ".gitkeep"] {
      try Data("# \(HostileCase.sentinel)\n".utf8).write(to: home.appendingPathComponent(file))
    }
    try link("output", to: "../outside/home")
  }

  private func millionSARIFResults() throws {
    let url = root.appendingPathComponent("content/policy-results/million.sarif")
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    handle.write(
      Data("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"flood\"}},\"results\":[".utf8))
    let result = "{\"ruleId\":\"r\",\"message\":{\"text\":\"m\"}}"
    let batch = Array(repeating: result, count: 10_000).joined(separator: ",")
    for index in 0..<100 { handle.write(Data(((index == 0 ? "" : ",") + batch).utf8)) }
    handle.write(Data("]}]}\n".utf8))
  }

  /// Credential-shaped values, assembled from parts.
  static let githubToken = "gh" + "p_" + "A1b2C3d4E5f6G7h8I9j0" + "K1l2M3n4O5p6Q7r8"
  static let githubFineGrained = "github" + "_pat_" + String(repeating: "a1B2c3D4e5", count: 8) + "Z9"
  static let awsKey = "AK" + "IA" + "QWERTYUIOPASDF23"
  static let awsSessionKey = "AS" + "IA" + "ZXCVBNMLKJHGFD45"
  static let awsExample = "AK" + "IA" + "IOSFODNN7EXAMPLE"
  static let slackToken = "xo" + "xb-" + "123456789012-1234567890123-" + "AbCdEfGhIjKlMnOpQrStUvWx"
  static let googleKey = "AI" + "za" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"
  static let jwt =
    "ey" + "JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + ".ey"
    + "JzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
    + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
  static var privateKey: String {
    let body = Data((0..<192).map { UInt8($0) }).base64EncodedString()
    return "-----BEGIN " + "RSA PRIVATE KEY-----\n"
      + stride(from: 0, to: body.count, by: 64).map { offset in
        let start = body.index(body.startIndex, offsetBy: offset)
        return String(body[start..<(body.index(start, offsetBy: 64, limitedBy: body.endIndex) ?? body.endIndex)])
      }.joined(separator: "\n") + "\n-----END " + "RSA PRIVATE KEY-----\n"
  }

  /// Tokens no input holds literally (issue 19, item 16): a YAML `\x5f` escape, markdown `\_`
  /// and `&#95;`, a file name; only the scan of the rendered site sees them.
  private func escapedSecrets() throws {
    func token(_ seed: String) -> String { "gh" + "p_" + String(repeating: seed, count: 12) }
    try write(
      "content/catalog/escaped.yaml",
      component("escaped", metadata: "  description: \"gh\\x70\\x5f\(String(repeating: "Ya1", count: 12))\"\n"))
    try write(
      "content/catalog/docs/escaped.md",
      "# Escaped\n\nghp\\_\(String(repeating: "Mc3", count: 12)) and ghp&#95;\(String(repeating: "Rd4", count: 12))\n")
    try write("content/catalog/docs/\(token("Fe5")).txt", "named\n")
  }

  private func secrets() throws {
    let pem = Self.privateKey.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
    try write(
      "content/catalog/services.yaml",
      component(
        "svc",
        annotations: [
          "backstage.io/techdocs-ref": "dir:.",
          "waymark.dev/allow-secret-pattern": "'(eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\\..*|AIza.*)'",
        ], metadata: "  description: \"token \(Self.githubToken) in prose\"\n  tags: [\"\(Self.awsKey)\"]\n")
          + """
            openapi: {$text: ./openapi.txt}
            key: |
          \(pem)
          ---

          """
        + component("bad-pattern", annotations: ["waymark.dev/allow-secret-pattern": "'('"])
        + "  note: \(Self.googleKey)\n")
    try write("content/catalog/openapi.txt", "servers:\n  - url: https://maps.example/?key=\(Self.googleKey)\n")
    try write("content/catalog/mkdocs.yml", "site_name: Secrets\n")
    try write(
      "content/catalog/docs/index.md",
      "# Tokens\n\nA documented example: `Authorization: Bearer \(Self.jwt)`.\n\nAWS's placeholder \(Self.awsExample) is fine; \(Self.slackToken) is not.\n"
    )
    try write(
      "content/events/tokens.jsonl",
      "{\"context\":{\"version\":\"0.4.1\",\"id\":\"1\",\"source\":\"s\",\"type\":\"dev.cdevents.service.deployed.0.1.1\",\"timestamp\":\"2026-10-01T00:00:00Z\"},\"subject\":{\"id\":\"svc\",\"content\":{\"environment\":{\"id\":\"prod\"},\"token\":\"\(Self.slackToken)\"}}}\n"
    )
    try write(
      "content/policy-results/scan.sarif",
      "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"scanner\"}},\"results\":[{\"ruleId\":\"leak\",\"level\":\"error\",\"message\":{\"text\":\"found \(Self.githubFineGrained)\"},\"properties\":{\"waymark.dev/entity\":\"component:default/svc\"}}]}]}\n"
    )
    try write(
      "policies/checks.yaml",
      """
      apiVersion: waymark.dev/v1alpha1
      kind: Scorecard
      metadata: {name: checks, title: Checks}
      spec:
        owner: group:default/team-a
        checks:
          - id: ok
            title: OK
            expr: "true"
            remediation: "Use the key \(Self.awsSessionKey)."

      """)
  }

  // MARK: - Writing

  func component(_ name: String, annotations: [String: String] = [:], metadata: String = "") -> String {
    var text = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: \(name)\n" + metadata
    if !annotations.isEmpty {
      text +=
        "  annotations:\n" + annotations.sorted { $0.key < $1.key }.map { "    \($0.key): \($0.value)\n" }.joined()
    }
    return text + "spec:\n  type: service\n  lifecycle: production\n  owner: team-a\n"
  }

  func raw(_ values: UInt8...) -> [UInt8] { values }

  /// Text and raw bytes (`raw(0xC3, 0x28)`) joined.
  func bytes(_ parts: Any...) -> Data {
    var data = Data()
    for part in parts {
      if let text = part as? String { data += Data(text.utf8) }
      if let raw = part as? [UInt8] { data += Data(raw) }
    }
    return data
  }

  func write(_ path: String, _ text: String) throws {
    try write(path, Data(text.utf8))
  }

  func write(_ path: String, _ data: Data) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  /// Writes `prefix`, `megabytes` MiB of `byte` and `suffix`, a mebibyte at a time.
  func writeLarge(_ path: String, prefix: String, byte: UInt8, megabytes: Int, suffix: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    handle.write(Data(prefix.utf8))
    let block = Data(repeating: byte, count: 1 << 20)
    for _ in 0..<megabytes { handle.write(block) }
    handle.write(Data(suffix.utf8))
  }

  func link(_ path: String, to target: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
  }

  func makeFIFO(_ path: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    guard mkfifo(url.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
  }

  /// A listening-free Unix socket file bound at `path`.
  func makeSocket(_ path: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    #if canImport(Glibc)
      let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let pathBytes = Array(url.path.utf8)
    guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw CocoaError(.fileWriteUnknown) }
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
      for (index, byte) in pathBytes.enumerated() { buffer[index] = byte }
    }
    let bound = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    guard bound == 0 else { throw CocoaError(.fileWriteUnknown) }
  }
}
