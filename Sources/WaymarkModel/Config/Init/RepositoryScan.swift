/// What `waymark init` found in a repository: its input files by kind and the catalog's references.
public struct RepositoryScan: Sendable, Hashable {
  /// A catalog YAML file and the kinds its documents declare.
  public struct CatalogFile: Sendable, Hashable {
    /// The path relative to the root.
    public var path: String
    /// The kinds of its entities, sorted, each once.
    public var kinds: [String]
    /// Whether another catalog file's Location names it.
    public var isLocationTarget: Bool

    /// Creates a record.
    public init(path: String, kinds: [String], isLocationTarget: Bool) {
      self.path = path
      self.kinds = kinds
      self.isLocationTarget = isLocationTarget
    }
  }

  /// A reference written in a catalog file's spec field.
  public struct Reference: Sendable, Hashable, Comparable {
    /// The file holding it.
    public var path: String
    /// The field, e.g. `spec.owner`.
    public var field: String
    /// The text as written.
    public var text: String
    /// The entity it names, with the field's default kind and the entity's namespace filled in.
    public var ref: EntityRef?

    /// Creates a record.
    public init(path: String, field: String, text: String, ref: EntityRef?) {
      self.path = path
      self.field = field
      self.text = text
      self.ref = ref
    }

    public static func < (lhs: Reference, rhs: Reference) -> Bool {
      (lhs.path, lhs.field, lhs.text) < (rhs.path, rhs.field, rhs.text)
    }
  }

  /// Every file the walk found (hidden folders and `node_modules` left out), sorted.
  public var files: [String] = []
  /// The catalog files (YAML documents with `apiVersion: backstage.io/…`), outside template skeletons.
  public var catalogFiles: [CatalogFile] = []
  /// Template skeleton folders (or files): the relative `url` of `fetch:template`/`fetch:plain` steps.
  public var skeletons: [String] = []
  /// Location targets that are URLs, as `file: target`.
  public var remoteLocations: [String] = []
  /// MkDocs sites: their `mkdocs.yml` files.
  public var docsSites: [String] = []
  /// Entities whose `backstage.io/techdocs-ref` is a `url:`, which `waymark fetch` fetches.
  public var remoteDocs: [String] = []
  /// Event exports, path → format (`CDEvents`, `GitHub deliveries`).
  public var eventFiles: [String: String] = [:]
  /// Policy results, path → format (`sarif`, `policyreport`, …).
  public var policyResultFiles: [String: String] = [:]
  /// The entities the catalog defines.
  public var defined: Set<EntityRef> = []
  /// The references the catalog's relation fields hold, sorted.
  public var references: [Reference] = []

  /// Creates an empty scan.
  public init() {}
}
