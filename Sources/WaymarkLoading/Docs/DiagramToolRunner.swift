import Foundation
import WaymarkModel

/// Runs the diagram tools Debian packages (Graphviz's `dot`, `plantuml`) to turn a diagram's source
/// into SVG, for the docs stage to inline (the Markdown engine sanitises it).
///
/// A tool that is missing, fails or runs longer than `timeout` yields nil; the page then keeps the
/// diagram as a code block with a `docs.diagram-not-rendered` warning.
public struct DiagramToolRunner: Sendable {
  /// The folders searched for the tools, `PATH`'s by default.
  public var searchPath: [String]
  /// How long one diagram may take.
  public var timeout: TimeInterval

  /// Creates a runner searching `PATH`.
  public init(searchPath: [String]? = nil, timeout: TimeInterval = 20) {
    self.searchPath =
      searchPath
      ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    self.timeout = timeout
  }

  /// SVG for `source` in `language` (`dot` with a Graphviz layout `engine`, or `plantuml`).
  public func svg(language: String, engine: String, source: String) -> String? {
    switch language {
    case "dot":
      guard let dot = executable("dot"), ["dot", "neato", "fdp", "sfdp", "twopi", "circo"].contains(engine) else {
        return nil
      }
      return run(dot, arguments: ["-Tsvg", "-K\(engine)"], input: source)
    case "plantuml":
      guard let plantuml = executable("plantuml") else { return nil }
      return run(plantuml, arguments: ["-tsvg", "-pipe", "-charset", "UTF-8"], input: source)
    default:
      return nil
    }
  }

  /// The first executable file named `name` in the search path.
  public func executable(_ name: String) -> URL? {
    for folder in searchPath where !folder.isEmpty {
      let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  /// The key of the tools this runner would run: each one's path, size and modification time
  /// (none when missing), so that installing or upgrading one counts as a change of the build's
  /// inputs.
  public var fingerprint: MemoKey {
    var hasher = MemoHasher("diagram-tools")
    for name in ["dot", "plantuml"] {
      guard let tool = executable(name) else {
        hasher.add("none")
        continue
      }
      let attributes = try? FileManager.default.attributesOfItem(atPath: tool.resolvingSymlinksInPath().path)
      hasher.add(tool.path)
      hasher.add((attributes?[.size] as? Int) ?? -1)
      hasher.add(((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0).description)
    }
    return hasher.finish()
  }

  private func run(_ tool: URL, arguments: [String], input: String) -> String? {
    let process = Process()
    process.executableURL = tool
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
    defer { deadline.cancel() }
    // The tools read the whole graph before writing, so writing first cannot deadlock on output.
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try? stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, process.terminationReason == .exit else { return nil }
    return String(data: output, encoding: .utf8)
  }
}
