import StructuredData
import WaymarkModel

/// What decoding one record gave: events, an event type nobody knows, or a reason it is invalid.
package enum EventDecoding {
  /// Zero or more events (a GitHub push carries one change per commit).
  case events([DeliveryEvent])
  /// A ticket event (CDEvents `ticket.*`), for the self-service signals.
  case ticket(TicketEvent)
  /// A well-formed record of a type Waymark does not know (counted; an error with `--strict`).
  case unknownType(String)
  /// A record missing what every event needs, with the reason.
  case invalid(String)

  /// Decodes a scanned record of any of the supported shapes.
  package static func decode(_ slots: [JSONValue?], strings: inout StringInterner) -> EventDecoding {
    let bare = EventRecord(slots: slots, base: EventFields.cdevent)
    if bare[.type] != nil || bare[.id] != nil { return CDEventDecoder().decode(bare, strings: &strings) }
    let wrapped = EventRecord(slots: slots, base: EventFields.cloudEventData)
    if wrapped[.type] != nil || wrapped[.id] != nil { return CDEventDecoder().decode(wrapped, strings: &strings) }
    if bare[.event] != nil {
      let record = EventRecord(slots: slots, base: EventFields.cdevent, githubBase: EventFields.githubRequest)
      let isRecord = bare[.repository] == nil && record[.repository] != nil
      return GitHubDeliveryDecoder().decode(isRecord ? record : bare, strings: &strings)
    }
    if slots[EventFields.rawRepository] != nil || slots[EventFields.rawSender] != nil {
      return .invalid(
        "a raw GitHub webhook body: wrap each delivery as {\"event\": \"<X-GitHub-Event header>\", \"payload\": <body>}, "
          + "or export GitHub's delivery records ({\"event\", \"request\": {\"payload\"}})")
    }
    if slots[EventFields.cloudEventSpecVersion] != nil {
      return .invalid("a CloudEvent without a CDEvent in 'data' (binary mode and data_base64 are not supported)")
    }
    return .invalid("neither a CDEvent (no 'context') nor a GitHub delivery (no 'event')")
  }
}
