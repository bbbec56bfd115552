import Markdown
import WaymarkModel

/// Where a `--8<--` snippet path leads in one docs site, as pymdownx.snippets looks it up with
/// techdocs-core's settings: under each `base_path` in turn (the site folder, where TechDocs runs
/// `mkdocs build`, by default), refusing a path that leaves the base (`restrict_base_path`, which
/// techdocs-core forces on). Never outside the site folder: the bases are inside it, absolute
/// paths and URLs are refused, and hidden files are never read.
///
/// Names only; whether a file exists and what it holds come from the caller, so the loader
/// (reading) and the docs stage (looking up what was read) resolve alike.
public struct DocsSnippetResolver: Sendable, Hashable {
  /// The site folder, relative to the root ("" for the root itself).
  public let siteFolder: String
  /// The base folders, relative to the root, in order.
  public let bases: [String]

  /// Why a file named by a snippet was not read.
  public struct ReadFailure: Error, Sendable, Hashable {
    /// A sentence saying why.
    public var reason: String
    /// Whether it is because a link leads outside the site (or to a hidden file).
    public var isOutside: Bool

    /// Creates a failure.
    public init(reason: String, isOutside: Bool) {
      self.reason = reason
      self.isOutside = isOutside
    }
  }

  /// A resolver for the site in `siteFolder` with `settings.basePaths` (relative to it).
  public init(siteFolder: String, settings: MkDocsConfig.SnippetSettings) {
    self.siteFolder = siteFolder
    bases = settings.basePaths.map { base in
      [siteFolder, base].filter { !$0.isEmpty }.joined(separator: "/")
    }
  }

  /// What `path` leads to: `exists` says whether a root-relative path is a file of the site,
  /// `read` gives its text or why it cannot be read.
  public func lookup(
    _ path: String, exists: (String) -> Bool, read: (String) -> Result<String, ReadFailure>
  ) -> SnippetLookup {
    let lowered = path.lowercased()
    if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
      return .missing("snippets are read from the docs site's files; URLs are not downloaded")
    }
    if path.hasPrefix("/") { return .outsideSite("an absolute path leads outside the docs site") }
    var firstCandidate: String?
    for base in bases {
      if exists(base) {
        // A base naming a file admits that file only (pymdownx compares the two).
        let folder = base.split(separator: "/").dropLast().joined(separator: "/")
        if Self.normalized(path, under: folder) == base { return found(base, read: read) }
        continue
      }
      guard let candidate = Self.normalized(path, under: base) else { continue }
      firstCandidate = firstCandidate ?? candidate
      if RootPath.hiddenSegment(in: candidate) != nil {
        return .outsideSite("'\(candidate)' is hidden, and hidden files are never read")
      }
      if exists(candidate) { return found(candidate, read: read) }
    }
    guard let firstCandidate else {
      let site = siteFolder.isEmpty ? "the site root" : "'\(siteFolder)'"
      return .outsideSite("it leads outside the docs site folder \(site)")
    }
    return .missing("there is no file '\(firstCandidate)' in the docs site")
  }

  private func found(_ path: String, read: (String) -> Result<String, ReadFailure>)
    -> SnippetLookup
  {
    switch read(path) {
    case .success(let text): return .file(id: path, text: text)
    case .failure(let failure): return failure.isOutside ? .outsideSite(failure.reason) : .missing(failure.reason)
    }
  }

  /// `path` joined to the root-relative `folder` and normalised (as `os.path.abspath` does),
  /// or nil when the result is not inside the folder.
  static func normalized(_ path: String, under folder: String) -> String? {
    var parts: [Substring] = []
    for part in (folder + "/" + path).split(separator: "/") {
      switch part {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(part)
      }
    }
    let baseParts = folder.split(separator: "/")
    guard parts.count > baseParts.count, parts.starts(with: baseParts) else { return nil }
    return parts.joined(separator: "/")
  }
}
