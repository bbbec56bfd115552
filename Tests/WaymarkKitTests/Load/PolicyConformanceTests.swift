import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Every results file in `Tests/Conformance/policy-results` (checkov, conftest, opa/results,
/// policyreport, sarif) is read; the golden file lists each one's format, tools, counts by result,
/// suppressed count and diagnostics. Text outputs the portal does not ingest (checkov/conftest CLI,
/// TAP, table, GitHub/Azure annotations, JUnit XML, the CRD) must give `policy.unknown-format`.
@Suite struct PolicyConformanceTests {
  static let folders = ["checkov", "conftest", "opa/results", "policyreport", "sarif"]

  static func conformanceFiles() throws -> [(String, SourceFile)] {
    let base = try TestPaths.conformanceSuite("policy-results")
    var files: [(String, SourceFile)] = []
    for folder in folders {
      let root = base.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
      for case let relative as String in walker {
        let path = folder + "/" + relative
        guard case .success(let file) = SourceFile.read(path, under: base) else { continue }
        files.append((path, file))
      }
    }
    return files.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
  }

  static func summary(_ parsed: ParsedGuardrailFile) -> String {
    var counts: [GuardrailOutcome: Int] = [:]
    for finding in parsed.findings { counts[finding.result, default: 0] += finding.count }
    let results = GuardrailOutcome.allCases.map { "\($0.rawValue)=\(counts[$0] ?? 0)" }.joined(separator: " ")
    let suppressed = parsed.findings.filter(\.suppressed).count
    var line =
      "\(parsed.path): \(parsed.format) [\(parsed.tools.joined(separator: ","))] \(results) suppressed=\(suppressed)"
    for diagnostic in parsed.diagnostics.sorted() {
      let place = diagnostic.location.map { "\($0.line):\($0.column)" } ?? "-"
      line += "\n  \(diagnostic.severity.rawValue) \(place) \(diagnostic.code)"
    }
    return line
  }

  @Test func everyConformanceFileGivesItsGoldenCounts() throws {
    let files = try Self.conformanceFiles()
    #expect(files.count == 73)
    let parsed = files.map { GuardrailResultLoader.parse($0.1) }
    assertGolden(parsed.map(Self.summary).joined(separator: "\n") + "\n", named: "policy-conformance.txt")

    // Files in a supported format parse without errors; the README's invalid ones and the
    // unsupported text formats give exactly the expected error.
    let unsupported = [".txt", ".tap", ".xml"]
    for file in parsed {
      let errors = file.diagnostics.filter { $0.severity == .error }.map(\.code)
      if file.path.hasSuffix("spec-example.Minimal.v2.0.0.sarif") {
        #expect(errors == [.policySARIFVersion])
      } else if file.path.hasSuffix("crd.wgpolicyk8s.io_policyreports.yaml")
        || (unsupported.contains { file.path.hasSuffix($0) } && !file.path.hasSuffix("apply-policy-report.stdout.txt"))
      {
        #expect(errors == [.policyUnknownFormat], "\(file.path)")
      } else {
        #expect(errors.isEmpty, "\(file.path): \(errors)")
        #expect(file.format != "unknown", "\(file.path)")
      }
    }
  }

  /// checkov's JSON summary and the number of findings agree, for every framework folder.
  @Test func checkovCountsMatchItsOwnSummary() throws {
    let expected: [String: (Int, Int, Int)] = [
      "terraform": (21, 18, 1), "kubernetes": (158, 20, 0), "dockerfile": (20, 5, 0), "github_actions": (18, 2, 0),
      "all-frameworks": (217, 46, 1),
    ]
    for (folder, (passed, failed, skipped)) in expected {
      let file = try #require(Self.conformanceFiles().first { $0.0 == "checkov/\(folder)/results_json.json" })
      let parsed = GuardrailResultLoader.parse(file.1)
      #expect(parsed.findings.filter { $0.result == .pass }.count == passed, "\(folder)")
      #expect(parsed.findings.filter { $0.result == .fail }.count == failed, "\(folder)")
      #expect(parsed.findings.filter { $0.result == .skip && $0.suppressed }.count == skipped, "\(folder)")
    }
  }
}
