import StructuredData
import WaymarkModel

extension PreviewStatus {
  /// The status as `/.waymark/status.json` serves it: the generation, the latest build's error
  /// and warning counts, its locations, the latest rebuild's timing (read by `make bench`), how
  /// many builds finished, and the pages the latest edit showed before its build.
  public var json: String {
    var members: [String: JSONValue] = [
      "generation": .string(generation), "built": .bool(built), "errorCount": .int(Int64(errors.count)),
      "warningCount": .int(Int64(warningCount)),
      "errors": .array(errors.map { .string(String(DiagnosticFormat.textLine($0).dropLast())) }),
    ]
    if let failure { members["failure"] = .string(failure) }
    members["builds"] = .int(Int64(builds))
    if let early {
      members["early"] = .object([
        "settleMilliseconds": .double(early.settleMilliseconds.rounded()),
        "milliseconds": .double(early.milliseconds.rounded()),
        "changed": .array(early.changed.map { .string($0) }),
        "files": .array(early.files.keys.sorted().map { .string($0) }),
      ])
    }
    if let timing {
      members["timing"] = .object([
        "settleMilliseconds": .double(timing.settleMilliseconds.rounded()),
        "buildMilliseconds": .double(timing.buildMilliseconds.rounded()),
        "stages": .array(
          timing.stages.map { .object(["name": .string($0.name), "milliseconds": .double($0.milliseconds.rounded())]) }),
        "changed": .array(timing.changed.map { .string($0) }),
      ])
    }
    return JSONWriter(pretty: true).string(for: .object(members)) + "\n"
  }
}
