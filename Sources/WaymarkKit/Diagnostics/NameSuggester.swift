/// Finds the closest known name to a misspelt one, for "did you mean" hints.
public enum NameSuggester {
  /// The candidate within a small edit distance of `name` (case-insensitive), nearest first.
  public static func closest(to name: String, among candidates: [String]) -> String? {
    let target = Array(name.lowercased())
    let limit = max(1, min(3, target.count / 3))
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(target, Array(candidate.lowercased()), limit: limit)
      guard distance <= limit else { continue }
      if let current = best, (distance, candidate) >= (current.1, current.0) { continue }
      best = (candidate, distance)
    }
    return best?.0
  }

  /// Edit distance counting a swap of neighbours as one edit (optimal string alignment), giving
  /// up (returning `limit + 1`) once it must exceed `limit`; typos are mostly swaps.
  static func editDistance(_ lhs: [Character], _ rhs: [Character], limit: Int) -> Int {
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
