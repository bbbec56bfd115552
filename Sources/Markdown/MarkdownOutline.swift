/// A table of contents built from a document's headings: plain values, nested by level.
public struct MarkdownOutline: Sendable, Hashable {
  /// One entry: a heading and the deeper headings under it.
  public struct Entry: Sendable, Hashable {
    /// The heading.
    public var heading: MarkdownHeading
    /// The headings nested under it, in document order.
    public var children: [Entry]

    /// Creates an entry.
    public init(heading: MarkdownHeading, children: [Entry] = []) {
      self.heading = heading
      self.children = children
    }
  }

  /// The top-level entries, in document order.
  public var entries: [Entry]

  /// Nests the headings whose level is in `levels`; a heading goes under the nearest earlier
  /// heading of a lower level, so skipped levels (an h3 right after the h1) stay at the top.
  public init(headings: [MarkdownHeading], levels: ClosedRange<Int> = 2...3) {
    var roots: [Entry] = []
    for heading in headings where levels.contains(heading.level) {
      Self.insert(heading, into: &roots)
    }
    entries = roots
  }

  private static func insert(_ heading: MarkdownHeading, into entries: inout [Entry]) {
    if let last = entries.indices.last, entries[last].heading.level < heading.level {
      insert(heading, into: &entries[last].children)
    } else {
      entries.append(Entry(heading: heading))
    }
  }
}
