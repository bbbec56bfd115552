import StructuredData
import WaymarkModel

extension CDEventDecoder {
  /// Ticket event types start with this; they become `TicketEvent`s, not `DeliveryEvent`s.
  package static let ticketPrefix = "dev.cdevents.ticket."

  /// Decodes `ticket.created`, `ticket.updated` or `ticket.closed` (any type version); another
  /// ticket predicate is an unknown type.
  package func decodeTicket(
    _ record: EventRecord, type: String, id: String, source: String, time: Timestamp, strings: inout StringInterner
  ) -> EventDecoding {
    guard let predicate = Self.subjectPredicate(of: type)?.split(separator: ".").last,
      let action = TicketEvent.Action(rawValue: String(predicate))
    else { return .unknownType(strings.intern(type)) }
    guard let subjectId = record.text(.subjectId) else { return .invalid("missing subject.id") }
    var ticket = TicketEvent(
      action: action, time: time, identity: StableHash.of(source, id),
      ticket: StableHash.of(record.text(.subjectSource) ?? source, subjectId), subject: strings.intern(subjectId))
    ticket.ticketType = strings.intern(ifPresent: record.text(.ticketType))
    ticket.group = strings.intern(ifPresent: record.text(.ticketGroup))
    ticket.labels = (record[.ticketLabels]?.arrayValue ?? []).compactMap {
      EventRecord.text($0).map { strings.intern($0) }
    }
    return .ticket(ticket)
  }
}
