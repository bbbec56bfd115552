/// Runs a `CELRegexProgram` over a text in one pass, keeping the set of live states at each
/// scalar (a Thompson NFA simulation, as in RE2 and Go's `regexp`).
///
/// Each state is entered at most once per position, so a run costs at most a small multiple of
/// text length × program size steps whatever the pattern: `(x+x+)+y` cannot backtrack. No
/// submatches are tracked (`matches` only needs a yes or no), so a run stops at the first match.
struct CELRegexMachine {
  /// How a run ended.
  struct Outcome: Sendable, Equatable {
    /// Whether the text matched; nil when the run stopped at its step limit.
    var matched: Bool?
    /// States entered plus scalars tested: the run's cost.
    var steps: Int
  }

  let program: CELRegexProgram

  /// Searches `text` (or, with `wholeText`, matches all of it), stopping once more than
  /// `stepLimit` steps have been spent.
  func run(_ text: String, wholeText: Bool, stepLimit: Int) -> Outcome {
    let anchored = wholeText || program.isAnchoredAtStart
    var run = Run(program: program, requiresEnd: wholeText)
    var scalars = text.unicodeScalars.makeIterator()
    var previous: Unicode.Scalar?
    var next = scalars.next()
    var atStart = true
    while true {
      if !anchored || atStart, run.start(previous: previous, next: next) {
        return Outcome(matched: true, steps: run.steps)
      }
      guard let scalar = next, run.current.count > 0 || !anchored else { break }
      let following = scalars.next()
      if run.step(over: scalar, next: following) { return Outcome(matched: true, steps: run.steps) }
      if run.steps > stepLimit { return Outcome(matched: nil, steps: run.steps) }
      previous = scalar
      next = following
      atStart = false
    }
    return Outcome(matched: false, steps: run.steps)
  }

  /// The state sets of one run.
  private struct Run {
    let instructions: [CELRegexInstruction]
    let classes: [CELRegexCharacterClass]
    let requiresEnd: Bool
    var current: StateSet
    var following: StateSet
    var pending: [Int] = []
    var steps = 0

    init(program: CELRegexProgram, requiresEnd: Bool) {
      instructions = program.instructions
      classes = program.classes
      self.requiresEnd = requiresEnd
      current = StateSet(capacity: instructions.count)
      following = StateSet(capacity: instructions.count)
    }

    /// Adds the first state (a match may start here); true once that reaches a match.
    mutating func start(previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Bool {
      Self.enter(
        0, into: &current, pending: &pending, steps: &steps, instructions: instructions, requiresEnd: requiresEnd,
        previous: previous, next: next)
    }

    /// Adds `start` and every state reachable from it without consuming a scalar, between
    /// `previous` and `next`; true once that reaches a match.
    private static func enter(
      _ start: Int, into set: inout StateSet, pending: inout [Int], steps: inout Int,
      instructions: [CELRegexInstruction], requiresEnd: Bool, previous: Unicode.Scalar?, next: Unicode.Scalar?
    ) -> Bool {
      pending.removeAll(keepingCapacity: true)
      pending.append(start)
      while let state = pending.popLast() {
        guard set.insert(state) else { continue }
        steps += 1
        switch instructions[state] {
        case .match:
          if !requiresEnd || next == nil { return true }
        case .jump(let target):
          pending.append(target)
        case .split(let first, let second):
          pending.append(second)
          pending.append(first)
        case .assertion(let assertion):
          if assertion.holds(previous: previous, next: next) { pending.append(state + 1) }
        default:
          break
        }
      }
      return false
    }

    /// Moves every live state that accepts `scalar` past it; true once a match is reached.
    mutating func step(over scalar: Unicode.Scalar, next: Unicode.Scalar?) -> Bool {
      following.removeAll()
      var folded: Unicode.Scalar?
      for position in 0..<current.count {
        let state = current.state(at: position)
        let accepts: Bool
        switch instructions[state] {
        case .scalar(let expected): accepts = scalar == expected
        case .foldedScalar(let expected):
          if folded == nil { folded = CELRegexCaseFolding.fold(scalar) }
          accepts = folded == expected
        case .set(let index): accepts = classes[index].contains(scalar)
        case .any: accepts = true
        case .anyButNewline: accepts = scalar != "\n"
        default: continue
        }
        steps += 1
        if accepts,
          Self.enter(
            state + 1, into: &following, pending: &pending, steps: &steps, instructions: instructions,
            requiresEnd: requiresEnd, previous: scalar, next: next)
        {
          return true
        }
      }
      swap(&current, &following)
      return false
    }
  }

  /// A set of states with constant-time insert, membership and clearing (a sparse set).
  private struct StateSet {
    private var dense: [Int32]
    private var sparse: [Int32]
    private(set) var count = 0

    init(capacity: Int) {
      dense = Array(repeating: 0, count: capacity)
      sparse = Array(repeating: 0, count: capacity)
    }

    func state(at position: Int) -> Int { Int(dense[position]) }

    /// Inserts `state`; false when it was already there.
    mutating func insert(_ state: Int) -> Bool {
      let slot = Int(sparse[state])
      if slot < count, dense[slot] == Int32(state) { return false }
      sparse[state] = Int32(count)
      dense[count] = Int32(state)
      count += 1
      return true
    }

    mutating func removeAll() {
      count = 0
    }
  }
}
