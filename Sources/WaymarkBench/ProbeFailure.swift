/// Why a probe could not run: its message, printed to standard error.
struct ProbeFailure: Error, Sendable {
  var message: String

  init(_ message: String) { self.message = message }
}
