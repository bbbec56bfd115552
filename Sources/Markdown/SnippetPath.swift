/// A snippet's path with what it selects: `file.md`, `file.md:3:5` (lines 3 to 5), `file.md:3`
/// (line 3 to the end), `file.md:-2` (the last two), `file.md:1:2,7:9` (several ranges) or
/// `file.md:name` (the section between `--8<-- [start:name]` and `[end:name]`).
///
/// Read as pymdown-extensions 11.0.1 reads it: the file is the shortest prefix after which the
/// rest is a range list or a `:name`, so `a:b/c.md` is a file name.
struct SnippetPath: Equatable {
  /// One `start:end` pair: 0-based start (negative from the end), 1-based inclusive end
  /// (negative from the end); nil is open.
  struct Range: Equatable {
    var start: Int?
    var end: Int?
  }

  var file: Substring
  var ranges: [Range] = []
  var section: Substring?

  /// Paths longer than this are taken as written (no range or section is looked for).
  static let longestParsed = 4096

  init(_ written: Substring) {
    let scalars = Array(written.unicodeScalars)
    file = written
    guard scalars.count <= Self.longestParsed else { return }
    for index in scalars.indices where scalars[index] == ":" {
      let suffix = scalars[index...]
      if let ranges = Self.ranges(suffix) {
        self.ranges = ranges
      } else if Self.isSection(suffix) {
        section = Substring(String(String.UnicodeScalarView(suffix.dropFirst())))
      } else {
        continue
      }
      file = Substring(String(String.UnicodeScalarView(scalars[..<index]))).trimmingWhitespace()
      return
    }
    file = written.trimmingWhitespace()
  }

  /// `:name` filling `suffix` (a letter, then letters, digits, `-`, `_`; any case).
  private static func isSection(_ suffix: ArraySlice<Unicode.Scalar>) -> Bool {
    let name = suffix.dropFirst()
    guard let first = name.first, isLetter(first) else { return false }
    return name.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
  }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  /// The ranges of a line selection filling `suffix`: one or two `:-?digits` groups, then
  /// `,`-separated groups of `-?digits` with an optional `:-?digits`; nil when it is not one.
  static func ranges(_ suffix: ArraySlice<Unicode.Scalar>) -> [Range]? {
    var index = suffix.startIndex
    func number() -> Substring {
      let start = index
      if index < suffix.endIndex, suffix[index] == "-" { index += 1 }
      while index < suffix.endIndex, ("0"..."9").contains(suffix[index]) { index += 1 }
      return Substring(String(String.UnicodeScalarView(suffix[start..<index])))
    }
    var groups: [[Substring]] = [[]]
    var colons = 0
    while index < suffix.endIndex, suffix[index] == ":", colons < 2 {
      index += 1
      colons += 1
      groups[0].append(number())
    }
    guard colons > 0 else { return nil }
    while index < suffix.endIndex, suffix[index] == "," {
      let next = suffix.index(after: index)
      guard next < suffix.endIndex, suffix[next] == "-" || suffix[next] == ":" || ("0"..."9").contains(suffix[next])
      else { return nil }
      index = next
      var group = [number()]
      if index < suffix.endIndex, suffix[index] == ":" {
        index += 1
        group.append(number())
      }
      groups.append(group)
    }
    guard index == suffix.endIndex else { return nil }
    // The first group is the text after the first ':', split at ':' as pymdownx does.
    return groups.map { group in
      let start = group.first.flatMap(Self.integer)
      let end = group.count > 1 ? Self.integer(group[1]) : nil
      return Range(start: start.map { $0 < 0 ? $0 : max(0, $0 - 1) }, end: end)
    }
  }

  /// The integer written, nil when empty or a lone `-`; huge values saturate.
  private static func integer(_ text: Substring) -> Int? {
    guard !text.isEmpty, text != "-" else { return nil }
    if let value = Int(text) { return value }
    return text.hasPrefix("-") ? Int.min / 2 : Int.max / 2
  }

  /// The lines `ranges` select from `lines`, as Python slices them (`total` counts a trailing
  /// empty line when the file ends in a newline).
  static func select<Element>(_ ranges: [Range], from lines: [Element]) -> [Element] {
    let total = lines.count
    var selected: [Element] = []
    for range in ranges {
      var start = range.start ?? 0
      if start < 0 { start = min(max(total + start, 0), total) }
      var end = range.end ?? total
      if end < 0 { end = min(max(total + 1 + end, 0), total) }
      start = min(start, total)
      end = min(end, total)
      if start < end { selected += lines[start..<end] }
    }
    return selected
  }
}
