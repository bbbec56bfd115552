import StructuredData

/// The members of a SARIF result that findings are made from, and nothing else.
///
/// Both ways of reading a log produce it: from a whole `JSONValue` tree (`init(_:)`, for unusual
/// logs) and member by member (`SARIFRunReader`, for the common case, without building the rest),
/// so the conversion in `SARIFParser` is one piece of code. A scalar field is what
/// `result[...]?.stringValue` (or `.intValue`) at its path gives, nil where absent or of another
/// type; the rest are the values there.
package struct SARIFResultFields {
  package var ruleId: String?
  package var ruleIndex: Int64?
  package var rule: JSONValue?
  package var kind: String?
  package var level: String?
  package var baselineState: String?
  package var suppressions: JSONValue?
  package var properties: JSONValue?
  /// `message.text`, `message.markdown`, `message.arguments`, `message.id`.
  package var messageText: String?
  package var messageMarkdown: String?
  package var messageArguments: JSONValue?
  package var messageId: String?
  /// Of `locations[0].physicalLocation`: `artifactLocation.uri`, `.uriBaseId`, `.index`, and
  /// `region.startLine`.
  package var uri: String?
  package var uriBaseId: String?
  package var artifactIndex: Int64?
  package var startLine: Int64?

  package init() {}

  /// The fields of a result read whole.
  package init(_ result: JSONValue) {
    ruleId = result["ruleId"]?.stringValue
    ruleIndex = result["ruleIndex"]?.intValue
    rule = result["rule"]
    kind = result["kind"]?.stringValue
    level = result["level"]?.stringValue
    baselineState = result["baselineState"]?.stringValue
    suppressions = result["suppressions"]
    properties = result["properties"]
    let message = result["message"]
    messageText = message?["text"]?.stringValue
    messageMarkdown = message?["markdown"]?.stringValue
    messageArguments = message?["arguments"]
    messageId = message?["id"]?.stringValue
    let physical = result["locations"]?.arrayValue?.first?["physicalLocation"]
    let artifact = physical?["artifactLocation"]
    uri = artifact?["uri"]?.stringValue
    uriBaseId = artifact?["uriBaseId"]?.stringValue
    artifactIndex = artifact?["index"]?.intValue
    startLine = physical?["region"]?["startLine"]?.intValue
  }

  /// Reads the result at the reader's position member by member; later duplicate keys replace
  /// earlier ones, as in a `JSONValue` object.
  package mutating func read(_ reader: inout JSONPullReader) throws(JSONReadError) {
    guard reader.nextKind == .object else { return }
    try reader.members { (reader: inout JSONPullReader) throws(JSONReadError) in
      if reader.isKey("ruleId") {
        ruleId = try reader.readValue().stringValue
      } else if reader.isKey("ruleIndex") {
        ruleIndex = try reader.readValue().intValue
      } else if reader.isKey("kind") {
        kind = try reader.readValue().stringValue
      } else if reader.isKey("level") {
        level = try reader.readValue().stringValue
      } else if reader.isKey("message") {
        try readMessage(&reader)
      } else if reader.isKey("locations") {
        try readLocations(&reader)
      } else if reader.isKey("rule") {
        rule = try reader.readValue()
      } else if reader.isKey("baselineState") {
        baselineState = try reader.readValue().stringValue
      } else if reader.isKey("suppressions") {
        suppressions = try reader.readValue()
      } else if reader.isKey("properties") {
        properties = try reader.readValue()
      }
    }
  }

  private mutating func readMessage(_ reader: inout JSONPullReader) throws(JSONReadError) {
    messageText = nil
    messageMarkdown = nil
    messageArguments = nil
    messageId = nil
    guard reader.nextKind == .object else { return }
    try reader.members { (reader: inout JSONPullReader) throws(JSONReadError) in
      if reader.isKey("text") {
        messageText = try reader.readValue().stringValue
      } else if reader.isKey("markdown") {
        messageMarkdown = try reader.readValue().stringValue
      } else if reader.isKey("arguments") {
        messageArguments = try reader.readValue()
      } else if reader.isKey("id") {
        messageId = try reader.readValue().stringValue
      }
    }
  }

  private mutating func readLocations(_ reader: inout JSONPullReader) throws(JSONReadError) {
    clearPhysicalLocation()
    guard reader.nextKind == .array else { return }
    try reader.elements { (reader: inout JSONPullReader, index: Int) throws(JSONReadError) in
      guard index == 0, reader.nextKind == .object else { return }
      try reader.members { (reader: inout JSONPullReader) throws(JSONReadError) in
        guard reader.isKey("physicalLocation") else { return }
        clearPhysicalLocation()
        guard reader.nextKind == .object else { return }
        try readPhysicalLocation(&reader)
      }
    }
  }

  private mutating func readPhysicalLocation(_ reader: inout JSONPullReader) throws(JSONReadError) {
    try reader.members { (reader: inout JSONPullReader) throws(JSONReadError) in
      if reader.isKey("artifactLocation") {
        uri = nil
        uriBaseId = nil
        artifactIndex = nil
        guard reader.nextKind == .object else { return }
        try reader.members { (reader: inout JSONPullReader) throws(JSONReadError) in
          if reader.isKey("uri") {
            uri = try reader.readValue().stringValue
          } else if reader.isKey("uriBaseId") {
            uriBaseId = try reader.readValue().stringValue
          } else if reader.isKey("index") {
            artifactIndex = try reader.readValue().intValue
          }
        }
      } else if reader.isKey("region") {
        startLine = nil
        guard reader.nextKind == .object else { return }
        try reader.members { (reader: inout JSONPullReader) throws(JSONReadError) in
          if reader.isKey("startLine") { startLine = try reader.readValue().intValue }
        }
      }
    }
  }

  private mutating func clearPhysicalLocation() {
    uri = nil
    uriBaseId = nil
    artifactIndex = nil
    startLine = nil
  }
}
