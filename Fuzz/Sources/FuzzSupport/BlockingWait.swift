import Dispatch
import Synchronization

/// Runs async library entry points from libFuzzer's synchronous callback.
///
/// libFuzzer calls `LLVMFuzzerTestOneInput` on its own thread, outside Swift concurrency; the
/// loaders are `async` (they read files in task groups), so the callback starts a task and
/// waits for its value. The task runs on the cooperative pool, never on the waiting thread.
public enum BlockingWait {
  /// The value of `work`, waiting on the calling (non-pool) thread until it is ready.
  public static func value<T: Sendable>(of work: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let finished = DispatchSemaphore(value: 0)
    Task {
      let value = await work()
      box.slot.withLock { $0 = value }
      finished.signal()
    }
    finished.wait()
    guard let value = box.slot.withLock({ $0 }) else { fatalError("the task signalled without a value") }
    return value
  }

  private final class ResultBox<T: Sendable>: Sendable {
    let slot = Mutex<T?>(nil)
  }
}
