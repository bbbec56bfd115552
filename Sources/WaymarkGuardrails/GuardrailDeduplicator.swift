import WaymarkLoading
import WaymarkModel

/// Keeps the same check reported by several inputs once, before mapping: checkov run with
/// `-o json -o sarif` reports every check in both files, and the two copies may not map alike
/// (the JSON names the Kubernetes object, the SARIF only the file).
///
/// A check is (tool, rule, file with any leading `/` dropped, line, result); per check, the
/// input that reported it most often keeps its findings, on a tie the input whose path sorts
/// first (the files come sorted by path).
package enum GuardrailDeduplicator {
  package struct CheckKey: Hashable {
    var tool: String
    var ruleId: String
    var file: Substring?
    var line: Int?
    var result: GuardrailOutcome
  }

  private struct CheckInput: Hashable {
    var check: Int
    var input: Int
  }

  /// Removes, from every file, the findings of checks another file reported more often.
  package static func deduplicate(_ files: inout [ParsedGuardrailFile]) {
    // Only a tool named in more than one file can repeat a check across files.
    var filesPerTool: [String: Int] = [:]
    for file in files {
      for tool in Set(file.tools.map { $0.lowercased() }) { filesPerTool[tool, default: 0] += 1 }
    }
    let shared = Set(filesPerTool.filter { $0.value > 1 }.keys)
    guard !shared.isEmpty else { return }
    var lowercased: [String: String] = [:]
    var checkNumbers: [CheckKey: Int] = [:]
    var reported: [CheckInput: Int] = [:]
    var checkOf: [[Int]] = []
    for (input, file) in files.enumerated() {
      var checks: [Int] = []
      checks.reserveCapacity(file.findings.count)
      for finding in file.findings {
        let tool = lowercased[finding.tool] ?? finding.tool.lowercased()
        lowercased[finding.tool] = tool
        guard shared.contains(tool) else {
          checks.append(-1)
          continue
        }
        let key = CheckKey(
          tool: tool, ruleId: finding.ruleId, file: finding.file.map { $0.drop { $0 == "/" } }, line: finding.line,
          result: finding.result)
        let next = checkNumbers.count
        let check = checkNumbers[key] ?? next
        if check == next { checkNumbers[key] = next }
        checks.append(check)
        reported[CheckInput(check: check, input: input), default: 0] += finding.count
      }
      checkOf.append(checks)
    }
    var bestInput = [Int](repeating: -1, count: checkNumbers.count)
    var bestCount = [Int](repeating: 0, count: checkNumbers.count)
    for (pair, count) in reported {
      let best = bestInput[pair.check]
      if best < 0 || count > bestCount[pair.check] || (count == bestCount[pair.check] && pair.input < best) {
        bestInput[pair.check] = pair.input
        bestCount[pair.check] = count
      }
    }
    for input in files.indices {
      let checks = checkOf[input]
      guard checks.enumerated().contains(where: { $0.element >= 0 && bestInput[$0.element] != input }) else { continue }
      var index = 0
      files[input].findings.removeAll { _ in
        defer { index += 1 }
        return checks[index] >= 0 && bestInput[checks[index]] != input
      }
    }
  }
}
