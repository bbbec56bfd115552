import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// The hostile-input corpus (`Tests/Fixtures/hostile/`): each case is checked with the real
/// library, its diagnostics compared exactly with the case's `expected.txt`, then published
/// (when it has no errors) and the output scanned for anything active; nothing may be written
/// outside the output folder, and nothing from outside the root may reach any output or message.
@Suite struct HostileInputTests {
  static let asOf = Timestamp(iso8601: "2026-11-01T00:00:00Z")

  @Test(arguments: HostileCase.all)
  func endsInLocatedDiagnosticsAndLeaksNothing(_ hostile: HostileCase) async throws {
    if let gate = hostile.gate, ProcessInfo.processInfo.environment[gate] != "1" {
      print("\(hostile.name): skipped: set \(gate)=1 to run it (it generates a 200 MB input)")
      return
    }
    let (workspace, skipped) = try hostile.prepare()
    defer {
      // WAYMARK_HOSTILE_KEEP=1 keeps the workspace to look into.
      if ProcessInfo.processInfo.environment["WAYMARK_HOSTILE_KEEP"] == "1" {
        print("\(hostile.name): kept \(workspace.base.path)")
      } else {
        try? FileManager.default.removeItem(at: workspace.base)
      }
    }
    guard skipped.isEmpty else {
      for line in skipped { print(line) }
      return
    }
    let before = TreeManifest(of: workspace.base)
    let output = hostile.configuredOutput ? nil : workspace.output

    let checked = try await SiteBuilder().build(
      BuildOptions(root: workspace.root, output: output, asOf: Self.asOf, writesOutput: false))
    let text = DiagnosticFormat.text.format(checked.diagnostics)
    assertGolden(text, file: hostile.folder.appendingPathComponent("expected.txt"))
    #expect(!text.contains(HostileCase.sentinel))
    #expect(!checked.files.contains { String(decoding: $0.bytes, as: UTF8.self).contains(HostileCase.sentinel) })
    #expect(TreeManifest(of: workspace.base) == before, "check wrote or changed files")
    let manifest = try #require(checked.files.first { $0.path == "api/build.json" })
    let inputs = String(decoding: manifest.bytes, as: UTF8.self)
    #expect(
      !inputs.contains("\"path\": \"/") && !inputs.contains("\"path\": \".."), "an input outside the root was read")

    guard hostile.publishes else { return }
    let built = try await SiteBuilder().build(
      BuildOptions(root: workspace.root, output: output, asOf: Self.asOf, writesOutput: true))
    #expect(DiagnosticFormat.text.format(built.diagnostics) == text)
    var after = TreeManifest(of: workspace.base)
    let written = after.removeFolder("output")
    #expect(after == before, "the build wrote or changed files outside its output folder")
    #expect(built.published == !built.diagnostics.hasErrors)
    if built.published {
      #expect(written > 0)
      let output = InertOutputScanner.files(in: workspace.output)
      #expect(!output.values.contains { String(decoding: $0, as: UTF8.self).contains(HostileCase.sentinel) })
      let scanner = InertOutputScanner(mustBeEscaped: InertOutputScanner.catalogStrings(inSite: workspace.output))
      let findings = scanner.scan(folder: workspace.output)
      #expect(
        findings.isEmpty, "active content in \(hostile.name):\n\(findings.map(\.description).joined(separator: "\n"))")
    } else {
      #expect(written == 0)
      #expect(!FileManager.default.fileExists(atPath: workspace.output.path))
    }
  }

  @Test func everyCaseFolderIsInTheList() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: HostileCase.corpus.path).filter { name in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(
        atPath: HostileCase.corpus.appendingPathComponent(name).path, isDirectory: &isDirectory)
        && isDirectory.boolValue
    }
    #expect(folders.sorted() == HostileCase.all.map(\.name).sorted())
  }
}

/// Every entry under a folder with its size and, for files under 1 MiB, contents; links by target.
struct TreeManifest: Equatable {
  var entries: [String: String] = [:]

  init(of folder: URL) {
    let base = folder.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return }
    while let relative = walker.nextObject() as? String {
      let path = base + "/" + relative
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      switch info.st_mode & S_IFMT {
      case S_IFLNK:
        entries[relative] = "link " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
      case S_IFDIR: entries[relative] = "folder"
      case S_IFREG:
        let size = Int(info.st_size)
        let contents =
          size < 1 << 20 ? FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } : nil
        entries[relative] = "file \(size) \(contents ?? "mtime \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")"
      default: entries[relative] = "special \(info.st_mode & S_IFMT)"
      }
    }
  }

  /// Removes `name` and everything under it; returns how many entries that was.
  mutating func removeFolder(_ name: String) -> Int {
    let removed = entries.keys.filter { $0 == name || $0.hasPrefix(name + "/") }
    for key in removed { entries[key] = nil }
    return removed.count
  }
}
