import FuzzSupport

/// The policyreport policy-result reader: one results file in, findings mapped to a catalog and located
/// diagnostics out.
let harness = PolicyResultHarness(format: "policyreport", path: "results/policy-report.yaml")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicyReport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  harness.run(FuzzInput.bytes(data, size))
}
