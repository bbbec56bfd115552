import ArgumentParser
import Foundation
import WaymarkLoading
import WaymarkModel

/// `waymark init`: scans a repository and writes a `waymark.yaml` that fits what it found.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Scan a repository and write a waymark.yaml for it (inputs, exclusions, external entities).")

  @Option(name: .long, help: "The repository to scan; waymark.yaml is written at its top.")
  var root: String = "."

  @Flag(name: .long, help: "Overwrite an existing waymark.yaml.")
  var force = false

  func run() throws {
    let rootURL = URL(fileURLWithPath: root, relativeTo: SiteOptions.workingDirectory).standardizedFileURL
    let terminal = TerminalReporter(quiet: false)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isFolder), isFolder.boolValue else {
      terminal.failure("--root \(root) is not a folder")
      throw ExitCode(ExitStatus.usage)
    }
    let target = rootURL.appendingPathComponent(SiteConfigLoader.fileName)
    if !force, FileManager.default.fileExists(atPath: target.path) {
      terminal.failure(
        "\(displayed(SiteConfigLoader.fileName)) already exists; nothing was written (--force replaces it)")
      throw ExitCode(ExitStatus.usage)
    }
    let proposal = InitProposal(scan: RepositoryScanner(root: rootURL).scan())
    do {
      try Data(proposal.yaml.utf8).write(to: target)
    } catch {
      terminal.failure("cannot write \(target.path): \(error.localizedDescription)")
      throw ExitCode(ExitStatus.environment)
    }
    var wrote = "Wrote \(displayed(SiteConfigLoader.fileName))."
    if !proposal.scan.remoteLocations.isEmpty || !proposal.scan.remoteDocs.isEmpty, ignoreFetchCache(in: rootURL) {
      wrote += " Added \(Self.cacheIgnore) to \(displayed(".gitignore")) (waymark fetch's cache)."
    }
    let next = root == "." ? "waymark check" : "waymark check --root \(root)"
    terminal.printToStandardOutput(proposal.summary + "\(wrote) Next: \(next)\n")
  }

  /// The `.gitignore` line for the cache `waymark fetch` fills (`waymark.lock` is committed).
  static let cacheIgnore = "/.waymark/cache/"

  /// Adds `cacheIgnore` to the root's `.gitignore` unless a line already ignores it; whether it did.
  private func ignoreFetchCache(in root: URL) -> Bool {
    let file = root.appendingPathComponent(".gitignore")
    let existing = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    let lines = existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    let ignored: Set<String> = [Self.cacheIgnore, ".waymark/cache/", "/.waymark/", ".waymark/", ".waymark"]
    guard !lines.contains(where: ignored.contains) else { return false }
    let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
    return (try? Data((existing + separator + Self.cacheIgnore + "\n").utf8).write(to: file)) != nil
  }

  /// `path` under the root as the user named the root.
  private func displayed(_ path: String) -> String {
    root == "." ? path : (root.hasSuffix("/") ? root : root + "/") + path
  }
}
