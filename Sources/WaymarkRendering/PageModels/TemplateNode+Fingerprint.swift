import StructuredData
import WaymarkModel

extension TemplateNode {
  /// Adds the tree to `hasher`: the same tree always adds the same bytes (members sorted by
  /// key), and two trees that add the same bytes render the same through any layout.
  func addFingerprint(to hasher: inout MemoHasher) {
    switch self {
    case .value(let value): hasher.add(value)
    case .box(let box):
      if let members = box.members {
        hasher.add(UInt64(8))
        hasher.add(members.count)
        for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
          hasher.add(key)
          members[key]?.addFingerprint(to: &hasher)
        }
      } else if let elements = box.elements {
        hasher.add(UInt64(9))
        hasher.add(elements.count)
        for element in elements { element.addFingerprint(to: &hasher) }
      } else {
        hasher.add(box.single)
      }
    }
  }
}
