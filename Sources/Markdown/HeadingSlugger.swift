/// Makes GitHub-style heading anchors, unique within one document.
///
/// GitHub lowercases, drops punctuation except `-` and `_`, turns spaces into `-`, and
/// disambiguates repeats with `-1`, `-2`, ….
public struct HeadingSlugger: Sendable {
  private var seen: [String: Int] = [:]

  /// Creates a slugger with no anchors used yet.
  public init() {}

  /// The next unique anchor for a heading's text.
  public mutating func slug(for text: String) -> String {
    var base = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber || character == "-" || character == "_" {
        base.append(character)
      } else if character == " " {
        base.append("-")
      }
    }
    if base.isEmpty { base = "section" }
    var candidate = base
    if let count = seen[base] {
      var next = count
      repeat {
        next += 1
        candidate = "\(base)-\(next)"
      } while seen[candidate] != nil
      seen[base] = next
    } else {
      seen[base] = 0
    }
    seen[candidate] = seen[candidate] ?? 0
    return candidate
  }
}
