/// What a page is, for choosing its layout: Hugo's kind, section and explicit layout.
public struct PageDescriptor: Sendable, Hashable {
  /// The page kind: `home`, `entity`, `catalog`, `404`, ….
  public var kind: String
  /// The section, e.g. the entity kind (`component`), or nil for top-level pages.
  public var section: String?
  /// A layout the page asks for by name (`waymark.dev/layout`), or nil.
  public var layout: String?

  /// Creates a descriptor.
  public init(kind: String, section: String? = nil, layout: String? = nil) {
    self.kind = kind
    self.section = section
    self.layout = layout
  }
}
