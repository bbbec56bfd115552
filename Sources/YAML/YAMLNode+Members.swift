/// Looking up mapping members by key the way the converter reads them: first occurrence wins,
/// explicit keys before merged ones (`<<`), earlier merge sources before later ones.
extension YAMLNode {
  /// Whether this node, as a mapping key, is the merge key `<<` (plain and untagged, or `!!merge`).
  var isMergeKey: Bool {
    guard case .scalar(let scalar) = kind, scalar.text == "<<" else { return false }
    if let tag { return tag == YAMLCoreSchema.tagPrefix + "merge" }
    return scalar.style == .plain
  }

  /// The nodes a merge key's value names: itself, or the elements of a sequence (each should be a mapping).
  var mergeSources: [YAMLNode] {
    if case .sequence(let elements) = kind { return elements }
    return [self]
  }

  /// The pair whose key reads `key`, if this node is a mapping that has it, directly or by merging.
  func member(named key: String) -> YAMLPair? {
    guard case .mapping(let pairs) = kind else { return nil }
    var hasMerge = false
    for pair in pairs {
      if pair.key.isMergeKey {
        hasMerge = true
      } else if pair.key.scalar?.text == key {
        return pair
      }
    }
    guard hasMerge else { return nil }
    for pair in pairs where pair.key.isMergeKey {
      for source in pair.value.mergeSources {
        if let found = source.member(named: key) { return found }
      }
    }
    return nil
  }
}
