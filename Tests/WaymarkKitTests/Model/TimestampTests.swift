import Testing
import WaymarkKit

@Suite struct TimestampTests {
  @Test(arguments: [
    ("2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"),
    ("2026-11-01", "2026-11-01T00:00:00Z"),
    ("2026-11-01T10:30:00+02:00", "2026-11-01T08:30:00Z"),
    ("2026-11-01T10:30:00-0530", "2026-11-01T16:00:00Z"),
    ("2026-11-01 10:30:05.25Z", "2026-11-01T10:30:05.250Z"),
    ("2024-02-29T23:59:59.123456789Z", "2024-02-29T23:59:59.123Z"),
    ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
    ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
  ])
  func parsesAndPrintsUTC(text: String, expected: String) throws {
    let timestamp = try #require(Timestamp(iso8601: text))
    #expect(timestamp.description == expected)
  }

  @Test(arguments: ["", "2026-13-01", "2023-02-29", "2026-11-01T25:00:00Z", "2026-11-01T10:00:00", "yesterday", "0000-01-01", "2026-11-01Tx"])
  func rejectsMalformedText(text: String) {
    #expect(Timestamp(iso8601: text) == nil)
  }

  @Test func epochAndArithmetic() {
    #expect(Timestamp.epoch.description == "1970-01-01T00:00:00Z")
    #expect(Timestamp.epoch.adding(days: -90).dateString == "1969-10-03")
  }
}
