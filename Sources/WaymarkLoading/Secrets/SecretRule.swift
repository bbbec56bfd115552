/// A kind of credential the secrets guard recognises, with its stable id.
///
/// Each rule is a fixed prefix and an exact shape (length and alphabet), as the issuers publish
/// them, so ordinary prose and identifiers do not match: see `SecretScanner` for the shapes.
public enum SecretRule: String, Sendable, Hashable, CaseIterable {
  /// `-----BEGIN … PRIVATE KEY-----` (RSA, EC, DSA, OpenSSH, PKCS #8, encrypted, PGP) followed by a key body.
  case privateKey = "private-key"
  /// An AWS access key id: `AKIA`, `ASIA`, `ABIA` or `ACCA` and 16 base-32 characters.
  case awsAccessKeyID = "aws-access-key-id"
  /// A GitHub token: `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` and 36 characters, or `github_pat_` and 82.
  case githubToken = "github-token"
  /// A Slack token: `xoxb-`, `xoxp-`, `xoxa-`, `xoxe-`, `xoxo-`, `xoxr-`, `xoxs-` and at least 20 characters with 8 digits.
  case slackToken = "slack-token"
  /// A Google API key: `AIza` and 35 characters.
  case googleAPIKey = "google-api-key"
  /// A signed JSON Web Token: three base64url parts, the first two JSON objects (`eyJ…`).
  case jwt

  /// What the rule finds, for diagnostics.
  public var title: String {
    switch self {
    case .privateKey: return "a private key"
    case .awsAccessKeyID: return "an AWS access key id"
    case .githubToken: return "a GitHub token"
    case .slackToken: return "a Slack token"
    case .googleAPIKey: return "a Google API key"
    case .jwt: return "a JSON Web Token"
    }
  }
}
