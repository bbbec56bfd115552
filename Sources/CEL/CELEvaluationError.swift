/// Why an evaluation failed: carried inside `CELValue.error`.
public struct CELEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A human-readable reason, such as `no such key: 'name'` or `integer overflow`.
  public let message: String

  /// Creates an error with `message`.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
