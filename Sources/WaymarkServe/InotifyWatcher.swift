#if canImport(Glibc)
  import Foundation
  import Glibc

  /// Watches the site root's folders with Linux inotify: one watch per folder in scope (links to
  /// folders are not followed, as the input walk does not follow them), new folders watched as they
  /// appear; a burst of events is delivered as one batch once none came for the settle time (or a
  /// second after its first, if the events never stop).
  ///
  /// The events are read on a thread of its own, which blocks in `poll` without holding one of the
  /// concurrency pool's threads; it owns the inotify descriptor and its folder table, and stops
  /// when the stream's consumer goes away (a pipe wakes it).
  struct InotifyWatcher: Sendable {
    let scope: WatchScope
    let settle: Duration

    /// The longest a batch waits for a burst to settle.
    static let longestWait = Duration.seconds(1)

    /// Watches every folder in scope and starts the reading thread; throws when inotify is not
    /// available or a watch cannot be added (the per-user watch limit), so polling can take over.
    func start() throws(WatchFailure) -> AsyncStream<WatchBatch> {
      let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard descriptor >= 0 else {
        throw WatchFailure("inotify is not available (\(String(cString: strerror(errno))))")
      }
      guard let wake = WakeSignal() else {
        close(descriptor)
        throw WatchFailure("cannot create a pipe (\(String(cString: strerror(errno))))")
      }
      var table = InotifyFolderTable(descriptor: descriptor, scope: scope)
      do {
        try table.watchTree("")
      } catch {
        close(descriptor)
        throw error
      }
      let (stream, continuation) = AsyncStream.makeStream(of: WatchBatch.self, bufferingPolicy: .bufferingNewest(1))
      continuation.onTermination = { _ in wake.signal() }
      let reader = InotifyReader(table: table, wake: wake, settle: settle, continuation: continuation)
      let thread = Thread {
        var reader = reader
        reader.run()
      }
      thread.name = "waymark-watch"
      thread.start()
      return stream
    }
  }

  /// A pipe that wakes the reading thread. Both ends close only when the last holder (the
  /// thread, the stream's termination handler) lets it go, so a write never meets a closed
  /// reader (SIGPIPE) or a descriptor number reused by something else.
  final class WakeSignal: Sendable {
    let descriptor: Int32
    private let writer: Int32

    init?() {
      var ends: [Int32] = [0, 0]
      guard pipe(&ends) == 0 else { return nil }
      (descriptor, writer) = (ends[0], ends[1])
      for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      }
    }

    func signal() {
      var one: UInt8 = 1
      _ = write(writer, &one, 1)
    }

    deinit {
      close(descriptor)
      close(writer)
    }
  }

  /// The reading thread's loop: read events, collect the changed paths, deliver settled batches.
  struct InotifyReader: Sendable {
    var table: InotifyFolderTable
    let wake: WakeSignal
    let settle: Duration
    let continuation: AsyncStream<WatchBatch>.Continuation
    private var pending: Set<String> = []
    private var firstChange = ContinuousClock.now
    private var lastChange = ContinuousClock.now

    init(
      table: InotifyFolderTable, wake: WakeSignal, settle: Duration, continuation: AsyncStream<WatchBatch>.Continuation
    ) {
      self.table = table
      self.wake = wake
      self.settle = settle
      self.continuation = continuation
    }

    mutating func run() {
      defer {
        continuation.finish()
        close(table.descriptor)
      }
      var buffer = [UInt8](repeating: 0, count: 64 * 1024)
      while true {
        var descriptors = [
          pollfd(fd: table.descriptor, events: Int16(POLLIN), revents: 0),
          pollfd(fd: wake.descriptor, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&descriptors, 2, timeout())
        if ready < 0, errno != EINTR { return }
        if descriptors[1].revents != 0 { return }
        if descriptors[0].revents & Int16(POLLIN) != 0 {
          while true {
            let count = read(table.descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            collect(buffer[0..<count])
          }
        } else if descriptors[0].revents != 0 {
          return
        }
        deliverIfSettled()
      }
    }

    /// Milliseconds `poll` may wait: forever with nothing pending, else until the batch settles.
    private func timeout() -> Int32 {
      guard !pending.isEmpty else { return -1 }
      let due = min(lastChange + settle, firstChange + InotifyWatcher.longestWait)
      return max(0, Int32((due - ContinuousClock.now).milliseconds.rounded(.up)))
    }

    private mutating func collect(_ events: ArraySlice<UInt8>) {
      let wasEmpty = pending.isEmpty
      var changed = false
      for event in InotifyEvent.parse(events) {
        if let path = table.apply(event), table.scope.matters(path) {
          pending.insert(path)
          changed = true
        }
      }
      guard changed else { return }
      let now = ContinuousClock.now
      if wasEmpty { firstChange = now }
      lastChange = now
    }

    private mutating func deliverIfSettled() {
      guard !pending.isEmpty else { return }
      let now = ContinuousClock.now
      guard now >= lastChange + settle || now >= firstChange + InotifyWatcher.longestWait else { return }
      continuation.yield(WatchBatch(paths: pending.sorted(), firstChange: firstChange))
      pending = []
    }
  }
#endif
