import FuzzSupport
import WaymarkDelivery
import WaymarkLoading
import WaymarkModel

/// The events ingester: one JSON Lines record in, read by the event loader, then mapped to the
/// catalog and evaluated into DORA metrics with the newest event as the build's "now", as a
/// build does. The loader reads in 4 KiB chunks instead of 2 MiB, so longer inputs also cross
/// chunk boundaries (and each input does not allocate 2 MiB).
let site = FuzzSite(["catalog-info.yaml": FuzzSite.catalogYAML, "events.jsonl": ""])
let catalog = site.catalog()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvents(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzInput.bytes(data, size)
  site.write(bytes, to: "events.jsonl")
  let root = site.root
  let loaded = BlockingWait.value {
    let loaded = await EventLoader(root: root, chunkBytes: 4096).load(paths: ["events.jsonl"])
    let now = loaded.newest ?? Timestamp(millisecondsSinceEpoch: 1_790_000_000_000)
    _ = await DORAEvaluator(settings: MetricsSettings(), now: now).evaluate(
      loaded.events, tickets: loaded.tickets, catalog: catalog)
    return loaded
  }
  DiagnosticInvariants.check(loaded.diagnostics, path: "events.jsonl", bytes: bytes)
  return FuzzInput.keep
}
