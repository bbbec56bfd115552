import Foundation
import Testing
import WaymarkTestSupport

/// The scorecard JSON files validate against the schemas published beside them.
@Suite struct ScorecardSchemaTests {
  static var hasValidator: Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import jsonschema"]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  @Test(.enabled(if: hasValidator, "skipped: Python's jsonschema module is not installed"))
  func outputsMatchTheirSchemas() async throws {
    let waiver = """
      apiVersion: waymark.dev/v1alpha1
      kind: Waiver
      metadata: {name: w}
      spec: {scorecard: ready, check: never, entities: [component:default/good], reason: r, expires: 2026-12-31, approvedBy: nested.approver}

      """
    let output = try TestPaths.temporaryDirectory("schema")
    let result = try await ScorecardFixture.build(
      try ScorecardFixture.site(["policies/w.yaml": waiver]), output: output)
    #expect(result.published)
    let script = """
      import json, sys, jsonschema
      root = sys.argv[1]
      for name in ["scorecards", "readiness", "waivers"]:
          schema = json.load(open(f"{root}/api/schema/{name}.schema.json"))
          jsonschema.Draft202012Validator.check_schema(schema)
          jsonschema.validate(json.load(open(f"{root}/api/{name}.json")), schema, cls=jsonschema.Draft202012Validator)
      print("ok")
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, output.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(text == "ok\n")
  }
}
