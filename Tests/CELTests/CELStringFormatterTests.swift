import CEL
import Testing

@Suite struct CELStringFormatterTests {
  @Test func formatRefusesAbsurdPrecision() throws {
    #expect(try CELProgram(source: "'%.2f'.format([3.14159])").evaluate() == .string("3.14"))
    #expect(
      try CELProgram(source: "'%.999999999f'.format([1.0])").evaluate()
        == .error(CELEvaluationError("could not parse formatting clause: precision above 1000")))
  }
}
