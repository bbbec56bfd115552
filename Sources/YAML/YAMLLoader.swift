import StructuredData

/// Reads YAML text into position-carrying node trees, on libyaml's event API.
///
/// The loader never throws and never traps on input: every problem (syntax, nesting too deep,
/// alias expansion too large, unknown tag, duplicate key) becomes a located `YAMLProblem`.
public struct YAMLLoader: Sendable {
  /// Bounds that keep hostile input from exhausting time or memory.
  public struct Limits: Sendable, Hashable {
    /// The deepest nesting of sequences and mappings accepted, counting nesting reached through aliases.
    public var maximumDepth: Int
    /// The most nodes a document may expand to once aliases are followed ("billion laughs").
    public var maximumExpandedNodes: Int
    /// The most bytes of scalar text a document may repeat through aliases (every alias counts
    /// the text of the node it repeats, nested aliases included): 8 MiB.
    public var maximumAliasedBytes: Int

    /// Creates limits.
    public init(maximumDepth: Int = 512, maximumExpandedNodes: Int = 1_000_000, maximumAliasedBytes: Int = 8 << 20) {
      self.maximumDepth = maximumDepth
      self.maximumExpandedNodes = maximumExpandedNodes
      self.maximumAliasedBytes = maximumAliasedBytes
    }
  }

  /// The bounds in force.
  public var limits: Limits

  /// Creates a loader.
  public init(limits: Limits = Limits()) {
    self.limits = limits
  }

  /// Reads every document of `text`.
  public func load(_ text: String) -> YAMLStream {
    var text = text
    return text.withUTF8 { load(buffer: $0) }
  }

  /// Reads every document of the UTF-8 (or UTF-16 with a BOM) `bytes`.
  public func load(bytes: [UInt8]) -> YAMLStream {
    bytes.withUnsafeBufferPointer { load(buffer: $0) }
  }

  private func load(buffer: UnsafeBufferPointer<UInt8>) -> YAMLStream {
    let source = YAMLSourceText(bytes: buffer)
    let survey =
      source.isUTF8
      ? YAMLSourceText.survey(buffer) : YAMLSourceText.Survey(firstNUL: nil, hasPreparableLineStart: false)
    if let nul = survey.firstNUL {
      // libyaml would stop at a NUL with a vague message; say what and where it is instead.
      return YAMLStream(
        documents: [],
        problems: [
          YAMLProblem(
            code: .syntax, message: "the text contains a NUL byte (U+0000), which YAML does not allow",
            position: YAMLSourceText.position(ofOffset: nul, in: buffer))
        ])
    }
    if survey.hasPreparableLineStart || (source.isUTF8 && YAMLStreamPreparation.endsInLineOfSpaces(buffer)) {
      let preparation = YAMLStreamPreparation(scanning: buffer, scanLines: survey.hasPreparableLineStart)
      if !preparation.edits.isEmpty || !preparation.problems.isEmpty || preparation.appendsLineBreak {
        let edited = preparation.apply(to: buffer)
        return edited.withUnsafeBufferPointer { edited in
          var builder = YAMLTreeBuilder(
            limits: limits, source: YAMLSourceText(bytes: edited), textLength: buffer.count,
            directiveProblems: preparation.problems)
          return builder.build()
        }
      }
    }
    var builder = YAMLTreeBuilder(limits: limits, source: source, textLength: buffer.count, directiveProblems: [])
    return builder.build()
  }
}
