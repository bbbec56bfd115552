import StructuredData

/// Turns a node tree into a `JSONValue` plus a side table of where each value came from.
///
/// Applies the core schema, explicit tags and merge keys (`<<`). Problems (unknown tags,
/// duplicate keys, non-string keys) are collected, never thrown.
public struct YAMLConverter: Sendable {
  /// Creates a converter.
  public init() {}

  /// The value of `node`, its source map and the problems found.
  public func convert(_ node: YAMLNode) -> YAMLConversion {
    var conversion = YAMLConversion(value: .null, sourceMap: YAMLSourceMap(), problems: [])
    conversion.value = value(of: node, at: ValuePath(), into: &conversion)
    return conversion
  }

  private func value(of node: YAMLNode, at path: ValuePath, into conversion: inout YAMLConversion) -> JSONValue {
    conversion.sourceMap.record(path, value: node.start)
    switch node.kind {
    case .scalar(let scalar):
      return scalarValue(scalar, node: node, into: &conversion)
    case .sequence(let elements):
      if let tag = node.tag, tag != YAMLCoreSchema.tagPrefix + "seq" {
        unknownTag(tag, node: node, into: &conversion)
      }
      var values: [JSONValue] = []
      values.reserveCapacity(elements.count)
      for (index, element) in elements.enumerated() {
        values.append(value(of: element, at: path.appending(index: index), into: &conversion))
      }
      return .array(values)
    case .mapping(let pairs):
      if let tag = node.tag, tag != YAMLCoreSchema.tagPrefix + "map" {
        unknownTag(tag, node: node, into: &conversion)
      }
      return .object(members(of: pairs, at: path, into: &conversion))
    }
  }

  private func members(of pairs: [YAMLPair], at path: ValuePath, into conversion: inout YAMLConversion) -> [String: JSONValue] {
    var members: [String: JSONValue] = [:]
    var keyPositions: [String: SourcePosition] = [:]
    var merged: [String: JSONValue] = [:]
    for pair in pairs {
      if let scalar = pair.key.scalar, scalar.text == "<<", scalar.style == .plain, pair.key.tag == nil {
        // Merge keys: earlier sources win, explicit keys win over all of them.
        let sources = pair.value.sequence ?? [pair.value]
        for source in sources {
          guard let sourcePairs = source.mapping else {
            conversion.problems.append(
              YAMLProblem(code: "yaml.merge", message: "a merge key '<<' needs a mapping or a list of mappings", position: source.start))
            continue
          }
          var scratch = YAMLConversion(value: .null, sourceMap: YAMLSourceMap(), problems: [])
          for (key, value) in self.members(of: sourcePairs, at: path, into: &scratch) where merged[key] == nil {
            merged[key] = value
          }
          conversion.problems.append(contentsOf: scratch.problems)
        }
        continue
      }
      guard let key = keyString(pair.key, into: &conversion) else { continue }
      if let first = keyPositions[key] {
        conversion.problems.append(
          YAMLProblem(
            code: "yaml.duplicate-key", message: "duplicate key '\(key)' in a mapping", position: pair.key.start,
            notes: [YAMLNote(message: "'\(key)' first appears here", position: first)]))
        continue
      }
      keyPositions[key] = pair.key.start
      let childPath = path.appending(key)
      conversion.sourceMap.recordKey(childPath, position: pair.key.start)
      members[key] = value(of: pair.value, at: childPath, into: &conversion)
    }
    for (key, value) in merged where members[key] == nil {
      members[key] = value
    }
    return members
  }

  private func keyString(_ key: YAMLNode, into conversion: inout YAMLConversion) -> String? {
    guard let scalar = key.scalar else {
      conversion.problems.append(
        YAMLProblem(code: "yaml.complex-key", message: "mapping keys must be scalars", position: key.start))
      return nil
    }
    return scalar.text
  }

  private func scalarValue(_ scalar: YAMLScalar, node: YAMLNode, into conversion: inout YAMLConversion) -> JSONValue {
    guard let tag = node.tag, tag != "!" else {
      return scalar.style == .plain ? YAMLCoreSchema.resolvePlain(scalar.text) : .string(scalar.text)
    }
    let prefix = YAMLCoreSchema.tagPrefix
    switch tag {
    case prefix + "str": return .string(scalar.text)
    case prefix + "null": return .null
    case prefix + "bool":
      if case .bool(let flag) = YAMLCoreSchema.resolvePlain(scalar.text) { return .bool(flag) }
    case prefix + "int":
      if let integer = YAMLCoreSchema.integer(scalar.text) { return integer }
    case prefix + "float":
      let resolved = YAMLCoreSchema.resolvePlain(scalar.text)
      if let number = resolved.doubleValue { return .double(number) }
    default:
      unknownTag(tag, node: node, into: &conversion)
      return .string(scalar.text)
    }
    conversion.problems.append(
      YAMLProblem(
        code: "yaml.bad-tagged-value", message: "'\(scalar.text)' is not a valid \(tag.replacingPrefix(prefix, with: "!!"))",
        position: node.start))
    return .string(scalar.text)
  }

  private func unknownTag(_ tag: String, node: YAMLNode, into conversion: inout YAMLConversion) {
    conversion.problems.append(
      YAMLProblem(
        code: "yaml.unknown-tag", message: "unknown tag '\(tag.replacingPrefix(YAMLCoreSchema.tagPrefix, with: "!!"))'",
        position: node.start))
  }
}

extension String {
  fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
    hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
  }
}

/// The result of converting a node tree: value, source map and problems.
public struct YAMLConversion: Sendable {
  /// The converted value.
  public var value: JSONValue
  /// Where each value and key came from.
  public var sourceMap: YAMLSourceMap
  /// Problems found while converting.
  public var problems: [YAMLProblem]
}

/// A side table from value paths to source positions, so later stages can point at a field.
public struct YAMLSourceMap: Sendable, Hashable {
  private var values: [ValuePath: SourcePosition] = [:]
  private var keys: [ValuePath: SourcePosition] = [:]

  /// Creates an empty map.
  public init() {}

  mutating func record(_ path: ValuePath, value position: SourcePosition) {
    values[path] = position
  }

  mutating func recordKey(_ path: ValuePath, position: SourcePosition) {
    keys[path] = position
  }

  /// Where the value at `path` starts, or where its nearest recorded ancestor starts.
  public func position(of path: ValuePath) -> SourcePosition? {
    var current = path
    while true {
      if let position = values[current] { return position }
      if current.components.isEmpty { return nil }
      current.components.removeLast()
    }
  }

  /// Where the key of the member at `path` is written, if recorded.
  public func keyPosition(of path: ValuePath) -> SourcePosition? {
    keys[path]
  }
}
