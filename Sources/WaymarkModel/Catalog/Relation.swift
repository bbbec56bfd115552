import StructuredData
import YAML

/// A directed relation between two entities, as Backstage names them (`ownedBy`, `partOf`, …).
public struct Relation: Sendable, Hashable, Comparable {
  /// The relation type.
  public var type: String
  /// The other entity.
  public var target: EntityRef

  /// Creates a relation.
  public init(type: String, target: EntityRef) {
    self.type = type
    self.target = target
  }

  public static func < (lhs: Relation, rhs: Relation) -> Bool {
    if lhs.type != rhs.type { return lhs.type < rhs.type }
    return lhs.target < rhs.target
  }
}
