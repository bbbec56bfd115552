import WaymarkKit

/// The one place `serve` and `build --watch` call the builder, so whatever makes `SiteBuilder`
/// faster (incremental builds) makes every rebuild faster.
public struct SiteRebuilder: Sendable {
  /// What every build is asked to do.
  public var options: BuildOptions

  /// Creates a rebuilder.
  public init(options: BuildOptions) {
    self.options = options
  }

  /// Builds once, after `batch` (nil for the first build), passing progress to `progress` and
  /// timing each stage.
  public func build(
    after batch: WatchBatch?, progress: @escaping @Sendable (BuildProgress) -> Void
  ) async -> RebuildOutcome {
    let (laps, sink) = AsyncStream.makeStream(of: BuildProgress.self)
    var options = self.options
    options.progress = { event in
      progress(event)
      sink.yield(event)
    }
    let started = ContinuousClock.now
    let settle = batch.map { started - $0.firstChange } ?? .zero
    // A build runs to its end even when the loop is cancelled (Ctrl-C), so it never stops half-published.
    let result = await Task { () -> Result<BuildResult, BuildFailure> in
      do throws(BuildFailure) {
        return .success(try await SiteBuilder().build(options))
      } catch {
        return .failure(error)
      }
    }.value
    let elapsed = ContinuousClock.now - started
    sink.finish()
    var stages: [RebuildTiming.Stage] = []
    for await lap in laps { stages.append(RebuildTiming.Stage(name: lap.stage, milliseconds: lap.milliseconds)) }
    let timing = RebuildTiming(
      settleMilliseconds: settle.milliseconds, buildMilliseconds: elapsed.milliseconds, stages: stages,
      changed: batch?.paths ?? [])
    switch result {
    case .success(let built): return RebuildOutcome(result: built, failure: nil, timing: timing)
    case .failure(let failure): return RebuildOutcome(result: nil, failure: failure, timing: timing)
    }
  }
}
