import CEL
import Foundation
import StructuredData
import Testing
import WaymarkTestSupport

/// Runs cel-spec's conformance suite and compares the failures with the checked-in allowlist.
///
/// Core tests (no `needs`) and strings-extension tests (needing `ext_strings`, no protobuf) are
/// counted separately; the test fails on a failure not allowlisted and on an allowlisted case
/// that now passes, so the allowlist shrinks as the implementation improves.
@Suite struct CELConformanceTests {
  @Test func conformanceSuitePassesExceptAllowlisted() throws {
    let suite = try ConformanceSuite(directory: TestPaths.conformanceSuite("cel"))
    let allowlist = try Self.loadAllowlist()
    var totals: [String: (passed: Int, total: Int)] = [:]
    var perFile: [String: (passed: Int, total: Int)] = [:]
    var unexpectedFailures: [String] = []
    var unexpectedPasses: [String] = []
    for test in suite.cases {
      guard let group = Self.group(of: test) else { continue }
      let failure = ConformanceSuite.run(test)
      let passed = failure == nil
      totals[group, default: (0, 0)].total += 1
      totals[group, default: (0, 0)].passed += passed ? 1 : 0
      perFile["\(group) \(test.file)", default: (0, 0)].total += 1
      perFile["\(group) \(test.file)", default: (0, 0)].passed += passed ? 1 : 0
      switch Self.verdict(failure: failure, allowlisted: allowlist[test.id] != nil) {
      case .unexpectedFailure: unexpectedFailures.append("\(test.id): \(failure ?? "")\n    \(test.expression)")
      case .unexpectedPass: unexpectedPasses.append(test.id)
      case .asExpected: break
      }
    }
    for group in ["cel-core", "cel-strings", "cel-extensions"] {
      let counts = totals[group] ?? (0, 0)
      print("conformance \(group): \(counts.passed)/\(counts.total) passed")
    }
    for key in perFile.keys.sorted() {
      let counts = perFile[key] ?? (0, 0)
      print("  \(key): \(counts.passed)/\(counts.total)")
    }
    #expect(unexpectedFailures.isEmpty, "failures not in the allowlist:\n\(unexpectedFailures.joined(separator: "\n"))")
    #expect(
      unexpectedPasses.isEmpty,
      "allowlisted cases that now pass (remove them):\n\(unexpectedPasses.joined(separator: "\n"))")
    let core = totals["cel-core"] ?? (0, 0)
    let strings = totals["cel-strings"] ?? (0, 0)
    #expect(core.total == 1088)
    #expect(core.passed * 100 >= core.total * 99)
    #expect(strings.passed * 100 >= strings.total * 95)
  }

  enum Verdict: Equatable {
    case asExpected, unexpectedFailure, unexpectedPass
  }

  /// A failure must be allowlisted, and an allowlisted case must still fail.
  static func verdict(failure: String?, allowlisted: Bool) -> Verdict {
    switch (failure, allowlisted) {
    case (.some, false): return .unexpectedFailure
    case (nil, true): return .unexpectedPass
    default: return .asExpected
    }
  }

  @Test func allowlistCatchesRegressionsAndFixedCases() {
    #expect(Self.verdict(failure: nil, allowlisted: false) == .asExpected)
    #expect(Self.verdict(failure: "expected 1, got 2", allowlisted: true) == .asExpected)
    #expect(Self.verdict(failure: "expected 1, got 2", allowlisted: false) == .unexpectedFailure)
    #expect(Self.verdict(failure: nil, allowlisted: true) == .unexpectedPass)
  }

  @Test func conformanceCasesFailWhenResultsDiffer() throws {
    let test = ConformanceSuite.Case(
      id: "own/check/wrong", file: "own", expression: "1 + 1", container: "", bindings: [:],
      expect: ["value": ["int64": "3"]], needs: [], isCheckOnly: false)
    #expect(ConformanceSuite.run(test) == "expected 3, got 2")
    let kinds = ConformanceSuite.Case(
      id: "own/check/kinds", file: "own", expression: "1u", container: "", bindings: [:],
      expect: ["value": ["int64": "1"]], needs: [], isCheckOnly: false)
    #expect(ConformanceSuite.run(kinds) == "expected 1, got 1u")
  }

  /// Which reported group a case belongs to, or nil when it needs what is out of scope.
  static func group(of test: ConformanceSuite.Case) -> String? {
    if test.isCheckOnly { return nil }
    if test.needs.isEmpty { return "cel-core" }
    guard Set(test.needs).isSubset(of: ConformanceSuite.supportedFeatures) else { return nil }
    return test.needs.contains("ext_strings") ? "cel-strings" : "cel-extensions"
  }

  /// `Fixtures/conformance-allowlist.json`: test id → why it is expected to fail.
  static func loadAllowlist() throws -> [String: String] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/conformance-allowlist.json")
    let root = try JSONReader().parse(try String(contentsOf: url, encoding: .utf8))
    var allowlist: [String: String] = [:]
    for (id, reason) in root["failures"]?.objectValue ?? [:] {
      allowlist[id] = reason.stringValue ?? ""
    }
    return allowlist
  }
}
