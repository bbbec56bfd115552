import Foundation

/// Inputs that would exhaust time or memory without a limit: aliases of large text, a JSON
/// event array of 20,000 records and one over 64 MiB, a pattern that backtracks.
extension HostileInputGenerator {
  /// `alias-bomb`: few nodes but much text. One 1 MiB scalar aliased 200 times (the issue's
  /// 1 MB file that wrote 207 MB), and a 100 KB sequence aliased 2,000 times (202,000 nodes,
  /// under the node limit, but 200 MB of text).
  func largeTextAliases() throws {
    var text = component("large-scalar") + "  big: &big " + String(repeating: "x", count: 1 << 20) + "\n  copies:\n"
    text += String(repeating: "    - *big\n", count: 200)
    let item = "\"" + String(repeating: "y", count: 1_000) + "\""
    text +=
      "---\n" + component("many-aliases") + "  part: &part ["
      + Array(repeating: item, count: 100).joined(separator: ", ") + "]\n"
    text += "  copies:\n" + String(repeating: "    - *part\n", count: 2_000)
    try write("content/catalog/large-aliases.yaml", text)
  }

  /// `large-event-array`: 20,000 events in one JSON array, the last one invalid (located in one
  /// pass over the file, not one per event), and a 65 MiB array, over the limit for a file read whole.
  func largeEventArray() throws {
    try write("content/catalog/svc.yaml", component("svc"))
    let records = (1...20_000).map { index in
      index == 20_000
        ? "  {\"context\": {\"id\": \"last\"}}"
        : "  {\"context\":{\"version\":\"0.4.1\",\"id\":\"\(index)\",\"source\":\"s\",\"type\":\"dev.cdevents.service.deployed.0.1.1\","
          + "\"timestamp\":\"2026-10-01T00:00:00Z\"},\"subject\":{\"id\":\"svc\",\"content\":{\"environment\":{\"id\":\"prod\"}}}}"
    }
    try write("content/events/deployments.json", "[\n" + records.joined(separator: ",\n") + "\n]\n")
    try writeLarge(
      "content/events/huge-array.json", prefix: "[{\"note\": \"", byte: UInt8(ascii: "a"), megabytes: 65,
      suffix: "\"}]\n")
  }

  /// `secrets`: an allow pattern that backtracks exponentially in a Perl-style engine, facing a
  /// token it does not allow (`ghp_` and 36 `a`s, no `b`).
  func backtrackingAllowPattern() throws {
    let token = "gh" + "p_" + String(repeating: "a", count: 36)
    try write(
      "content/catalog/backtracking.yaml",
      component("backtracking", annotations: ["waymark.dev/allow-secret-pattern": "'ghp_(a|a)*b'"])
        + "  note: \(token)\n")
  }
}
