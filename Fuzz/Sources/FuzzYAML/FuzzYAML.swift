import FuzzSupport
import WaymarkModel
import YAML

/// The YAML loader: bytes in, documents converted to JSON values and located problems out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzInput.bytes(data, size)
  let stream = YAMLLoader().load(bytes: bytes)
  var problems = stream.problems
  for document in stream.documents {
    problems += document.converted().problems
  }
  DiagnosticInvariants.check(problems.map { Diagnostic(yaml: $0, path: "in.yaml") }, path: "in.yaml", bytes: bytes)
  return FuzzInput.keep
}
