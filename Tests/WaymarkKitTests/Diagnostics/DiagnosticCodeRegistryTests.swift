import Foundation
import Testing
import WaymarkModel
import WaymarkTestSupport
import YAML

/// The registry of diagnostic codes: complete, unique, every entry used, every example consistent.
@Suite struct DiagnosticCodeRegistryTests {
  static let registryFolder = TestPaths.repositoryRoot.appendingPathComponent("Sources/WaymarkModel/Diagnostics/Codes")

  /// `name` → `code` for every `public static let name = DiagnosticCode("code", …)` in the registry's files.
  static func declaredMembers() throws -> [String: String] {
    let files = try FileManager.default.contentsOfDirectory(atPath: registryFolder.path)
      .filter { $0.hasSuffix(".swift") }
    var members: [String: String] = [:]
    let pattern = /public static let (\w+) = DiagnosticCode\(\s*"([^"]+)"/
    for file in files {
      let text = try String(contentsOf: registryFolder.appendingPathComponent(file), encoding: .utf8)
      for match in text.matches(of: pattern) { members[String(match.output.1)] = String(match.output.2) }
    }
    return members
  }

  /// The text of every Swift file under Sources/ outside the registry's folder and the folders `skipped`.
  static func sourcesText(skipping skipped: [String] = []) throws -> String {
    let sources = TestPaths.repositoryRoot.appendingPathComponent("Sources")
    guard let walker = FileManager.default.enumerator(atPath: sources.path) else { return "" }
    var text = ""
    let excluded = ["WaymarkModel/Diagnostics/Codes/"] + skipped
    for case let path as String in walker where path.hasSuffix(".swift") && !excluded.contains(where: path.hasPrefix) {
      text += try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8) + "\n"
    }
    return text
  }

  @Test func everyCodeStringIsUnique() {
    let names = DiagnosticCode.all.map(\.rawValue)
    #expect(Set(names).count == names.count)
    #expect(names.allSatisfy { $0.wholeMatch(of: /[a-z]+\.[a-z]+(-[a-z]+)*/) != nil })
  }

  @Test func everyDeclaredMemberIsListedInAll() throws {
    let declared = try Self.declaredMembers()
    #expect(declared.count == DiagnosticCode.all.count)
    #expect(Set(declared.values) == Set(DiagnosticCode.all.map(\.rawValue)))
    for code in DiagnosticCode.all { #expect(DiagnosticCode.named(code.rawValue) == code) }
    #expect(DiagnosticCode.named("catalog.dangling") == nil)
  }

  @Test func everyCodeIsUsedInSources() throws {
    let sources = try Self.sourcesText()
    var unused: [String] = []
    for member in try Self.declaredMembers().keys.sorted() {
      // `.catalogBadRef` is not a use of `.catalogBadRefs`: the name must end there.
      if sources.firstMatch(of: try Regex("\\.\(member)(?![A-Za-z0-9_])")) == nil { unused.append(member) }
    }
    #expect(unused == [])
  }

  /// The YAML engine spells its own codes (`YAMLProblem.Code`'s raw values); nothing else does.
  @Test func noCodeIsWrittenAsAStringLiteral() throws {
    let sources = try Self.sourcesText(skipping: ["YAML/"])
    let literals = DiagnosticCode.all.map(\.rawValue).filter { sources.contains("\"\($0)\"") }
    #expect(literals == [])
  }

  @Test func everyExampleEndsWithItsCodeAndSeverity() {
    for code in DiagnosticCode.all {
      let example = code.example
      #expect(example.output.hasSuffix(" [\(code.rawValue)]"), "\(code)")
      #expect(example.output.contains(": \(code.severity.rawValue): "), "\(code)")
      #expect(example.output.hasPrefix(example.path), "\(code)")
      #expect(!example.output.contains("\n"), "\(code)")
      #expect(example.input.isEmpty || example.input.hasSuffix("\n"), "\(code)")
      #expect(!code.summary.isEmpty && !code.summary.contains("\n"), "\(code)")
    }
  }

  @Test func everyAreaHasCodesInOrder() {
    // Listed area by area, each area once, in the manual's order.
    var runs: [DiagnosticCode.Area] = []
    for code in DiagnosticCode.all where runs.last != code.area { runs.append(code.area) }
    #expect(runs == DiagnosticCode.Area.allCases)
  }

  @Test func yamlCodesMapToTheSameString() {
    for code in YAMLProblem.Code.allCases {
      #expect(DiagnosticCode(yaml: code).rawValue == code.rawValue)
      #expect(DiagnosticCode(yaml: code).area == .yaml)
    }
  }

  @Test func diagnosticsPrintTheCodeString() {
    let diagnostic = Diagnostic.error(.catalogDanglingRef, "x", at: SourceLocation(path: "a.yaml", line: 1, column: 2))
    let text = DiagnosticFormat.text.format(DiagnosticList([diagnostic]))
    #expect(text == "a.yaml:1:2: error: x [catalog.dangling-ref]\n")
    #expect(DiagnosticFormat.json.format(DiagnosticList([diagnostic])).contains("\"code\": \"catalog.dangling-ref\""))
  }
}
