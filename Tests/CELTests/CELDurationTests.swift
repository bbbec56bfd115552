import CEL
import Testing

@Suite struct CELDurationTests {
  @Test func parsesGoStyleDurations() {
    #expect(CELDuration(parsing: "1h30m")?.nanoseconds == 5_400_000_000_000)
    #expect(CELDuration(parsing: "-1.5h")?.nanoseconds == -5_400_000_000_000)
    #expect(CELDuration(parsing: "1.000000001s")?.nanoseconds == 1_000_000_001)
    #expect(CELDuration(parsing: "2ms3us4ns")?.nanoseconds == 2_003_004)
    #expect(CELDuration(parsing: "0")?.nanoseconds == 0)
    #expect(CELDuration(parsing: "") == nil)
    #expect(CELDuration(parsing: "5") == nil)
    #expect(CELDuration(parsing: "1d") == nil)
    #expect(CELDuration(parsing: "320000000000s") == nil)
  }

  @Test func printsSecondsWithNeededFractionDigits() {
    #expect(CELDuration(nanoseconds: 60_001_000_000).description == "60.001s")
    #expect(CELDuration(nanoseconds: -1_500_000_000).description == "-1.5s")
    #expect(CELDuration(nanoseconds: 0).description == "0s")
  }

  @Test func arithmeticWithTimestampsIsRangeChecked() throws {
    #expect(try CELProgram(source: "duration('1h') + duration('30m') == duration('90m')").evaluate() == .bool(true))
    #expect(
      try CELProgram(source: "timestamp('9999-12-31T23:59:59Z') + duration('1s')").evaluate()
        == .error(CELEvaluationError("timestamp out of range")))
  }
}
