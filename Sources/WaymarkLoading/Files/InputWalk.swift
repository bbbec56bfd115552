import WaymarkModel

/// What one walk of the site root found: the regular files, and the entries that are not taken
/// as files (links out of the root or to nothing, FIFOs, sockets, devices).
public struct InputWalk: Sendable {
  /// An entry that is not read, and why.
  public struct Skipped: Sendable, Hashable {
    /// The path relative to the root.
    public var path: String
    /// The diagnostic code: `input.outside-root`, `input.missing` or `input.unreadable`.
    public var code: DiagnosticCode
    /// Why it is not read.
    public var reason: String
  }

  /// Every regular file (or link to one inside the root), sorted.
  public var files: [String] = []
  /// The entries skipped, sorted by path.
  public var skipped: [Skipped] = []

  /// Errors for the skipped entries an input glob matches: an input that cannot be read is
  /// never dropped silently. Other skipped entries (a FIFO outside every glob) are no input.
  public func diagnostics(matching globs: [String]) -> [Diagnostic] {
    let patterns = globs.map(GlobPattern.init)
    return skipped.filter { entry in patterns.contains { $0.matches(entry.path) } }.map { entry in
      .error(entry.code, entry.reason, at: SourceLocation(path: entry.path))
    }
  }
}
