import WaymarkLoading
import WaymarkModel

/// Takes a folder, or the files a glob matches, out of a repository archive (`.tar.gz`, every
/// path under one top folder, as GitHub and GitLab write them), as Backstage's tar reader does
/// with `strip: 1`.
///
/// The archive is read as a stream and refused whole when it is unsafe (`TarReader`) or over a
/// limit; only the files kept are held. A link is kept as a copy of the file it leads to when
/// that file is kept too; one leading elsewhere (outside the folder, an absolute path, a link
/// cycle) is left out and reported.
package enum RemoteArchiveExtractor {
  /// What an archive gave.
  package struct Extracted: Sendable {
    /// For a folder, its files relative to it; for a search, the matches relative to the
    /// repository; sorted by path.
    package var files: [(path: String, bytes: [UInt8])]
    /// The links left out, each as `'<path>', a link to '<target>' outside the folder fetched`.
    package var leftOut: [String]
  }

  /// The files `plan` selects from `archive`, or why the archive is refused.
  package static func extract(_ archive: [UInt8], plan: RemoteURLRewriter.ArchivePlan) -> Result<
    Extracted, RemoteFetchProblem
  > {
    let selects = selection(plan)
    var reader = TarReader(limits: RemoteCache.folderLimits) { entry in
      repositoryPath(entry.path).map(selects) ?? false
    }
    do {
      try GzipDecoder.decode(archive, limit: RemoteCache.maximumUnpackedByteCount) { try reader.consume($0) }
      try reader.finish()
    } catch GzipDecoder.Problem.tooLarge(let limit) {
      return .failure(.archiveTooLarge("unpacks to over \(limit >> 20) MiB"))
    } catch GzipDecoder.Problem.corrupt {
      return .failure(.failed("the archive is not a readable .tar.gz"))
    } catch let problem as TarProblem {
      return .failure(problem.exceedsLimit ? .archiveTooLarge(problem.message) : .unsafeArchive(problem.message))
    } catch {
      return .failure(.failed("the archive is not a readable .tar.gz"))
    }
    let (collected, leftOut) = collect(reader, plan: plan, selects: selects)
    if plan.pattern == nil, collected.isEmpty {
      let ref = plan.repository.ref.map { " at '\($0)'" } ?? ""
      return .failure(
        .failed(
          plan.folder.isEmpty ? "the archive holds no files" : "the repository has no folder '\(plan.folder)'\(ref)"))
    }
    let files = collected.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return .success(Extracted(files: files, leftOut: leftOut))
  }

  /// The kept files and the links that lead to kept files, named relative to the folder (for a
  /// search, the repository), and the links left out.
  private static func collect(_ reader: TarReader, plan: RemoteURLRewriter.ArchivePlan, selects: (String) -> Bool) -> (
    [(path: String, bytes: [UInt8])], [String]
  ) {
    var kept: [String: [UInt8]] = [:]
    var links: [String: String?] = [:]
    var written: [String: String] = [:]
    for (index, entry) in reader.entries.enumerated() {
      guard let path = repositoryPath(entry.path), selects(path) else { continue }
      switch entry.kind {
      case .file: kept[path] = reader.data[index] ?? []
      case .directory: continue
      case .symbolicLink(let target):
        written[path] = target
        links.updateValue(target.hasPrefix("/") ? nil : RootPath.resolve(target, besideFile: path), forKey: path)
      case .hardLink(let target):
        written[path] = target
        links.updateValue(repositoryPath(target), forKey: path)
      }
    }
    let prefix = plan.pattern == nil && !plan.folder.isEmpty ? plan.folder + "/" : ""
    var files = kept.map { (path: String($0.key.dropFirst(prefix.count)), bytes: $0.value) }
    var leftOut: [String] = []
    let place = plan.pattern == nil ? "outside the folder fetched" : "not to a file the glob matches"
    for (link, target) in links.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
      if let file = follow(target, links: links, kept: kept) {
        files.append((path: String(link.dropFirst(prefix.count)), bytes: file))
      } else {
        leftOut.append("'\(link)', a link to '\(written[link] ?? "")' \(place)")
      }
    }
    return (files, leftOut)
  }

  /// An archive path without its top folder; nil for the top folder itself.
  static func repositoryPath(_ path: String) -> String? {
    guard let slash = path.firstIndex(of: "/") else { return nil }
    let rest = path[path.index(after: slash)...]
    return rest.isEmpty ? nil : String(rest)
  }

  private static func selection(_ plan: RemoteURLRewriter.ArchivePlan) -> (String) -> Bool {
    if let pattern = plan.pattern { return { pattern.matches($0) } }
    let folder = plan.folder
    return { folder.isEmpty || $0.hasPrefix(folder + "/") }
  }

  /// The bytes a link leads to through at most eight links, or nil.
  private static func follow(_ target: String?, links: [String: String?], kept: [String: [UInt8]]) -> [UInt8]? {
    var current = target
    for _ in 0..<8 {
      guard let path = current else { return nil }
      if let bytes = kept[path] { return bytes }
      guard let next = links[path] else { return nil }
      current = next
    }
    return nil
  }
}
