/// An entity the catalog refers to that is provided outside the repository (it matches a
/// `catalog.external` pattern), with the entities that refer to it.
public struct ExternalEntity: Sendable, Hashable, Comparable {
  /// The reference as the catalog resolves it (`user:default/guest`).
  public var ref: EntityRef
  /// The entities referring to it, sorted and each listed once.
  public var referrers: [EntityRef]

  /// Creates a value from each stored property.
  public init(ref: EntityRef, referrers: [EntityRef]) {
    self.ref = ref
    self.referrers = referrers
  }

  public static func < (lhs: ExternalEntity, rhs: ExternalEntity) -> Bool { lhs.ref < rhs.ref }
}
