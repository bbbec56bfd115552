/// Watches the site root for changes that can change a build: inotify on Linux, polling
/// elsewhere, when inotify fails (its watch limit), or when asked (`--poll`, for folders mounted
/// from another machine, whose changes inotify does not see).
public struct InputWatcher: Sendable {
  /// How changes are noticed.
  public enum Method: Sendable, Equatable {
    /// inotify where there is one, else polling every half second.
    case native
    /// Comparing the tree every `interval`.
    case polling(Duration)
  }

  /// What is watched.
  public let scope: WatchScope
  /// How.
  public let method: Method
  /// How long a burst of saves must be quiet before its batch is delivered (inotify).
  public var settle = Duration.milliseconds(50)

  /// The polling interval where polling is used by default.
  public static let defaultPollingInterval = Duration.milliseconds(500)

  /// Creates a watcher.
  public init(scope: WatchScope, method: Method = .native) {
    self.scope = scope
    self.method = method
  }

  /// The batches of changes, with how they are watched (for the terminal) and, when inotify
  /// could not be used, why.
  public func changes() -> (batches: AsyncStream<WatchBatch>, how: String, warning: String?) {
    var warning: String?
    if case .native = method {
      #if canImport(Glibc)
        do {
          return (try InotifyWatcher(scope: scope, settle: settle).start(), "inotify", nil)
        } catch {
          warning = "\(error.description); polling instead"
        }
      #endif
    }
    let interval: Duration
    if case .polling(let every) = method { interval = every } else { interval = Self.defaultPollingInterval }
    return (Self.poll(scope, every: interval), "polling every \(Int(interval.milliseconds)) ms", warning)
  }

  /// Polling: the tree is walked every `interval` and compared with the previous walk.
  static func poll(_ scope: WatchScope, every interval: Duration) -> AsyncStream<WatchBatch> {
    let (stream, continuation) = AsyncStream.makeStream(of: WatchBatch.self, bufferingPolicy: .bufferingNewest(1))
    let task = Task {
      var previous = FolderSnapshot.take(scope)
      while !Task.isCancelled {
        try? await Task.sleep(for: interval)
        let seen = ContinuousClock.now
        let next = FolderSnapshot.take(scope)
        let changed = previous.changes(to: next)
        previous = next
        if !changed.isEmpty { continuation.yield(WatchBatch(paths: changed, firstChange: seen)) }
      }
      continuation.finish()
    }
    continuation.onTermination = { _ in task.cancel() }
    return stream
  }
}
