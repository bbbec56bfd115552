/// Finds markdown that would make cmark-gfm use far more memory or time than its size suggests,
/// before it is parsed.
///
/// cmark-gfm pads every table row to the delimiter row's column count, one node per cell, so a
/// few kilobytes of `|` make hundreds of thousands of nodes (about 300 bytes each); and each `]`
/// looks back over every unclosed `[` of its paragraph, so `![[]()` repeated takes quadratic time
/// (60 KB: 2.6 s). The check over-approximates both in one pass over the bytes: a table's cells
/// are its delimiter row's columns times its lines up to the next blank line (in block quotes and
/// lists too), and the bracket steps are counted as cmark-gfm takes them (see `brackets`), per
/// blank-line-separated block (code included: an indented fence must not hide what follows it).
/// It says what exceeded and where.
public struct MarkdownComplexityCheck: Sendable {
  /// How much is allowed.
  public struct Limits: Sendable, Hashable {
    /// Cells (columns × rows) in one table.
    public var tableCells: Int
    /// Cells in all tables of one document.
    public var documentTableCells: Int
    /// Steps looking back over open `[` in one document: for each `]`, the `[` open before it.
    public var bracketSteps: Int

    /// Creates limits.
    public init(tableCells: Int, documentTableCells: Int, bracketSteps: Int) {
      self.tableCells = tableCells
      self.documentTableCells = documentTableCells
      self.bracketSteps = bracketSteps
    }

    /// Limits that keep a 1 MB page to well under a second and about 100 MB (measured: 100,000
    /// cells take about 60 MB; a million bracket steps about 0.05 s).
    public static let standard = Limits(tableCells: 50_000, documentTableCells: 100_000, bracketSteps: 1_000_000)
  }

  /// What exceeded a limit: the 1-based line where it starts and a sentence saying what.
  public struct Excess: Sendable, Hashable {
    /// The line where the table or paragraph starts.
    public var line: Int
    /// What exceeded, e.g. `a table of 2000 columns × 2000 rows (4000000 cells; the limit is 100000)`.
    public var description: String

    /// Creates an excess.
    public init(line: Int, description: String) {
      self.line = line
      self.description = description
    }
  }

  /// The limits applied.
  public var limits: Limits

  /// Creates a check.
  public init(limits: Limits = .standard) {
    self.limits = limits
  }

  /// The first part of `markdown` past a limit, or nil when it is all within them.
  public func firstExcess(in markdown: String) -> Excess? {
    var state = ScanState()
    state.definesReferences = zip(markdown.utf8, markdown.utf8.dropFirst()).contains { pair in
      pair == (UInt8(ascii: "]"), UInt8(ascii: ":"))
    }
    var lineNumber = 0
    var line: [UInt8] = []
    var previous: UInt8 = 0
    // Lines end at LF, CR or CRLF, as cmark-gfm ends them.
    for byte in markdown.utf8 {
      defer { previous = byte }
      if byte == 0x0A, previous == 0x0D { continue }
      guard byte == 0x0A || byte == 0x0D else {
        line.append(byte)
        continue
      }
      lineNumber += 1
      if let excess = state.take(line, number: lineNumber, limits: limits) { return excess }
      line.removeAll(keepingCapacity: true)
    }
    if let excess = state.take(line, number: lineNumber + 1, limits: limits) { return excess }
    return state.finish(limits: limits)
  }

  /// What the scan carries from line to line.
  struct ScanState {
    var paragraphStart = 0
    /// The open `[` of the current block, true for `![`; those below `inactiveBelow` can no
    /// longer start a link (a link closed above them).
    var openers: [Bool] = []
    var inactiveBelow = 0
    var images = 0
    var activeLinks = 0
    var steps = 0
    /// Whether `]:` occurs anywhere, so any `[…]` may be a reference link.
    var definesReferences = false
    var table: (line: Int, columns: Int, rows: Int)?
    var documentCells = 0

    mutating func take(_ line: [UInt8], number: Int, limits: Limits) -> Excess? {
      let content = Self.stripContainers(line)
      if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
        if let excess = closeTable(limits: limits) { return excess }
        openers.removeAll()
        (inactiveBelow, images, activeLinks) = (0, 0, 0)
        paragraphStart = 0
        return nil
      }
      if paragraphStart == 0 { paragraphStart = number }
      if table != nil {
        table?.rows += 1
      } else if let columns = Self.delimiterColumns(content) {
        table = (number - 1, columns, 1)
      }
      if let table, table.columns * table.rows > limits.tableCells { return tableExcess(table, limits: limits) }
      return brackets(content, limits: limits)
    }

