extension DiagnosticCode {
  /// The delivery events' codes (CDEvents and GitHub exports).
  static let eventCodes: [DiagnosticCode] = [
    .eventsMalformed, .eventsInvalid, .eventsUnknownType, .eventsUnsupportedFile,
  ]

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
