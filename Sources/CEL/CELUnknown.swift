/// The names of attributes whose values were not known at evaluation time.
public struct CELUnknown: Sendable, Equatable {
  /// The unknown variable names, in the order they were met, without repeats.
  public private(set) var names: [String]

  /// Creates an unknown for the given variable names.
  public init(names: [String]) {
    self.names = []
    for name in names where !self.names.contains(name) { self.names.append(name) }
  }

  /// The union of two unknowns, used when several operands are unknown.
  func merged(with other: CELUnknown) -> CELUnknown {
    CELUnknown(names: names + other.names)
  }
}
