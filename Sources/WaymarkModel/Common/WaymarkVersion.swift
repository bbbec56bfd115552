/// The version of Waymark, printed by `--version` and recorded in `api/build.json`.
public enum WaymarkVersion {
  /// The current version: the one `make dist` stamps from `git describe` (or a tarball's `VERSION` file)
  /// into the gitignored `WaymarkVersion+Release.swift`, else the version this source is heading for.
  #if WAYMARK_RELEASE_VERSION
    public static let current = release
  #else
    public static let current = "0.1.0"
  #endif
}
