import CEL
import Testing

@Suite struct CELTimestampTests {
  @Test func parsesOffsetsAndFractions() throws {
    let time = try #require(CELTimestamp(rfc3339: "2009-02-13T23:31:30.123456789+01:00"))
    #expect(time.seconds == 1_234_564_290)
    #expect(time.nanos == 123_456_789)
    #expect(time.description == "2009-02-13T22:31:30.123456789Z")
    #expect(CELTimestamp(rfc3339: "2009-02-13t23:31:30.5z")?.description == "2009-02-13T23:31:30.5Z")
  }

  @Test func refusesInvalidDates() {
    #expect(CELTimestamp(rfc3339: "2009-02-29T00:00:00Z") == nil)
    #expect(CELTimestamp(rfc3339: "2008-02-29T00:00:00Z") != nil)
    #expect(CELTimestamp(rfc3339: "2009-13-01T00:00:00Z") == nil)
    #expect(CELTimestamp(rfc3339: "2009-02-13 23:31:30Z") == nil)
    #expect(CELTimestamp(rfc3339: "2009-02-13T23:31:30") == nil)
    #expect(CELTimestamp(rfc3339: "0000-12-31T23:59:59Z") == nil)
  }

  @Test func rangeIsYearOneToYear9999() {
    #expect(CELTimestamp(seconds: -62_135_596_800)?.description == "0001-01-01T00:00:00Z")
    #expect(CELTimestamp(seconds: -62_135_596_801) == nil)
    #expect(CELTimestamp(seconds: 253_402_300_799, nanos: 999_999_999)?.description == "9999-12-31T23:59:59.999999999Z")
    #expect(CELTimestamp(seconds: 253_402_300_800) == nil)
  }

  @Test func gettersUseTimeZones() throws {
    func evaluate(_ source: String) throws -> CELValue {
      try CELProgram(source: source).evaluate([
        "t": .timestamp(try #require(CELTimestamp(rfc3339: "2024-03-10T07:30:00Z")))
      ])
    }
    #expect(try evaluate("t.getHours()") == .int(7))
    #expect(try evaluate("t.getHours('America/New_York')") == .int(3))
    #expect(try evaluate("t.getHours('-05:30')") == .int(2))
    #expect(try evaluate("t.getDayOfWeek()") == .int(0))
    #expect(try evaluate("t.getDayOfYear()") == .int(69))
    #expect(try evaluate("t.getMonth()") == .int(2))
    #expect(
      try evaluate("t.getHours('Mars/Olympus')") == .error(CELEvaluationError("unknown time zone 'Mars/Olympus'")))
  }
}
