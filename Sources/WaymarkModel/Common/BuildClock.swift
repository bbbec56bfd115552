/// Decides the build's "now": never the wall clock, so identical inputs give identical output.
public enum BuildClock {
  /// Where the build's `now` came from, recorded in `api/build.json`.
  public enum Source: String, Sendable {
    case option = "--as-of", config = "waymark.yaml", inputs, none
  }

  /// Parses an `--as-of` or config timestamp.
  public static func parse(_ text: String) -> Timestamp? {
    Timestamp(iso8601: text)
  }

  /// `--as-of`, else the config's `asOf`, else the newest input timestamp, else the epoch.
  public static func now(option: Timestamp?, config: SiteConfig, newestInput: Timestamp?) -> (Timestamp, Source) {
    if let option { return (option, .option) }
    if let text = config.asOf, let configured = parse(text) { return (configured, .config) }
    if let newestInput { return (newestInput, .inputs) }
    return (.epoch, .none)
  }
}
