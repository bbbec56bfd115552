/// The candidate readings of a name, most specific first (§ Name Resolution).
struct CELNameReference: Sendable {
  /// A binding name and the fields still to select from it: `a.b.c` may be binding `a.b` then `.c`.
  struct Candidate: Sendable {
    let name: String
    let isQualified: Bool
    let path: [String]
  }

  let candidates: [Candidate]
  /// The type value the name denotes if no binding matches (`int`, `google.protobuf.Timestamp`).
  let denotation: CELValue?
  /// The name as written, for the error when nothing matches.
  let name: String
}
