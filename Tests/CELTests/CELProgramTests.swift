import Testing
import CEL

@Test func evaluatesArithmetic() throws {
  let program = try CELProgram(source: "1 + 2 * 3")
  #expect(program.evaluate() == .int(7))
}
