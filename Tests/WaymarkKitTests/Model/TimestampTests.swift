import Testing
import WaymarkModel

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

  @Test(arguments: [
    "", "2026-13-01", "2023-02-29", "2026-11-01T25:00:00Z", "2026-11-01T10:00:00", "yesterday", "0000-01-01",
    "2026-11-01Tx",
  ])
  func rejectsMalformedText(text: String) {
    #expect(Timestamp(iso8601: text) == nil)
  }

  /// Years 1–9999 in UTC too: an offset cannot carry an instant into year 0 or 10000, which
  /// four-digit years (and this type's own printing) cannot represent.
  @Test(arguments: [
    "0001-01-01T00:00:00+00:01", "9999-12-31T23:59:59-00:01", "10000-01-01T00:00:00Z", "+10000-01-01", "-0001-01-01",
  ])
  func rejectsInstantsOutsideYears1To9999(text: String) {
    #expect(Timestamp(iso8601: text) == nil)
  }

  @Test func acceptsTheFirstAndLastInstants() throws {
    #expect(try #require(Timestamp(iso8601: "0001-01-01T00:00:00-00:00")) == Timestamp.earliest)
    #expect(try #require(Timestamp(iso8601: "9999-12-31T23:59:59.999Z")) == Timestamp.latest)
    #expect(Timestamp.latest.description == "9999-12-31T23:59:59.999Z")
  }

  /// Instants made by arithmetic rather than parsing may fall outside years 1–9999; they still
  /// print, to the ends of `Int64`.
  @Test(arguments: [
    (Timestamp.earliest.millisecondsSinceEpoch - 86_400_000, "0000-12-31T00:00:00Z"),
    (Timestamp.earliest.millisecondsSinceEpoch - 367 * 86_400_000 + 5, "-0001-12-31T00:00:00.005Z"),
    (Timestamp.latest.millisecondsSinceEpoch + 1, "10000-01-01T00:00:00Z"),
    (1_790_000_000_042, "2026-09-21T14:13:20.042Z"),
    (-1, "1969-12-31T23:59:59.999Z"),
    (-86_400_000, "1969-12-31T00:00:00Z"),
    (Int64.min, "-292275055-05-16T16:47:04.192Z"),
    (Int64.max, "292278994-08-17T07:12:55.807Z"),
  ])
  func printsInstantsOutsideTheParsedYears(milliseconds: Int64, expected: String) {
    #expect(Timestamp(millisecondsSinceEpoch: milliseconds).description == expected)
  }

  @Test func epochAndArithmetic() {
    #expect(Timestamp.epoch.description == "1970-01-01T00:00:00Z")
    #expect(Timestamp.epoch.adding(days: -90).dateString == "1969-10-03")
  }
}
