import CEL
import Foundation
import StructuredData

/// The cel-spec simple conformance tests as converted to JSON, vendored in `Tests/Conformance/cel/`.
struct ConformanceSuite {
  /// One runnable test: its id (`file/section/name`), source, container, bindings and expectation.
  struct Case {
    let id: String
    let file: String
    let expression: String
    let container: String
    let bindings: [String: JSONValue]
    let expect: [String: JSONValue]
    let needs: [String]
    let isCheckOnly: Bool
  }

  /// Features this implementation supports beyond the core language.
  static let supportedFeatures: Set<String> = [
    "ext_strings", "escaped_ident", "optional", "ext_math", "ext_encoders", "ext_bindings",
    "ext_two_var_comprehensions", "ext_block",
  ]

  let cases: [Case]

  init(directory: URL) throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".json") && $0 != "index.json" }.sorted()
    var cases: [Case] = []
    for fileName in files {
      let text = try String(contentsOf: directory.appendingPathComponent(fileName), encoding: .utf8)
      let root = try JSONReader().parse(text)
      let file = String(fileName.dropLast(5))
      for section in root["sections"]?.arrayValue ?? [] {
        let sectionName = section["name"]?.stringValue ?? "?"
        for test in section["tests"]?.arrayValue ?? [] {
          cases.append(
            Case(
              id: "\(file)/\(sectionName)/\(test["name"]?.stringValue ?? "?")", file: file,
              expression: test["expr"]?.stringValue ?? "", container: test["container"]?.stringValue ?? "",
              bindings: test["bindings"]?.objectValue ?? [:], expect: test["expect"]?.objectValue ?? [:],
              needs: test["needs"]?.arrayValue?.compactMap(\.stringValue) ?? [],
              isCheckOnly: test["check_only"]?.boolValue ?? false))
        }
      }
    }
    self.cases = cases
  }

  /// Runs one case: nil when it passes, else why it failed.
  static func run(_ test: Case) -> String? {
    let program: CELProgram
    do {
      program = try CELProgram(source: test.expression, options: CELOptions(container: test.container))
    } catch {
      return "compile error: \(error)"
    }
    var bindings: [String: CELValue] = [:]
    for (name, encoded) in test.bindings {
      guard let value = decode(encoded) else { return "cannot decode binding \(name)" }
      bindings[name] = value
    }
    let actual = program.evaluate(bindings)
    if test.expect["error"]?.boolValue == true {
      if case .error = actual { return nil }
      return "expected an error, got \(actual)"
    }
    guard let encoded = test.expect["value"], let expected = decode(encoded) else {
      return "unsupported expectation \(test.expect)"
    }
    return matches(actual, expected) ? nil : "expected \(expected), got \(actual)"
  }

  /// Strict comparison as simple.proto sets out: kinds must agree, maps ignore order, NaN matches NaN,
  /// and the sign of zero counts.
  static func matches(_ actual: CELValue, _ expected: CELValue) -> Bool {
    switch (actual, expected) {
    case (.double(let left), .double(let right)):
      if left.isNaN && right.isNaN { return true }
      return left == right && left.sign == right.sign
    case (.list(let left), .list(let right)):
      return left.count == right.count && zip(left, right).allSatisfy(matches)
    case (.map(let left), .map(let right)):
      guard left.count == right.count else { return false }
      return left.entries.allSatisfy { entry in
        guard let other = right[entry.key], right.keys.contains(where: { Self.sameKind($0, entry.key) }) else {
          return false
        }
        return matches(entry.value, other)
      }
    default:
      return actual == expected
    }
  }

  private static func sameKind(_ left: CELMapKey, _ right: CELMapKey) -> Bool {
    switch (left, right) {
    case (.int(let a), .int(let b)): return a == b
    case (.uint(let a), .uint(let b)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    default: return false
    }
  }

  /// Decodes the README's lossless value encoding (`{"int64": "1"}`, `{"map": [...]}`…).
  static func decode(_ encoded: JSONValue) -> CELValue? {
    guard case .object(let members) = encoded, members.count == 1, let (kind, payload) = members.first else {
      return nil
    }
    switch (kind, payload) {
    case ("int64", .string(let text)): return Int64(text).map(CELValue.int)
    case ("uint64", .string(let text)): return UInt64(text).map(CELValue.uint)
    case ("double", .double(let number)): return .double(number)
    case ("double", .int(let number)): return .double(Double(number))
    case ("double", .string(let text)):
      switch text {
      case "NaN": return .double(.nan)
      case "Infinity": return .double(.infinity)
      case "-Infinity": return .double(-.infinity)
      case "-0": return .double(-0.0)
      default: return Double(text).map(CELValue.double)
      }
    case ("bool", .bool(let flag)): return .bool(flag)
    case ("string", .string(let text)): return .string(text)
    case ("bytes_b64", .string(let text)): return Data(base64Encoded: text).map { .bytes(Array($0)) }
    case ("null", _): return .null
    case ("type", .string(let name)): return .type(CELType(name: name))
    case ("timestamp", .string(let text)): return CELTimestamp(rfc3339: text).map(CELValue.timestamp)
    case ("duration", .string(let text)): return CELDuration(parsing: text).map(CELValue.duration)
    case ("list", .array(let elements)):
      var values: [CELValue] = []
      for element in elements {
        guard let value = decode(element) else { return nil }
        values.append(value)
      }
      return .list(values)
    case ("map", .array(let entries)):
      var map = CELMap()
      for entry in entries {
        guard let keyValue = entry["key"].flatMap(decode), let key = CELMapKey(keyValue),
          let value = entry["value"].flatMap(decode)
        else { return nil }
        map.insert(value, for: key)
      }
      return .map(map)
    default:
      return nil
    }
  }
}
