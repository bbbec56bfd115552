extension DiagnosticCode {
  /// The delivery events' codes (CDEvents and GitHub exports).
  static let eventCodes: [DiagnosticCode] = [
    .eventsMalformed, .eventsInvalid, .eventsUnknownType, .eventsUnsupportedFile, .eventsStaleExport,
    .eventsRollupOverlap,
  ]

  /// `events.stale-export`
  public static let eventsStaleExport = DiagnosticCode(
    "events.stale-export", .warning, .events,
    "an event export whose newest event is more than 30 days before the build's \"now\"",
    example: "events/deploys.jsonl",
    """
    {"context": {"id": "d-1", "source": "/cd/argocd/prod", "specversion": "0.4.1", \
    "timestamp": "2026-08-01T10:00:00Z", "type": "dev.cdevents.service.deployed.0.2.0"}, "subject": \
    {"id": "service/payments-api", "content": {"environment": {"id": "production"}}}}

    """,
    prints: """
      events/deploys.jsonl: warning: the newest event (2026-08-01) is 91 days before the build's "now" \
      (2026-11-01); the export may be out of date [events.stale-export]
      """)

  /// `events.malformed`
  public static let eventsMalformed = DiagnosticCode(
    "events.malformed", .warning, .events, "a record that is not valid JSON, or longer than 16 MiB",
    when: "error with `--strict`",
    example: "events/deploys.jsonl",
    """
    {"context": {"type": "dev.cdevents.service.deployed.0.2.0"

    """,
    prints: "events/deploys.jsonl:1:59: warning: unexpected end of input in an object [events.malformed]")

  /// `events.invalid`
  public static let eventsInvalid = DiagnosticCode(
    "events.invalid", .warning, .events,
    "a record missing a required field, or with an invalid one (a timestamp outside years 1–9999)",
    when: "error with `--strict`",
    example: "events/github.jsonl", "{\"deployment_status\": {\"state\": \"success\"}, \"repository\": {}}\n",
    prints: "events/github.jsonl:1:1: warning: missing payload.repository.full_name [events.invalid]")

  /// `events.unknown-type`
  public static let eventsUnknownType = DiagnosticCode(
    "events.unknown-type", .error, .events, "an event type Waymark does not know, at its first record",
    when: "only with `--strict`",
    example: "events/github.jsonl", "{\"event\": \"sponsorship\", …}\n",
    prints: """
      events/github.jsonl:1:1: error: unknown event type 'github.sponsorship' (1 in this file; --strict makes \
      unknown types errors) [events.unknown-type]
      """)

  /// `events.unsupported-file`
  public static let eventsUnsupportedFile = DiagnosticCode(
    "events.unsupported-file", .warning, .events,
    "a file under the event globs that is not `.json`, `.jsonl` or `.ndjson`",
    example: "events/notes.txt",
    """
    deployed payments at 10:00

    """,
    prints: """
      events/notes.txt: warning: not read as events: only .json, .jsonl and .ndjson files are \
      [events.unsupported-file]
      """)
}

extension DiagnosticCode {
  /// `events.rollup-overlap`
  public static let eventsRollupOverlap = DiagnosticCode(
    "events.rollup-overlap", .error, .events,
    "a delivery rollup row for a component and day that raw events or another row also cover",
    example: "content/delivery-rollups/2026-03.jsonl",
    """
    {"format": "waymark.delivery-rollup/v1", "day": "2026-03-02", "subject": "service/payments-api", \
    "deployments": 3}

    """,
    prints: """
      content/delivery-rollups/2026-03.jsonl:1:1: error: the rollup of 'service/payments-api' for 2026-03-02 \
      overlaps 14 raw events of component:default/payments-api that day; they would be counted twice \
      [events.rollup-overlap]
      """)
}
