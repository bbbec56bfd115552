import WaymarkKit

/// What `serve` holds while it shows edited pages early: the edits saved since the last build
/// started (their batches merged into one, with the pages shown for them), and the folder the
/// last build wrote and what it published, which the pages of the next edits are rendered with.
///
/// Batches arrive while a build runs; the next build takes them all at once when it starts.
actor PendingEdits {
  /// The folder the last build wrote.
  private(set) var written: String?
  /// What the last published build made, for early pages; nil after a build that did not publish.
  private(set) var preview: DocsPagePreview?
  private var batch: WatchBatch?
  /// The pages shown for `batch`.
  private(set) var shown: EarlyPages?
  private var waiter: CheckedContinuation<Void, Never>?
  private var closed = false

  init(written: String?, preview: DocsPagePreview?) {
    self.written = written
    self.preview = preview
  }

  /// Adds `next` and the pages shown for it to the edits waiting for the next build.
  func add(_ next: WatchBatch, shown pages: EarlyPages?) {
    if var waiting = batch {
      waiting.paths = Array(Set(waiting.paths + next.paths)).sorted()
      batch = waiting
    } else {
      batch = next
    }
    if let pages { shown = shown.map { $0.merging(pages) } ?? pages }
    wake()
  }

  /// The edits waiting, and their pages, taken for a build; waits for some; nil once closed.
  func take() async -> (batch: WatchBatch, shown: EarlyPages?)? {
    while batch == nil {
      if closed { return nil }
      await withCheckedContinuation { waiter = $0 }
    }
    guard let taken = batch else { return nil }
    defer {
      batch = nil
      shown = nil
    }
    return (taken, shown)
  }

  /// Records a finished build: where it wrote, and what it made when it published (else nil).
  func built(written: String?, preview: DocsPagePreview?) {
    self.written = written ?? self.written
    self.preview = preview
  }

  /// No more edits will come: `take` returns nil once none is waiting.
  func close() {
    closed = true
    wake()
  }

  private func wake() {
    waiter?.resume()
    waiter = nil
  }
}
