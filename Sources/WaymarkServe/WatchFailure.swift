/// Why the native watcher cannot run (polling then takes over).
public struct WatchFailure: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public var description: String

  init(_ description: String) {
    self.description = description
  }
}
