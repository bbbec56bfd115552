import WaymarkModel

/// Where rendered files go as they are rendered: a staging folder, a scan, or memory.
///
/// The renderer hands each batch of files to `take` as soon as it is rendered and keeps only the
/// receipt, so the site is never held whole. `take` is called from several tasks at once, each
/// with its own batch; the receipts come back in a fixed order (`StreamedSite.receipts`).
package protocol OutputSink: Sendable {
  /// What taking one batch yields (counts, findings, the files themselves).
  associatedtype Receipt: Sendable
  /// Why a batch could not be taken (an unwritable folder).
  associatedtype Failure: Error & Sendable

  /// Takes one batch of rendered files.
  func take(_ files: [OutputFile]) throws(Failure) -> Receipt

  /// Whether pages are to be keyed by what they are rendered from (`OutputFile.source`), so a
  /// sink that keeps a previous build's files can be asked for them (`claim`) before rendering.
  var keysPages: Bool { get }

  /// Takes the file a previous build rendered at `path` from `source` over into the new site
  /// when the sink still holds it, and says whether it did; the renderer then renders nothing
  /// and hands over `OutputFile.claimed`. Called from several tasks at once, distinct paths.
  func claim(path: String, source: MemoKey) -> Bool

  /// Takes every file a previous build made as the group keyed `inputs` (each recorded with
  /// `OutputFile.inputs` equal to it) over into the new site when the sink still holds them
  /// all, and returns them (`OutputFile.claimed`); nil when it holds none or not all, and the
  /// renderer then makes the group.
  func claimGroup(inputs: MemoKey) -> [OutputFile]?
}

extension OutputSink {
  /// Pages are not keyed: nothing is kept from one build to the next.
  package var keysPages: Bool { false }

  /// Nothing is held.
  package func claim(path: String, source: MemoKey) -> Bool { false }

  /// Nothing is held.
  package func claimGroup(inputs: MemoKey) -> [OutputFile]? { nil }
}

/// Keeps every file: rendering into memory (`SiteRenderer.render(_:)`, tests, the docs probe).
package struct KeepingSink: OutputSink {
  package typealias Receipt = [OutputFile]
  package typealias Failure = Never

  package init() {}

  package func take(_ files: [OutputFile]) -> [OutputFile] { files }
}

/// What rendering into a sink produced: each batch's receipt, and the render's own findings.
package struct StreamedSite<Receipt: Sendable>: Sendable {
  /// The receipts, in the order the batches were listed (not the order they finished).
  package var receipts: [Receipt]
  /// How many files were handed to the sink.
  package var fileCount: Int
  /// The layouts pages chose, for the unused-layout check.
  package var chosenLayouts: Set<LayoutResolver.Choice>
  /// Problems found while rendering.
  package var diagnostics: [Diagnostic]
  /// The build cache's entries for the full-text index (`RenderInput.searchMemo`).
  package var memoEntries: [MemoKey: [UInt8]] = [:]
}
