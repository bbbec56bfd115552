import FuzzSupport

/// The opa policy-result reader: one results file in, findings mapped to a catalog and located
/// diagnostics out.
let harness = PolicyResultHarness(format: "opa", path: "results/opa-eval.json")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOPA(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  harness.run(FuzzInput.bytes(data, size))
}
