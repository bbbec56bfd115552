import FuzzSupport

/// The conftest policy-result reader: one results file in, findings mapped to a catalog and located
/// diagnostics out.
let harness = PolicyResultHarness(format: "conftest", path: "results/conftest.json")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConftest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  harness.run(FuzzInput.bytes(data, size))
}
