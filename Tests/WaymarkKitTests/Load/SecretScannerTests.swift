import Foundation
import Testing
import WaymarkLoading

/// Credential-shaped values are assembled from parts so that no scanner flags this repository.
@Suite struct SecretScannerTests {
  static let github = "gh" + "p_" + String(repeating: "aB3", count: 12)
  static let aws = "AK" + "IA" + "QWERTYUIOPASDF23"

  func found(_ text: String) -> [String] {
    SecretScanner().scan(Array(text.utf8)).map { "\($0.rule.rawValue) \($0.line):\($0.column) \($0.redacted)" }
  }

  @Test func findsEachRuleWithItsLocation() {
    let pem =
      "-----BEGIN " + "OPENSSH PRIVATE KEY-----\n" + String(repeating: "QUJD", count: 16)
      + "\n-----END OPENSSH PRIVATE KEY-----"
    let text = """
      a: \(Self.github)
      b: "\(Self.aws)" and \("AS" + "IA" + "ZXCVBNMLKJHGFD45")
      c: \("github" + "_pat_" + String(repeating: "x1Y2z", count: 16) + "AB") \("xo" + "xp-" + "1234567890-0987654321-abcdefabcdef")
      d: é \("AI" + "za" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q")
      e: Bearer \("ey" + "JhbGciOiJIUzI1NiJ9" + ".ey" + "JzdWIiOiIxMjM0In0" + ".c2lnbmF0dXJlLXNpZ25hdHVyZQ")
      \(pem)
      """
    #expect(
      found(text) == [
        "github-token 1:4 'ghp_…', 40 characters",
        "aws-access-key-id 2:5 'AKIA…', 20 characters",
        "aws-access-key-id 2:31 'ASIA…', 20 characters",
        "github-token 3:4 'github_pat_…', 93 characters",
        "slack-token 3:98 'xoxp-…', 39 characters",
        "google-api-key 4:6 'AIza…', 39 characters",
        "jwt 5:11 'eyJ…', 67 characters",
        "private-key 6:1 '-----BEGIN OPENSSH PRIVATE KEY-----'",
      ])
  }

  @Test func documentedShapesThatAreNotSecrets() {
    let text = """
      AWS's documentation placeholder: \("AK" + "IA" + "IOSFODNN7EXAMPLE")
      inside a longer word: X\(Self.aws) and \(Self.aws)Z, lowercase \(Self.aws.lowercased())
      too short: \("gh" + "p_" + "abc") \("xo" + "xb-" + "not-a-real-token-this-will-not-work")
      a PEM header with no key: -----BEGIN \("RSA") PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----
      a public key: -----BEGIN PUBLIC KEY-----\n\(String(repeating: "QUJD", count: 20))
      an unsigned JWT: \("ey" + "JhbGciOiJub25lIn0" + ".ey" + "JzdWIiOiIxMjM0In0.")
      prose: eyeballing ghosts, xoxo, AKIAs and AIzas
      """
    #expect(found(text) == [])
  }

  @Test func aKeyInAJSONStringWithEscapedNewlinesIsFound() {
    let body = String(repeating: "TUlJRW9nSUJBQUtDQVFFQTN", count: 4)
    let json = "{\"key\": \"-----BEGIN " + "RSA PRIVATE KEY-----\\n" + body + "\\n-----END RSA PRIVATE KEY-----\\n\"}"
    #expect(found(json) == ["private-key 1:10 '-----BEGIN RSA PRIVATE KEY-----'"])
  }

  @Test func redactionKeepsOnlyThePublicPrefix() {
    let message = "tag '\(Self.github)' is not valid"
    #expect(SecretScanner().redacting(message) == "tag 'ghp_…[redacted]' is not valid")
    #expect(SecretScanner().redacting("nothing here") == "nothing here")
  }
}
