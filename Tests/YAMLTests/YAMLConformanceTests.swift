import Foundation
import StructuredData
import Testing
import WaymarkTestSupport

@testable import YAML

/// Runs every case of yaml-test-suite (vendored in `Tests/Conformance/yaml-test-suite`).
///
/// `error` cases must be rejected; `in.json` cases must load, without errors, to equal data.
/// Cases with neither are not counted. Failures must match the checked-in allowlist exactly,
/// so a fix (a listed case that starts passing) and a regression both fail the test.
@Suite struct YAMLConformanceTests {
  struct Outcome {
    var id: String
    var passed: Bool
    var detail: String
  }

  @Test func yamlTestSuite() throws {
    let suite = try TestPaths.conformanceSuite("yaml-test-suite")
    let outcomes = try Self.caseDirectories(in: suite).compactMap { try Self.run(caseAt: $0.url, id: $0.id) }
    let passed = outcomes.filter(\.passed).count
    print("conformance yaml-test-suite: \(passed)/\(outcomes.count) passed")

    let allowlist = try Self.allowlist()
    let failures = Set(outcomes.filter { !$0.passed }.map(\.id))
    for outcome in outcomes where !outcome.passed && allowlist[outcome.id] == nil {
      Issue.record("\(outcome.id) fails and is not in the allowlist: \(outcome.detail)")
    }
    for id in allowlist.keys.sorted() where !failures.contains(id) {
      Issue.record("\(id) is in the allowlist (\(allowlist[id] ?? "")) but passes or is not applicable; remove it")
    }
    #expect(outcomes.count > 300)
  }

  /// Every folder holding an `in.yaml`, with its id (`2G84/01` for numbered sub-cases), sorted.
  static func caseDirectories(in suite: URL) throws -> [(id: String, url: URL)] {
    var cases: [(id: String, url: URL)] = []
    let manager = FileManager.default
    for name in try manager.contentsOfDirectory(atPath: suite.path).sorted() {
      let folder = suite.appendingPathComponent(name)
      if manager.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) {
        cases.append((name, folder))
        continue
      }
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
      for sub in try manager.contentsOfDirectory(atPath: folder.path).sorted() {
        let subFolder = folder.appendingPathComponent(sub)
        if manager.fileExists(atPath: subFolder.appendingPathComponent("in.yaml").path) {
          cases.append(("\(name)/\(sub)", subFolder))
        }
      }
    }
    return cases
  }

  /// The outcome of one case, or nil when it has neither `error` nor `in.json`.
  static func run(caseAt folder: URL, id: String) throws -> Outcome? {
    let manager = FileManager.default
    let isError = manager.fileExists(atPath: folder.appendingPathComponent("error").path)
    let jsonURL = folder.appendingPathComponent("in.json")
    let hasJSON = manager.fileExists(atPath: jsonURL.path)
    guard isError || hasJSON else { return nil }
    let input = try [UInt8](Data(contentsOf: folder.appendingPathComponent("in.yaml")))
    let stream = YAMLLoader().load(bytes: input)
    var problems = stream.problems
    var values = [JSONValue](repeating: .null, count: stream.documentCount)
    for document in stream.documents {
      let conversion = document.converted()
      problems += conversion.problems
      values[document.index] = conversion.value
    }
    let errors = problems.filter { $0.severity == .error }
    if isError {
      return Outcome(id: id, passed: !errors.isEmpty, detail: "an invalid document was accepted")
    }
    if let first = errors.first {
      return Outcome(id: id, passed: false, detail: "rejected: \(first)")
    }
    let expected = try ConcatenatedJSON.values(in: [UInt8](Data(contentsOf: jsonURL)))
    let equal = expected.count == values.count && zip(expected, values).allSatisfy { DataEquality.equal($0, $1) }
    return Outcome(id: id, passed: equal, detail: "loaded \(values), expected \(expected)")
  }

  /// The checked-in allowlist: case id → why it fails.
  static func allowlist() throws -> [String: String] {
    let url = TestPaths.repositoryRoot.appendingPathComponent("Tests/YAMLTests/Fixtures/yaml-test-suite-allowlist.json")
    let value = try JSONReader().parse([UInt8](Data(contentsOf: url)))
    var reasons: [String: String] = [:]
    for (id, reason) in value["failures"]?.objectValue ?? [:] {
      reasons[id] = reason.stringValue ?? ""
    }
    return reasons
  }
}
