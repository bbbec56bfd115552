import WaymarkModel

/// Folds one file's decoded chunks, in file order, into the load result as they arrive.
///
/// Merging as soon as the next chunk in order is ready (rather than after the whole file) means a
/// chunk's events are held once, not twice, which keeps peak memory below the export's size.
package struct EventFileMerger {
  package let path: String
  package let strict: Bool
  package let diagnosticsPerFile: Int
  private var reported = 0
  private var unreported = 0
  private var unknown: [String: (count: Int, line: Int)] = [:]
  private var secretsReported = 0
  private var secretsUnreported = 0
  /// The file's newest event timestamp so far.
  package private(set) var newest: Timestamp?

  package init(path: String, strict: Bool, diagnosticsPerFile: Int) {
    self.path = path
    self.strict = strict
    self.diagnosticsPerFile = diagnosticsPerFile
  }

  private var severity: Diagnostic.Severity { strict ? .error : .warning }

  /// Adds the chunk that starts at `firstLine`; duplicates (by identity) are counted, not kept.
  package mutating func add(
    _ chunk: EventChunkDecoder.Result, firstLine: Int, into result: inout EventLoadResult, seen: inout Set<UInt64>,
    strings: inout StringInterner
  ) {
    result.records += chunk.records
    result.ignored += chunk.ignored
    result.malformed += chunk.malformed
    if let newest = chunk.newest, result.newest.map({ newest > $0 }) ?? true { result.newest = newest }
    if let newest = chunk.newest, self.newest.map({ newest > $0 }) ?? true { self.newest = newest }
    for var event in chunk.events {
      if seen.insert(event.identity).inserted {
        event.type = strings.intern(event.type)
        event.subject = strings.intern(ifPresent: event.subject)
        event.repository = strings.intern(ifPresent: event.repository)
        event.purlName = strings.intern(ifPresent: event.purlName)
        event.environment = strings.intern(ifPresent: event.environment)
        result.events.append(event)
      } else {
        result.duplicates += 1
      }
    }
    for ticket in chunk.tickets {
      if seen.insert(ticket.identity).inserted {
        result.tickets.append(ticket)
      } else {
        result.duplicates += 1
      }
    }
    for problem in chunk.problems {
      guard reported < diagnosticsPerFile else {
        unreported += 1
        continue
      }
      reported += 1
      result.diagnostics.append(
        Diagnostic(
          severity, code: problem.code, message: problem.message,
          location: SourceLocation(path: path, line: firstLine + problem.line - 1, column: problem.column)))
    }
    for secret in chunk.secrets {
      guard secretsReported < diagnosticsPerFile else {
        secretsUnreported += 1
        continue
      }
      secretsReported += 1
      let location = SourceLocation(path: path, line: firstLine + secret.line - 1, column: secret.column)
      result.diagnostics.append(SecretScanner.diagnostic(for: secret, at: location, canAllow: false))
    }
    for (type, seenType) in chunk.unknown {
      result.unknownTypes[type, default: 0] += seenType.count
      let previous = unknown[type]
      unknown[type] = ((previous?.count ?? 0) + seenType.count, previous?.line ?? firstLine + seenType.line - 1)
    }
  }

  /// The file's closing diagnostics: how many problems were not listed, and (strict) unknown types.
  package func finish(into result: inout EventLoadResult) {
    if secretsUnreported > 0 {
      result.diagnostics.append(
        .error(
          .secretsDetected, "\(secretsUnreported) more credentials not listed; nothing is published",
          at: SourceLocation(path: path)))
    }
    if unreported > 0 {
      result.diagnostics.append(
        Diagnostic(
          severity, code: .eventsMalformed, message: "\(unreported) more malformed records not listed",
          location: SourceLocation(path: path)))
    }
    guard strict else { return }
    for (type, seen) in unknown {
      result.diagnostics.append(
        .error(
          .eventsUnknownType,
          "unknown event type '\(type)' (\(seen.count) in this file; --strict makes unknown types errors)",
          at: SourceLocation(path: path, line: seen.line, column: 1)))
    }
  }
}
