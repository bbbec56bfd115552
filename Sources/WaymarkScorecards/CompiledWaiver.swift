import CEL
import WaymarkModel

/// A waiver with its entity filter compiled and its status decided.
public struct CompiledWaiver: Sendable {
  /// The waiver as written.
  public let waiver: Waiver
  /// Whether it applies, and if not why.
  public let status: WaiverStatus
  package let filter: CELProgram?
}
