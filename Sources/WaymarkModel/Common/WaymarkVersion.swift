/// The version of Waymark, printed by `--version` and recorded in `api/build.json`.
public enum WaymarkVersion {
  /// The current version.
  public static let current = "0.1.0"
}
