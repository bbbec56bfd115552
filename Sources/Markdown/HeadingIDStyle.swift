/// How heading anchors are made: the rules differ between the tools whose links authors copy.
public enum HeadingIDStyle: Sendable, Hashable {
  /// GitHub's: letters (any script) and digits kept, each space a `-`, repeats `-1`, `-2`, ….
  case github
  /// Python-Markdown's `toc` extension, as mkdocs and TechDocs write them: ASCII only (accents
  /// folded), runs of spaces and `-` one `-`, repeats `_1`, `_2`, …, ids set with an attribute
  /// list kept and never reused.
  case mkdocs
}
