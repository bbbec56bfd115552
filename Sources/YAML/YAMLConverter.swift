import StructuredData

/// Turns a node tree into a `JSONValue` plus a source map of where each value came from.
///
/// Applies the core schema, explicit tags and merge keys (`<<`). Problems (unknown tags,
/// duplicate keys, non-scalar keys, bad merges) are collected, never thrown. The source map is
/// lazy: it keeps the tree and walks it on demand, so converting costs nothing per node for
/// positions that are never asked for.
public struct YAMLConverter: Sendable {
  /// Creates a converter.
  public init() {}

  /// The value of `node`, its source map and the problems found.
  public func convert(_ node: YAMLNode) -> YAMLConversion {
    var problems: [YAMLProblem] = []
    let value = value(of: node, problems: &problems)
    return YAMLConversion(value: value, sourceMap: YAMLSourceMap(root: node), problems: Self.unique(problems))
  }

  private func value(of node: YAMLNode, problems: inout [YAMLProblem]) -> JSONValue {
    switch node.kind {
    case .scalar(let scalar):
      return scalarValue(scalar, node: node, problems: &problems)
    case .sequence(let elements):
      checkCollectionTag(of: node, expected: "seq", problems: &problems)
      var values: [JSONValue] = []
      values.reserveCapacity(elements.count)
      for element in elements {
        values.append(value(of: element, problems: &problems))
      }
      return .array(values)
    case .mapping(let pairs):
      checkCollectionTag(of: node, expected: "map", problems: &problems)
      return .object(members(of: pairs, problems: &problems))
    }
  }

  private func members(of pairs: [YAMLPair], problems: inout [YAMLProblem]) -> [String: JSONValue] {
    var members: [String: JSONValue] = [:]
    members.reserveCapacity(pairs.count)
    var hasMerge = false
    for (index, pair) in pairs.enumerated() {
      if pair.key.isMergeKey {
        hasMerge = true
        continue
      }
      guard let key = keyString(pair.key, problems: &problems) else { continue }
      let value = value(of: pair.value, problems: &problems)
      // One hash lookup in the common case; a duplicate puts the first value back.
      if let first = members.updateValue(value, forKey: key) {
        members[key] = first
        duplicateKey(key, at: index, in: pairs, problems: &problems)
      }
    }
    guard hasMerge else { return members }
    // Merge keys: explicit keys win over merged ones, earlier sources over later ones.
    for pair in pairs where pair.key.isMergeKey {
      for source in pair.value.mergeSources {
        guard case .mapping(let sourcePairs) = source.kind else {
          // Point into the merge value when the culprit is written there, else (it came through an alias) at the value.
          let position = source.start >= pair.value.start ? source.start : pair.value.start
          problems.append(
            YAMLProblem(
              code: .merge,
              message: "a merge key '<<' takes a mapping or a sequence of mappings, not a \(source.kindName)",
              position: position))
          continue
        }
        for (key, value) in self.members(of: sourcePairs, problems: &problems) where members[key] == nil {
          members[key] = value
        }
      }
    }
    return members
  }

  private func duplicateKey(_ key: String, at index: Int, in pairs: [YAMLPair], problems: inout [YAMLProblem]) {
    let second = pairs[index].key.start
    let first = pairs[..<index].first { !$0.key.isMergeKey && $0.key.scalar?.text == key }?.key.start ?? second
    problems.append(
      YAMLProblem(
        code: .duplicateKey, message: "duplicate key '\(key)' at \(second); it first appears at \(first)",
        position: second, notes: [YAMLNote(message: "'\(key)' first appears here", position: first)]))
  }

  private func keyString(_ key: YAMLNode, problems: inout [YAMLProblem]) -> String? {
    guard case .scalar(let scalar) = key.kind else {
      problems.append(
        YAMLProblem(
          code: .complexKey, message: "a mapping key must be a scalar, not a \(key.kindName)", position: key.start))
      return nil
    }
    return scalar.text
  }

  static func unique(_ problems: [YAMLProblem]) -> [YAMLProblem] {
    // An alias repeats its anchor's problems at the anchor's positions; report each once.
    guard problems.count > 1 else { return problems }
    var seen = Set<YAMLProblem>()
    return problems.filter { seen.insert($0).inserted }
  }
}

extension YAMLNode {
  /// "scalar", "sequence" or "mapping", for messages.
  var kindName: String {
    switch kind {
    case .scalar: return "scalar"
    case .sequence: return "sequence"
    case .mapping: return "mapping"
    }
  }
}
