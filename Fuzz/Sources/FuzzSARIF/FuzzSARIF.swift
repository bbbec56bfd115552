import FuzzSupport

/// The sarif policy-result reader: one results file in, findings mapped to a catalog and located
/// diagnostics out; every JSON input is also read as a whole tree, which must agree.
let harness = PolicyResultHarness(format: "sarif", path: "results/scan.sarif", comparesWithWholeTree: true)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSARIF(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  harness.run(FuzzInput.bytes(data, size))
}
