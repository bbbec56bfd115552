import FuzzSupport

/// The checkov policy-result reader: one results file in, findings mapped to a catalog and located
/// diagnostics out.
let harness = PolicyResultHarness(format: "checkov", path: "results/checkov.json")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheckov(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  harness.run(FuzzInput.bytes(data, size))
}
