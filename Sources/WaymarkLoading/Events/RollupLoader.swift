import Foundation
import StructuredData
import WaymarkModel

/// Reads delivery rollups (`inputs.rollups`): JSON Lines, one `DeliveryRollup` a line.
///
/// Files are read whole (a rollup file is small: the job writes one per month). A line that is
/// not JSON is `events.malformed`; one missing a field, with a negative count, a histogram whose
/// buckets do not add up to its count, or another `format` is `events.invalid`. Both are
/// warnings, errors with `strict`, and the line is left out.
public struct RollupLoader: Sendable {
  /// The site root.
  public let root: URL
  /// Whether bad lines are errors.
  public var strict: Bool

  /// Creates a loader.
  public init(root: URL, strict: Bool = false) {
    self.root = root
    self.strict = strict
  }

  /// Reads `paths` (relative to the root, sorted) into `result`: rows, files, diagnostics, and
  /// the end of the newest day as a candidate for the build's "now".
  public func load(paths: [String], into result: inout EventLoadResult) {
    for path in paths {
      guard path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") else {
        result.diagnostics.append(
          .warning(
            .eventsUnsupportedFile, "not read as rollups: only .jsonl and .ndjson files are",
            at: SourceLocation(path: path)))
        continue
      }
      switch SourceFile.read(path, under: root) {
      case .failure(let diagnostic):
        result.diagnostics.append(diagnostic)
      case .success(let file):
        var newest: Int64?
        for (offset, line) in file.bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
          .enumerated()
        where line.contains(where: { $0 > 0x20 }) {
          let location = SourceLocation(path: path, line: offset + 1, column: 1)
          switch Self.row(Array(line), at: location) {
          case .success(let row):
            result.rollups.append(row)
            newest = max(newest ?? row.dayStart, row.dayStart + 86_400_000)
          case .failure(let problem):
            result.diagnostics.append(
              strict
                ? .error(problem.code, problem.message, at: problem.location)
                : .warning(problem.code, problem.message, at: problem.location))
          }
        }
        // No `newest` per file: a month's rollup file is not a stale export (`events.stale-export`).
        result.files.append(EventLoadResult.File(path: path, sha256: file.sha256, byteCount: file.bytes.count))
        if let newest, newest > (result.newest?.millisecondsSinceEpoch ?? .min) {
          result.newest = Timestamp(millisecondsSinceEpoch: newest)
        }
      }
    }
    result.files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }

  /// Why a line was left out.
  struct Problem: Error {
    var code: DiagnosticCode
    var message: String
    var location: SourceLocation
  }

  /// One line as a row.
  static func row(_ bytes: [UInt8], at location: SourceLocation) -> Result<DeliveryRollup, Problem> {
    let value: JSONValue
    do {
      value = try JSONReader().parse(bytes)
    } catch {
      return .failure(
        Problem(
          code: .eventsMalformed, message: error.message,
          location: SourceLocation(path: location.path, line: location.line, column: error.column)))
    }
    do {
      return .success(try RollupRowReader(value: value, location: location).row())
    } catch {
      return .failure(Problem(code: .eventsInvalid, message: error.message, location: location))
    }
  }
}
