import Foundation
import Markdown
import WaymarkModel

/// pymdownx.snippets: the files the pages' `--8<--` directives name are read with the pages, so
/// the docs stage reads no file. Which files those are is found by expanding each page that
/// has a directive (or every page, with `auto_append`) the way the stage will, so ranges,
/// sections, escapes and snippets inside snippets name exactly the files the stage asks for; or,
/// with the build cache, by replaying the trace of the last build that found them (`SnippetTrace`).
extension DocsLoader {
  /// The files `pages` (and the snippets they include) name, by root-relative path: read, or
  /// the reason they were not (a link leading out of the site folder, too large, …); with the
  /// trace of finding them (`SnippetTrace`) as a cache entry when the loader keeps traces,
  /// replaying the stored one instead of expanding the pages when its answers still hold.
  func readSnippets(of pages: [SourceFile], config: MkDocsConfig, siteFolder: String) -> (
    read: [String: Result<SourceFile, Diagnostic>], trace: (key: MemoKey, entry: [UInt8])?
  ) {
    guard let snippetTraces else { return (findSnippets(of: pages, config: config, siteFolder: siteFolder).read, nil) }
    let key = SnippetTrace.key(siteFolder: siteFolder, settings: config.snippets, pages: pages)
    if let bytes = snippetTraces.entry(key), var reader = snippetTraces.reader(for: key),
      let stored = try? SnippetTrace(from: &reader),
      let read = replay(
        stored, siteFiles: files(under: siteFolder.isEmpty ? "" : siteFolder + "/"), siteFolder: siteFolder)
    {
      return (read, (key, Array(bytes)))
    }
    let (read, trace) = findSnippets(of: pages, config: config, siteFolder: siteFolder)
    return (read, (key, trace.bytes))
  }

  /// The files `trace` read, read again, when the site still answers every question it asked
  /// the same: each path it probed is there or not as it was, each file reads as it did.
  private func replay(
    _ trace: SnippetTrace, siteFiles: Set<String>, siteFolder: String
  ) -> [String: Result<SourceFile, Diagnostic>]? {
    guard trace.probes.allSatisfy({ siteFiles.contains($0.key) == $0.value }) else { return nil }
    var read: [String: Result<SourceFile, Diagnostic>] = [:]
    for (path, fingerprint) in trace.reads {
      let result = readSnippet(path, siteFolder: siteFolder)
      guard SnippetTrace.fingerprint(of: result) == fingerprint else { return nil }
      read[path] = result
    }
    return read
  }

  /// Expands every page that includes another file to find the files its snippets read, and
  /// reads them; with the trace of what was asked.
  private func findSnippets(of pages: [SourceFile], config: MkDocsConfig, siteFolder: String) -> (
    read: [String: Result<SourceFile, Diagnostic>], trace: SnippetTrace
  ) {
    let expander = SnippetExpander(
      autoAppend: config.snippets.autoAppend, dedentsSubsections: config.snippets.dedentsSubsections)
    let resolver = DocsSnippetResolver(siteFolder: siteFolder, settings: config.snippets)
    let siteFiles = files(under: siteFolder.isEmpty ? "" : siteFolder + "/")
    var read: [String: Result<SourceFile, Diagnostic>] = [:]
    var trace = SnippetTrace()
    for page in pages where expander.applies(toBytes: page.bytes) {
      let body = MarkdownFrontMatter(splitting: String(decoding: page.bytes, as: UTF8.self)).body
      guard expander.applies(to: body) else { continue }
      _ = expander.expand(body) { path in
        resolver.lookup(
          path,
          exists: { candidate in
            let answer = siteFiles.contains(candidate)
            trace.probes[candidate] = answer
            return answer
          },
          read: { candidate in
            if read[candidate] == nil {
              let result = readSnippet(candidate, siteFolder: siteFolder)
              read[candidate] = result
              // Digests only for a trace that is kept.
              if snippetTraces != nil { trace.reads[candidate] = SnippetTrace.fingerprint(of: result) }
            }
            return Self.text(of: read[candidate]!)
          })
      }
    }
    return (read, trace)
  }

  /// Reads `path`, refusing it when its links lead outside the site folder.
  private func readSnippet(_ path: String, siteFolder: String) -> Result<SourceFile, Diagnostic> {
    let siteRoot = siteFolder.isEmpty ? root : root.appendingPathComponent(siteFolder)
    let relative = siteFolder.isEmpty ? path : String(path.dropFirst(siteFolder.count + 1))
    guard RootPath.staysInside(relative, root: siteRoot) else {
      return .failure(
        .error(
          .inputOutsideRoot, "a symbolic link leads outside the docs site; it is not read",
          at: SourceLocation(path: path)))
    }
    return SourceFile.read(path, under: root, resolvedRoot: resolvedRoot)
  }

  /// The text of a snippet read, or why it was not (outside the site when a link leads out).
  package static func text(of read: Result<SourceFile, Diagnostic>) -> Result<
    String, DocsSnippetResolver.ReadFailure
  > {
    switch read {
    case .success(let file): return .success(String(decoding: file.bytes, as: UTF8.self))
    case .failure(let diagnostic):
      let isOutside = diagnostic.code == .inputOutsideRoot || diagnostic.code == .inputHiddenPath
      return .failure(
        .init(reason: "'\(diagnostic.location?.path ?? "")': \(diagnostic.message)", isOutside: isOutside))
    }
  }
}
