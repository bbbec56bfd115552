import StructuredData

/// A reference to a catalog entity, `kind:namespace/name`, compared case-insensitively.
public struct EntityRef: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The kind as written (`Component`).
  public let kind: String
  /// The namespace as written (`default` when omitted).
  public let namespace: String
  /// The name as written.
  public let name: String
  /// The canonical, lowercased form used as a key: `component:default/payments-api`.
  ///
  /// Stored rather than computed: references are hashed and compared in every lookup, and
  /// lowercasing on each of them dominated relating a 20,000-entity catalog.
  public let canonical: String

  /// Creates a reference.
  public init(kind: String, namespace: String = "default", name: String) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.canonical = "\(kind):\(namespace)/\(name)".lowercased()
  }

  /// Parses `[kind:][namespace/]name` as Backstage does, filling in the defaults the field implies.
  ///
  /// A `:` after the first `/` belongs to the name (`a/b:c` is namespace `a`, name `b:c`), and
  /// the name may hold further `/`. Returns nil for an empty part or a missing kind.
  public init?(parsing text: String, defaultKind: String?, defaultNamespace: String = "default") {
    // For ASCII text, where every character is one byte, searching bytes finds the same
    // separators as searching characters, much faster: this runs for every reference.
    let ascii = text.utf8.allSatisfy { $0 < 0x80 }
    let colon = ascii ? text.utf8.firstIndex(of: UInt8(ascii: ":")) : text.firstIndex(of: ":")
    let slash = ascii ? text.utf8.firstIndex(of: UInt8(ascii: "/")) : text.firstIndex(of: "/")
    var rest = Substring(text)
    var kind = defaultKind
    if let colon, slash.map({ colon < $0 }) ?? true {
      kind = String(text[..<colon])
      guard kind?.isEmpty == false else { return nil }
      rest = text[text.index(after: colon)...]
    }
    var namespace = defaultNamespace
    if let slash = ascii ? rest.utf8.firstIndex(of: UInt8(ascii: "/")) : rest.firstIndex(of: "/") {
      namespace = String(rest[..<slash])
      rest = rest[rest.index(after: slash)...]
      guard !namespace.isEmpty else { return nil }
    }
    guard let kind, !kind.isEmpty, !rest.isEmpty else { return nil }
    self.init(kind: kind, namespace: namespace, name: String(rest))
  }

  /// Parses a string reference or the code-only compound form `{kind, namespace, name}`, as
  /// Backstage's `parseEntityRef` does; present-but-empty parts are errors, not defaults.
  public init?(parsing value: JSONValue, defaultKind: String?, defaultNamespace: String = "default") {
    switch value {
    case .string(let text):
      self.init(parsing: text, defaultKind: defaultKind, defaultNamespace: defaultNamespace)
    case .object(let members):
      func part(_ key: String, _ fallback: String?) -> String?? {
        guard let written = members[key] else { return .some(fallback) }
        guard let text = written.stringValue, !text.isEmpty else { return .none }
        return .some(text)
      }
      guard let kind = part("kind", defaultKind), let namespace = part("namespace", defaultNamespace),
        let name = part("name", nil), let kind, let namespace, let name
      else { return nil }
      self.init(kind: kind, namespace: namespace, name: name)
    default:
      return nil
    }
  }

  /// The form users write: `component:default/payments-api`, kind lowercased as Backstage prints it.
  public var description: String { canonical }

  public static func == (lhs: EntityRef, rhs: EntityRef) -> Bool { lhs.canonical == rhs.canonical }
  public func hash(into hasher: inout Hasher) { hasher.combine(canonical) }
  public static func < (lhs: EntityRef, rhs: EntityRef) -> Bool {
    lhs.canonical.utf8.lexicographicallyPrecedes(rhs.canonical.utf8)
  }

  /// The site path segment for this entity: `<namespace>/<kind>/<name>`, lowercased.
  public var pathComponents: [String] { [namespace.lowercased(), kind.lowercased(), name.lowercased()] }
}
