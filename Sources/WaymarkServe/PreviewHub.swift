import WaymarkKit
import WaymarkModel

/// The preview's state and its open pages: each finished build gets a new generation, sent to
/// every page listening on `/.waymark/events`, which reloads when it differs from its own.
public actor PreviewHub {
  /// What pages are served with now.
  public private(set) var status: PreviewStatus
  private let session: String
  private var builds = 0
  /// Generations handed out (the first is `session-0`, before any build).
  private var generations = 1
  private var listeners: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
  private var nextListener = 0

  /// Creates a hub; `session` starts every generation, so pages from an earlier server reload too.
  public init(session: String = String(UInt32.random(in: .min ... .max), radix: 16)) {
    self.session = session
    status = PreviewStatus(generation: "\(session)-0")
  }

  /// How many pages are listening.
  public var listenerCount: Int { listeners.count }

  /// Records a finished build (published or not) and tells every listening page, unless pages
  /// showed no errors and it published no page they do not already show (`reloadsOpenPages`).
  public func publish(_ outcome: RebuildOutcome) {
    let diagnostics = outcome.result?.diagnostics ?? DiagnosticList()
    publish(
      errors: diagnostics.items.filter { $0.severity == .error }, warningCount: diagnostics.warningCount,
      failure: outcome.failure?.description, timing: outcome.timing, early: outcome.early,
      reloads: outcome.reloadsOpenPages || status.hasErrors || !status.built)
  }

  /// Records a finished build by its errors (none: it published), warnings, failure to run and
  /// timing; with `reloads`, under a new generation told to every page.
  public func publish(
    errors: [Diagnostic], warningCount: Int, failure: String?, timing: RebuildTiming?, early: EarlyPages? = nil,
    reloads: Bool = true
  ) {
    builds += 1
    var next = PreviewStatus(generation: reloads ? "\(session)-\(generations)" : status.generation)
    if reloads { generations += 1 }
    next.built = true
    next.errors = errors
    next.warningCount = warningCount
    next.failure = failure
    next.timing = timing
    next.builds = builds
    next.early = early
    status = next
    if reloads { broadcast(Self.event(generation: next.generation)) }
  }

  /// Records edited pages put in place before their build, under a new generation told to
  /// every page; the build's figures stay those of the latest build.
  public func publish(early: EarlyPages) {
    status.generation = "\(session)-\(generations)"
    generations += 1
    status.early = early
    broadcast(Self.event(generation: status.generation))
  }

  /// A stream of server-sent events for one page: the current generation at once, then each new
  /// one. The page stops listening when the body is dropped (its connection closed).
  func events() -> EventStreamBody {
    let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(8))
    let id = nextListener
    nextListener += 1
    listeners[id] = continuation
    continuation.onTermination = { [weak self] _ in
      Task { await self?.removeListener(id) }
    }
    continuation.yield(Array("retry: 500\n".utf8) + Self.event(generation: status.generation))
    return EventStreamBody(stream: stream, lease: EventStreamBody.Lease { continuation.finish() })
  }

  /// Sends a comment to every page, so connections whose page is gone are noticed and closed.
  public func heartbeat() {
    broadcast(Array(": ping\n\n".utf8))
  }

  /// Ends every page's stream (the server is stopping).
  public func close() {
    for continuation in listeners.values { continuation.finish() }
    listeners = [:]
  }

  private func removeListener(_ id: Int) {
    listeners[id] = nil
  }

  private func broadcast(_ bytes: [UInt8]) {
    for (id, continuation) in listeners {
      if case .terminated = continuation.yield(bytes) { listeners[id] = nil }
    }
  }

  /// `event: build` with the generation as its data.
  static func event(generation: String) -> [UInt8] {
    Array("event: build\ndata: \(generation)\n\n".utf8)
  }
}
