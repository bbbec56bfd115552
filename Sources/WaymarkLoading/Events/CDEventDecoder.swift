import Foundation
import StructuredData
import WaymarkModel

/// Turns a scanned CDEvent (v0.4.x, v0.5.x or 0.6-draft envelope) into a `DeliveryEvent`.
///
/// The type string is `dev.cdevents.<subject>.<predicate>.<version>`; the version is not
/// checked, because type versions move independently of the spec and the fields read here did
/// not change between 0.4 and 0.6. Custom (`dev.cdeventsx.…`) and unknown types are reported as
/// unknown rather than guessed at.
package struct CDEventDecoder {
  /// Every `<subject>.<predicate>` of CDEvents 0.4–0.6, with what it means for the metrics.
  package static let kinds: [String: DeliveryEvent.Kind] = {
    var kinds: [String: DeliveryEvent.Kind] = [
      "change.merged": .change, "artifact.packaged": .artifactPackaged,
      "service.deployed": .deployment, "service.upgraded": .deployment, "service.rolledback": .rollback,
      "incident.detected": .incidentStarted, "incident.reported": .incidentStarted,
      "incident.resolved": .incidentResolved,
      "pipelinerun.finished": .pipelineFinished,
    ]
    let ignored = [
      "change.created", "change.reviewed", "change.updated", "change.abandoned",
      "artifact.signed", "artifact.published", "artifact.downloaded", "artifact.deleted",
      "service.removed", "service.published", "pipelinerun.queued", "pipelinerun.started",
      "taskrun.started", "taskrun.finished", "build.queued", "build.started", "build.finished",
      "testcaserun.queued", "testcaserun.started", "testcaserun.finished", "testcaserun.skipped",
      "testsuiterun.queued", "testsuiterun.started", "testsuiterun.finished", "testoutput.published",
      "repository.created", "repository.modified", "repository.deleted", "branch.created", "branch.deleted",
      "environment.created", "environment.modified", "environment.deleted",
      "approval.created", "approval.updated", "approval.closed",
    ]
    for name in ignored { kinds[name] = .ignored }
    return kinds
  }()

  /// The `<subject>.<predicate>` of a CDEvents type string, or nil when it is not one.
  package static func subjectPredicate(of type: String) -> String? {
    guard type.hasPrefix("dev.cdevents.") else { return nil }
    let parts = type.dropFirst("dev.cdevents.".count).split(separator: ".", maxSplits: 2)
    guard parts.count == 3 else { return nil }
    return "\(parts[0]).\(parts[1])"
  }

  package func decode(_ record: EventRecord, strings: inout StringInterner) -> EventDecoding {
    guard let type = record.text(.type) else { return .invalid("missing context.type") }
    guard let id = record.text(.id) else { return .invalid("missing context.id") }
    guard let source = record.text(.source) else { return .invalid("missing context.source") }
    guard let stamp = record[.timestamp]?.stringValue else { return .invalid("missing context.timestamp") }
    guard let time = Timestamp(iso8601: stamp) else {
      return .invalid("context.timestamp '\(stamp)' is not an RFC 3339 timestamp")
    }
    guard let kind = strings.kind(of: type, resolve: { Self.subjectPredicate(of: $0).flatMap { Self.kinds[$0] } })
    else {
      if type.utf8.starts(with: Self.ticketPrefix.utf8) {
        return decodeTicket(record, type: type, id: id, source: source, time: time, strings: &strings)
      }
      return .unknownType(strings.intern(type))
    }
    guard let subjectId = record.text(.subjectId) else { return .invalid("missing subject.id") }
    var event = DeliveryEvent(kind: kind, type: strings.intern(type), time: time, identity: StableHash.of(source, id))
    event.context = StableHash.of(id)
    if let chain = record.text(.chainId) { event.chain = StableHash.of(chain) }
    event.links = Self.linkTargets(record[.links])
    let artifactId = record.text(.artifactId)
    if let artifactId {
      event.artifact = StableHash.of(artifactId)
      event.purlName = strings.intern(Self.purlName(artifactId))
    }
    switch kind {
    case .change:
      event.repository = strings.intern(ifPresent: record.text(.repositoryId))
      event.change = StableHash.of(subjectId)
      if event.repository == nil { event.subject = strings.intern(subjectId) }
    case .artifactPackaged:
      event.artifact = StableHash.of(subjectId)
      event.purlName = strings.intern(Self.purlName(subjectId))
      if let change = record.text(.changeId) { event.change = StableHash.of(change) }
    case .deployment, .rollback:
      event.subject = strings.intern(subjectId)
      event.environment = strings.intern(ifPresent: record.text(.environmentId))
    case .incidentStarted, .incidentResolved:
      event.subject = strings.intern(ifPresent: record.text(.serviceId))
      event.environment = strings.intern(ifPresent: record.text(.environmentId))
      event.incident = StableHash.of(record.text(.subjectSource) ?? source, subjectId)
    case .pipelineFinished:
      event.subject = strings.intern(record.text(.pipelineName) ?? subjectId)
      if let outcome = record.text(.outcome)?.lowercased() {
        event.succeeded = outcome == "success" || outcome == "pass"
      }
    case .ignored:
      event.subject = strings.intern(subjectId)
    }
    return .events([event])
  }

  /// The context ids named by `links` entries (`target` for RELATION, `from` for PATH and END).
  package static func linkTargets(_ links: JSONValue?) -> [UInt64] {
    guard let entries = links?.arrayValue else { return [] }
    var targets: [UInt64] = []
    for entry in entries {
      for end in ["target", "from"] {
        if let id = entry[end]?["contextId"]?.stringValue { targets.append(StableHash.of(id)) }
      }
    }
    return targets
  }

  /// The name part of a package URL: `myapp` in `pkg:oci/myapp@sha256%3A…` or
  /// `pkg:golang/mygit.com/myorg/myapp@v1`; a non-purl string is returned as it is.
  package static func purlName(_ text: String) -> String {
    // Works on UTF-8 bytes: Character iteration (grapheme breaking) showed up in profiles.
    let bytes = text.utf8
    guard bytes.starts(with: "pkg:".utf8) else { return text }
    var start = bytes.index(bytes.startIndex, offsetBy: 4)
    var end = bytes.endIndex
    if let cut = bytes[start...].firstIndex(where: {
      $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
    }) {
      end = cut
    }
    if let slash = bytes[start..<end].lastIndex(of: UInt8(ascii: "/")) { start = bytes.index(after: slash) }
    return PercentDecoding.decoded(String(decoding: bytes[start..<end], as: UTF8.self))
  }
}
