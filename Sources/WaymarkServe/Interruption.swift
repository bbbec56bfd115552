import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM for the long-running commands: the first cancels the work, which
/// ends after the build in progress (so nothing is left half-published); a second exits at once.
public enum Interruption {
  /// Runs `work` until it returns or a signal cancels it.
  public static func run(_ work: @escaping @Sendable () async -> Void) async {
    for number in signals { signal(number, SIG_IGN) }
    let task = Task { await work() }
    let watcher = Task {
      let (arrivals, arrived) = AsyncStream.makeStream(of: Int32.self)
      // The sources live (and are cancelled) in this task; their handlers only yield.
      let sources = signals.map { number in
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { arrived.yield(number) }
        source.resume()
        return source
      }
      var count = 0
      for await _ in arrivals {
        count += 1
        guard count == 1 else { exit(130) }
        FileHandle.standardError.write(Data("waymark: stopping (Ctrl-C again to stop at once)\n".utf8))
        task.cancel()
      }
      for source in sources { source.cancel() }
    }
    await task.value
    watcher.cancel()
  }

  /// The signals that stop the work: Ctrl-C and `kill`'s default.
  static let signals = [SIGINT, SIGTERM]
}
