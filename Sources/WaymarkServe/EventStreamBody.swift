import FlyingSocks

/// A response body that is a stream of server-sent events: each element of `stream` is written as
/// soon as it comes (one chunk of a chunked response), and the body ends when the stream does.
struct EventStreamBody: AsyncBufferedSequence {
  typealias Element = UInt8

  let stream: AsyncStream<[UInt8]>
  /// Ends the stream when the last copy of the body is dropped (the connection closed).
  let lease: Lease

  /// Runs `end` when released: a dropped body must stop its listener, and only a class sees that.
  final class Lease: Sendable {
    private let end: @Sendable () -> Void

    init(_ end: @escaping @Sendable () -> Void) {
      self.end = end
    }

    deinit { end() }
  }

  func makeAsyncIterator() -> Iterator {
    Iterator(base: stream.makeAsyncIterator(), lease: lease)
  }

  struct Iterator: AsyncBufferedIteratorProtocol {
    var base: AsyncStream<[UInt8]>.Iterator
    let lease: Lease
    var pending: ArraySlice<UInt8> = []

    mutating func next() async -> UInt8? {
      guard await fill() else { return nil }
      return pending.popFirst()
    }

    mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
      guard await fill() else { return nil }
      let buffer = pending.prefix(Swift.max(count, 1))
      pending = pending.dropFirst(buffer.count)
      return buffer
    }

    /// Waits for the next non-empty event when none is pending; false when the stream ended.
    private mutating func fill() async -> Bool {
      while pending.isEmpty {
        guard let next = await base.next() else { return false }
        pending = next[...]
      }
      return true
    }
  }
}