    mutating func finish(limits: Limits) -> Excess? { closeTable(limits: limits) }

    mutating func closeTable(limits: Limits) -> Excess? {
      guard let open = table else { return nil }
      table = nil
      documentCells += open.columns * open.rows
      guard documentCells > limits.documentTableCells else { return nil }
      return Excess(
        line: max(1, open.line),
        description: "tables of \(documentCells) cells in all (the limit is \(limits.documentTableCells) per page)")
    }

    func tableExcess(_ table: (line: Int, columns: Int, rows: Int), limits: Limits) -> Excess {
      Excess(
        line: max(1, table.line),
        description: "a table of \(table.columns) columns × \(table.rows) rows or more "
          + "(\(table.columns * table.rows) cells; the limit is \(limits.tableCells))")
    }

    /// Counts the steps of the line's brackets as cmark-gfm takes them: a `]` that closes a link
    /// (an active `[` followed by `(` or `[`, or by anything when the document defines references)
    /// walks back over every open `![` and active `[` and deactivates the `[`; any other `]` is
    /// one step. So nested links cost little and `![[]()` repeated costs its square.
    mutating func brackets(_ content: ArraySlice<UInt8>, limits: Limits) -> Excess? {
      var escaped = false
      for index in content.indices {
        let byte = content[index]
        defer { escaped = byte == UInt8(ascii: "\\") && !escaped }
        guard !escaped else { continue }
        if byte == UInt8(ascii: "[") {
          let isImage = index > content.startIndex && content[index - 1] == UInt8(ascii: "!")
          openers.append(isImage)
          if isImage { images += 1 } else { activeLinks += 1 }
        } else if byte == UInt8(ascii: "]"), let isImage = openers.popLast() {
          let wasActive = isImage || openers.count >= inactiveBelow
          inactiveBelow = min(inactiveBelow, openers.count)
          if isImage { images -= 1 } else if wasActive { activeLinks -= 1 }
          let next = index + 1 < content.endIndex ? content[index + 1] : 0
          let closes = next == UInt8(ascii: "(") || next == UInt8(ascii: "[") || definesReferences
          if closes, wasActive, !isImage {
            steps += images + activeLinks + 1
            activeLinks = 0
            inactiveBelow = openers.count
          } else {
            steps += 1
          }
          if steps > limits.bracketSteps {
            return Excess(
              line: paragraphStart,
              description: "links and images nested or left open so deeply that matching their brackets takes "
                + "more than \(limits.bracketSteps) steps")
          }
        }
      }
      return nil
    }

    /// The line without block-quote markers, list markers and indentation in front.
    static func stripContainers(_ line: [UInt8]) -> ArraySlice<UInt8> {
      var content = line[...]
      while let first = content.first {
        if first == 0x20 || first == 0x09 || first == UInt8(ascii: ">") {
          content = content.dropFirst()
        } else if [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(first),
          content.dropFirst().first == 0x20
        {
          content = content.dropFirst(2)
        } else {
          break
        }
      }
      return content
    }

    /// The column count when the line can be a table's delimiter row (only `|`, `-`, `:` and
    /// spaces, at least one `|` and one `-`), else nil.
    static func delimiterColumns(_ content: ArraySlice<UInt8>) -> Int? {
      var pipes = 0
      var dashes = false
      for byte in content {
        switch byte {
        case UInt8(ascii: "|"): pipes += 1
        case UInt8(ascii: "-"): dashes = true
        case UInt8(ascii: ":"), 0x20, 0x09: continue
        default: return nil
        }
      }
      guard pipes > 0, dashes else { return nil }
      // `|a|b|` is two cells: a leading and a trailing pipe open and close the row.
      let trimmed = content.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }
      let edges = (trimmed.last == UInt8(ascii: "|") ? 1 : 0) + (trimmed.first == UInt8(ascii: "|") ? 1 : 0)
      return max(1, pipes + 1 - edges)
    }
  }
}
