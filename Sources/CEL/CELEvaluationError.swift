/// Why an evaluation failed: carried inside `CELValue.error`.
public struct CELEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A human-readable reason, such as `no such key: 'name'` or `integer overflow`.
  public let message: String
  /// Whether the evaluation stopped because its step or iteration budget ran out, not because of the data.
  public let isBudgetExhaustion: Bool

  /// Creates an error with `message`.
  public init(_ message: String, isBudgetExhaustion: Bool = false) {
    self.message = message
    self.isBudgetExhaustion = isBudgetExhaustion
  }

  /// The message.
  public var description: String { message }
}
