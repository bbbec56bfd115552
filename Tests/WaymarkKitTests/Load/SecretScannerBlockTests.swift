import Testing
import WaymarkLoading

/// The scanner looks at 16 positions at a time: secrets at the edges of the buffer and of those
/// blocks must be found as position-by-position measuring finds them. Credential-shaped values
/// are assembled from parts so that no scanner flags this repository.
@Suite struct SecretScannerBlockTests {
  static let github = "gh" + "p_" + String(repeating: "aB3", count: 12)
  static let slack = "xo" + "xb-" + "1234567890-0987654321-abcd"
  static let jwt = "ey" + "JhbGciOiJIUzI1NiJ9" + ".ey" + "JzdWIiOiIxMjM0In0" + ".c2lnbmF0dXJlLXNpZ25hdHVyZQ"

  /// Every shape measured at every position, skipping what a match covers: what `scan` must find.
  static func reference(_ bytes: [UInt8]) -> [String] {
    bytes.withUnsafeBufferPointer { buffer in
      var found: [String] = []
      var index = 0
      while index < buffer.count - 3 {
        let shapes = [
          SecretScanner.privateKey, SecretScanner.aws, SecretScanner.google, SecretScanner.jwt, SecretScanner.github,
          SecretScanner.slack,
        ]
        guard let (rule, length, _) = shapes.lazy.compactMap({ $0(buffer, index) }).first else {
          index += 1
          continue
        }
        found.append("\(rule.rawValue) \(index) \(length)")
        index += max(1, length)
      }
      return found
    }
  }

  static func scanned(_ bytes: [UInt8]) -> [String] {
    SecretScanner().scan(bytes).map { "\($0.rule.rawValue) \($0.offset) \($0.length)" }
  }

  @Test(arguments: [github, slack, jwt])
  func findsATokenAtEveryOffsetUpToTheVeryEnd(token: String) {
    for before in 0...40 {
      for after in [0, 1, 2, 3, 15, 16, 17] {
        let text = String(repeating: " ", count: before) + token + String(repeating: " ", count: after)
        let matches = SecretScanner().scan(Array(text.utf8))
        #expect(matches.map(\.offset) == [before], "\(before) before, \(after) after")
        #expect(matches.first?.text == token)
        #expect(matches.first?.column == before + 1)
      }
    }
  }

  @Test func shortBuffersHoldNothing() {
    for text in ["", "g", "gh", "ghp", "ghp_", "----", "eyJ."] {
      #expect(SecretScanner().scan(Array(text.utf8)).isEmpty)
    }
  }

  @Test func findsWhatMeasuringEveryPositionFinds() {
    let pieces: [String] = [
      "e", "y", "A", "K", "I", "za", "S", "B", "C", "g", "h", "i", "x", "o", "-", "--", " ", "\n", "é", "AKIA",
      "QWERTYUIOPASDF23", "AI" + "za", "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", "gh" + "p_",
      String(repeating: "aB3", count: 12),
      "github" + "_pat_", "xo" + "xp-", "1234567890-0987654321", "ey" + "J", "hbGciOiJIUzI1NiJ9", ".",
      "-----BEGIN " + "RSA PRIVATE KEY-----", "\\n", String(repeating: "QUJD", count: 17), Self.github, Self.slack,
      Self.jwt,
    ]
    // A fixed linear congruential sequence, so a failure can be replayed.
    var state: UInt64 = 42
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % bound
    }
    for _ in 0..<1000 {
      let text = (0..<next(30)).map { _ in pieces[next(pieces.count)] }.joined()
      let bytes = Array(text.utf8)
      #expect(Self.scanned(bytes) == Self.reference(bytes), "\(text.debugDescription)")
    }
  }
}
