import WaymarkModel

/// Finds cycles among Location files: `a.yaml` naming `b.yaml` naming `a.yaml` again.
///
/// The loader reads each file once, so a cycle cannot loop forever; it is still reported,
/// because Backstage would register the files' entities under two locations and flag them as
/// conflicts. Each cycle is an error at the target field that closes it.
package struct LocationCycleFinder {
  /// Files and the targets their Locations name.
  package let edges: [String: [LocationResolver.Target]]

  /// One diagnostic per cycle, in file order.
  package func cycles() -> [Diagnostic] {
    var state: [String: Bool] = [:]  // false: on the current path, true: finished
    var stack: [String] = []
    var diagnostics: [Diagnostic] = []
    var reported = Set<[String]>()

    func visit(_ file: String) {
      state[file] = false
      stack.append(file)
      for target in (edges[file] ?? []).sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
        switch state[target.path] {
        case .none:
          visit(target.path)
        case .some(false):
          guard let start = stack.lastIndex(of: target.path) else { continue }
          let cycle = Array(stack[start...])
          // The same cycle entered from another file is reported once.
          guard let smallest = cycle.min(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }),
            let offset = cycle.firstIndex(of: smallest),
            reported.insert(Array(cycle[offset...] + cycle[..<offset])).inserted
          else { continue }
          let chain = (cycle + [target.path]).joined(separator: " → ")
          diagnostics.append(
            .error(
              .catalogLocationCycle, "Locations form a cycle: \(chain)", at: target.field,
              notes: target.note.map { [$0] } ?? []))
        case .some(true):
          continue
        }
      }
      stack.removeLast()
      state[file] = true
    }

    for file in edges.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where state[file] == nil {
      visit(file)
    }
    return diagnostics
  }
}
