import Foundation
import StructuredData
import WaymarkModel

/// Reads delivery rollups (`inputs.rollups`): JSON Lines (`.jsonl`, `.ndjson`, or either gzipped as
/// `.jsonl.gz`, `.ndjson.gz`), each line a v1 row (one subject's day) or a v2 line (one subject's
/// month), into one `DeliveryRollup` per subject and day.
///
/// Files are read whole (a rollup file is small: the job writes one per month), at most 64 MiB
/// before and after decompression. A line that is not JSON, or a `.gz` file that is not gzip data,
/// is `events.malformed`; a line missing a field, with a negative count, a histogram whose buckets
/// do not add up, or another `format` is `events.invalid`, at the offending value's column when
/// known. All are warnings, errors with `strict`, and the line (the file) is left out.
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
      let gzipped = path.hasSuffix(".jsonl.gz") || path.hasSuffix(".ndjson.gz")
      guard gzipped || path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") else {
        result.diagnostics.append(
          .warning(
            .eventsUnsupportedFile, "not read as rollups: only .jsonl and .ndjson files (or .jsonl.gz, .ndjson.gz) are",
            at: SourceLocation(path: path)))
        continue
      }
      switch SourceFile.read(path, under: root) {
      case .failure(let diagnostic):
        result.diagnostics.append(diagnostic)
      case .success(let file):
        read(file, path: path, gzipped: gzipped, into: &result)
        // No `newest` per file: a month's rollup file is not a stale export (`events.stale-export`).
        result.files.append(EventLoadResult.File(path: path, sha256: file.sha256, byteCount: file.bytes.count))
      }
    }
    result.files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }

  /// One file's rows, or why its lines (all of them, for data that is not gzip) are left out.
  private func read(_ file: SourceFile, path: String, gzipped: Bool, into result: inout EventLoadResult) {
    var text = file.bytes
    if gzipped {
      switch GzipDecompressor.decompress(file.bytes, limit: SourceFile.maximumByteCount) {
      case .success(let bytes): text = bytes
      case .failure(let failure):
        text = []
        report(
          Problem(code: .eventsMalformed, message: failure.message, location: SourceLocation(path: path)), in: &result)
      }
    }
    var newest: Int64?
    for (offset, line) in text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
    where line.contains(where: { $0 > 0x20 }) {
      switch Self.rows(Array(line), at: SourceLocation(path: path, line: offset + 1, column: 1)) {
      case .success(let rows):
        for row in rows {
          result.rollups.append(row)
          newest = max(newest ?? row.dayStart, row.dayStart + 86_400_000)
        }
      case .failure(let problem):
        report(problem, in: &result)
      }
    }
    if let newest, newest > (result.newest?.millisecondsSinceEpoch ?? .min) {
      result.newest = Timestamp(millisecondsSinceEpoch: newest)
    }
  }

  private func report(_ problem: Problem, in result: inout EventLoadResult) {
    result.diagnostics.append(
      strict
        ? .error(problem.code, problem.message, at: problem.location)
        : .warning(problem.code, problem.message, at: problem.location))
  }

  /// Why a line was left out.
  struct Problem: Error {
    var code: DiagnosticCode
    var message: String
    var location: SourceLocation
  }

  /// One line as rows: a v1 line is one, a v2 line one per day it lists.
  static func rows(_ bytes: [UInt8], at location: SourceLocation) -> Result<[DeliveryRollup], Problem> {
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
      if value["format"]?.stringValue == DeliveryRollup.monthFormat {
        return .success(try RollupMonthReader(value: value, location: location).rows())
      }
      return .success([try RollupRowReader(value: value, location: location).row()])
    } catch {
      let position = error.path.flatMap { JSONPositionIndex(bytes: bytes, maximumDepth: 4).position(of: $0) }
      return .failure(
        Problem(
          code: .eventsInvalid, message: error.message,
          location: SourceLocation(path: location.path, line: location.line, column: position?.column ?? 1)))
    }
  }
}
