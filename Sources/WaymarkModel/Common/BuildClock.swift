/// Decides the build's "now": never the wall clock, so identical inputs give identical output.
public enum BuildClock {
  /// Where the build's `now` came from, recorded in `api/build.json`.
  public enum Source: String, Sendable, CaseIterable {
    case option = "--as-of"
    case config = "waymark.yaml"
    case git
    case inputs
    case none

    /// The source's name in `api/build.json`'s `clock.source`: `flag`, `config`, `git`, `inputs`, `none`.
    public var name: String {
      switch self {
      case .option: return "flag"
      case .config: return "config"
      case .git: return "git"
      case .inputs: return "inputs"
      case .none: return "none"
      }
    }
  }

  /// How far an event export's newest event may lie behind "now" before it is `events.stale-export`.
  public static let staleExportDays = 30

  /// Parses an `--as-of` or config timestamp.
  public static func parse(_ text: String) -> Timestamp? {
    Timestamp(iso8601: text)
  }

  /// `--as-of`, else the config's `asOf`, else the committer time of the git `HEAD` commit, else
  /// the newest input timestamp, else the epoch. `commitTime` is read only when needed.
  public static func now(
    option: Timestamp?, config: SiteConfig, commitTime: () -> Timestamp? = { nil }, newestInput: Timestamp?
  ) -> (Timestamp, Source) {
    if let option { return (option, .option) }
    if let text = config.asOf, let configured = parse(text) { return (configured, .config) }
    if let committed = commitTime() { return (committed, .git) }
    if let newestInput { return (newestInput, .inputs) }
    return (.epoch, .none)
  }

  /// The warning for a build with no clock at all (`build.no-clock`), else nothing.
  public static func diagnostics(source: Source) -> [Diagnostic] {
    guard source == .none else { return [] }
    return [
      .warning(
        .buildNoClock,
        "the build's \"now\" is 1970-01-01: no --as-of, no asOf, no git commit and no event timestamps; "
          + "set asOf or build in a git work tree", at: SourceLocation(path: "waymark.yaml"))
    ]
  }

  /// The warning for an event export whose newest event is over `staleExportDays` before `now`.
  public static func staleExport(path: String, newest: Timestamp, now: Timestamp) -> Diagnostic? {
    let behind = now.millisecondsSinceEpoch - newest.millisecondsSinceEpoch
    guard behind > Int64(staleExportDays) * 86_400_000 else { return nil }
    let days = behind / 86_400_000
    return .warning(
      .eventsStaleExport,
      "the newest event (\(newest.dateString)) is \(days) days before the build's \"now\" (\(now.dateString)); "
        + "the export may be out of date", at: SourceLocation(path: path))
  }
}
