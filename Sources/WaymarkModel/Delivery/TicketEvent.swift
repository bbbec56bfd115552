/// One ticket event (CDEvents `ticket.created`, `ticket.updated`, `ticket.closed`), kept apart
/// from `DeliveryEvent` because tickets feed the self-service signals, not DORA's metrics, and
/// map to teams rather than to components.
public struct TicketEvent: Sendable, Hashable {
  /// What happened to the ticket.
  public enum Action: String, Sendable, Hashable {
    /// The ticket was opened.
    case created
    /// Its fields changed.
    case updated
    /// It was closed (with a `resolution`).
    case closed
  }

  /// What happened.
  public var action: Action
  /// When (the CDEvent `context.timestamp`).
  public var time: Timestamp
  /// `StableHash` of (source, id): duplicates share it and are counted once.
  public var identity: UInt64
  /// `StableHash` of the ticket (`subject.source`, else `context.source`, and `subject.id`):
  /// the events of one ticket share it.
  public var ticket: UInt64
  /// The ticket's `subject.id`, tried as a component subject when the ticket names no team.
  public var subject: String
  /// `ticketType` (`bug`, `task`, `incident`, …), when given.
  public var ticketType: String?
  /// `group`: the team the ticket is for, when given.
  public var group: String?
  /// `labels`, in the order written.
  public var labels: [String] = []

  /// Creates a ticket event; the optional fields are filled in by the decoder.
  public init(action: Action, time: Timestamp, identity: UInt64, ticket: UInt64, subject: String) {
    self.action = action
    self.time = time
    self.identity = identity
    self.ticket = ticket
    self.subject = subject
  }
}
