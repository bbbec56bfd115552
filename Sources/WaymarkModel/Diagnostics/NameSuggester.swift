/// Finds the closest known name to a misspelt one, for "did you mean" hints.
public enum NameSuggester {
  /// The candidate within a small edit distance of `name` (case-insensitive), nearest first.
  public static func closest(to name: String, among candidates: [String]) -> String? {
    let lowered = name.lowercased()
    let target = Array(lowered)
    let limit = max(1, min(3, target.count / 3))
    var filter = ASCIIHistogramFilter(lowered, limit: limit)
    var best: (String, Int)?
    for candidate in candidates {
      // A cheap lower bound first: large catalogs compare one dangling reference with thousands of names.
      if filter?.rulesOut(candidate) == true { continue }
      let distance = editDistance(target, Array(candidate.lowercased()), limit: limit)
      guard distance <= limit else { continue }
      if let current = best, (distance, candidate) >= (current.1, current.0) { continue }
      best = (candidate, distance)
    }
    return best?.0
  }

  /// Rules out ASCII candidates whose letters differ too much for `limit` edits: one edit changes
  /// the byte histogram's L1 distance by at most 2, so a distance above `2 × limit` (or a length
  /// difference above `limit`) proves the edit distance exceeds it. Nil for non-ASCII targets.
  package struct ASCIIHistogramFilter {
    private let target: [UInt8]
    private let limit: Int
    private var counts: [Int]

    package init?(_ lowered: String, limit: Int) {
      target = Array(lowered.utf8)
      guard target.allSatisfy({ $0 < 0x80 }) else { return nil }
      self.limit = limit
      counts = Array(repeating: 0, count: 128)
      for byte in target { counts[Int(byte)] += 1 }
    }

    package mutating func rulesOut(_ candidate: String) -> Bool {
      let utf8 = candidate.utf8
      guard abs(utf8.count - target.count) <= limit else { return true }
      guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
      for byte in utf8 { counts[Int(Self.lowercase(byte))] -= 1 }
      var distance = 0
      // Each touched bucket is counted once and left at zero, then the target's counts are restored.
      for byte in target {
        distance += abs(counts[Int(byte)])
        counts[Int(byte)] = 0
      }
      for byte in utf8 {
        let index = Int(Self.lowercase(byte))
        distance += abs(counts[index])
        counts[index] = 0
      }
      for byte in target { counts[Int(byte)] += 1 }
      return distance > 2 * limit
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
      byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
  }

  /// Edit distance counting a swap of neighbours as one edit (optimal string alignment), giving
  /// up (returning `limit + 1`) once it must exceed `limit`; typos are mostly swaps.
  package static func editDistance(_ lhs: [Character], _ rhs: [Character], limit: Int) -> Int {
    if abs(lhs.count - rhs.count) > limit { return limit + 1 }
    var beforePrevious: [Int] = []
    var previous = Array(0...rhs.count)
    for i in lhs.indices {
      var current = [i + 1] + Array(repeating: 0, count: rhs.count)
      var rowMinimum = current[0]
      for j in rhs.indices {
        var cost = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (lhs[i] == rhs[j] ? 0 : 1))
        if i > 0, j > 0, lhs[i] == rhs[j - 1], lhs[i - 1] == rhs[j] {
          cost = min(cost, beforePrevious[j - 1] + 1)
        }
        current[j + 1] = cost
        rowMinimum = min(rowMinimum, cost)
      }
      if rowMinimum > limit { return limit + 1 }
      beforePrevious = previous
      previous = current
    }
    return previous[rhs.count]
  }
}
