import CEL
import Testing

@Suite struct CELNumberFormatterTests {
  @Test func doublesConvertToStringsLikeCelGo() throws {
    let cases: [(String, String)] = [
      ("string(123.456)", "123.456"), ("string(-4.5e-3)", "-0.0045"), ("string(1.0)", "1"),
      ("string(100000.0)", "100000"), ("string(1e6)", "1e+06"), ("string(1.5e-7)", "1.5e-07"),
      ("string(-0.0)", "-0"), ("string(1.0/0.0)", "+Inf"), ("string(2.5e21)", "2.5e+21"),
    ]
    for (source, expected) in cases {
      #expect(try CELProgram(source: source).evaluate() == .string(expected), "\(source)")
    }
  }
}
