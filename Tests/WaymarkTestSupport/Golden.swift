import Foundation
import Testing

/// Compares `actual` with the golden file `Snapshots/<name>` beside the calling test file.
///
/// Records the file when `RECORD_GOLDEN=1` is set or when it does not exist yet; recording
/// always fails the test, so a missing golden file is never silently green.
public func assertGolden(
  _ actual: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
  let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  assertGolden(actual, file: directory.appendingPathComponent(name), sourceLocation: sourceLocation)
}

/// Compares `actual` with the golden file at `file` (a fixture folder's `expected.txt`), recording
/// it as `assertGolden(_:named:)` does.
public func assertGolden(_ actual: String, file: URL, sourceLocation: SourceLocation = #_sourceLocation) {
  let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
  guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
    try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data(actual.utf8).write(to: file)
    Issue.record("Recorded new golden file \(file.path); run again to compare.", sourceLocation: sourceLocation)
    return
  }
  if expected != actual {
    Issue.record(
      "\(file.lastPathComponent) differs from its golden file \(file.path):\n\(lineDiff(expected: expected, actual: actual))",
      sourceLocation: sourceLocation)
  }
}

/// A compact line diff: `-` expected, `+` actual, for the lines that differ.
public func lineDiff(expected: String, actual: String) -> String {
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var out: [String] = []
  for index in 0..<max(old.count, new.count) {
    let left = index < old.count ? String(old[index]) : nil
    let right = index < new.count ? String(new[index]) : nil
    if left != right {
      if let left { out.append("\(index + 1) - \(left)") }
      if let right { out.append("\(index + 1) + \(right)") }
    }
    if out.count > 40 {
      out.append("…")
      break
    }
  }
  return out.joined(separator: "\n")
}
