import Foundation
import StructuredData
import WaymarkModel

/// Resolves SARIF artifact locations to root-relative paths through `originalUriBaseIds`.
///
/// A relative URI is followed up its chain of `uriBaseId`s; the chain ends at a base with an
/// absolute URI (the CI workspace, e.g. `file:///workspace/acme/`), a base without a URI, or an
/// undefined base, and all of these are taken to be the repository root, so what was collected
/// is root-relative. An absolute `file://` URI under one of the run's absolute bases is made
/// relative to it; other absolute URIs (`file:///C:/…`, `host://…`) stay as written and map to
/// no entity by path.
package struct SARIFURIResolver {
  private let artifacts: [JSONValue]
  private let absoluteBases: [String]
  /// For each base id, what its chain puts before a relative URI ("" when the chain starts at
  /// the root), and whether that prefix is plain (`GuardrailPath.isPlain`, nothing to decode): the
  /// same for every result of the run, so worked out once.
  private let chainPrefixes: [String: (prefix: String, isPlain: Bool)]

  /// A resolver for a run with these `originalUriBaseIds` and `artifacts`.
  package init(originalUriBaseIds: JSONValue?, artifacts: JSONValue?) {
    let bases = originalUriBaseIds?.objectValue ?? [:]
    self.artifacts = artifacts?.arrayValue ?? []
    absoluteBases = bases.values.compactMap { $0["uri"]?.stringValue }.filter { Self.isAbsolute($0) }
      .map { $0.hasSuffix("/") ? $0 : $0 + "/" }.sorted { $0.count > $1.count }
    chainPrefixes = bases.keys.reduce(into: [:]) { prefixes, id in
      let prefix = Self.chainPrefix(from: id, bases: bases)
      prefixes[id] = (prefix, prefix.isEmpty || GuardrailPath.isPlain(prefix + "_", allowingEscapes: false))
    }
  }

  /// Follows `uriBaseId`s from `id` up to a base with an absolute URI, a base without a URI, an
  /// undefined base or a cycle, collecting the relative URIs met on the way.
  private static func chainPrefix(from id: String, bases: [String: JSONValue]) -> String {
    var prefixes = ""
    var base: String? = id
    var seen: Set<String> = []
    while let id = base, !seen.contains(id) {
      seen.insert(id)
      guard let definition = bases[id], let prefix = definition["uri"]?.stringValue, !isAbsolute(prefix) else { break }
      prefixes = (prefix.hasSuffix("/") || prefix.isEmpty ? prefix : prefix + "/") + prefixes
      base = definition["uriBaseId"]?.stringValue
    }
    return prefixes
  }

  /// The path of an `artifactLocation` with these `uri`, `uriBaseId` and `index` members, or nil
  /// when it has none.
  package func resolve(uri: String?, uriBaseId: String?, index: Int64?) -> String? {
    var uri = uri
    var base = uriBaseId
    if uri == nil, let index, index >= 0, Int(index) < artifacts.count {
      let artifact = artifacts[Int(index)]["location"]
      uri = artifact?["uri"]?.stringValue
      base = base ?? artifact?["uriBaseId"]?.stringValue
    }
    guard let uri else { return nil }
    let chain = base.flatMap { chainPrefixes[$0] } ?? ("", true)
    // The common case in one pass over the URI: relative, no escapes, nothing to fold.
    if chain.isPlain, GuardrailPath.isPlain(uri, allowingEscapes: false) { return chain.prefix.isEmpty ? uri : chain.prefix + uri }
    if Self.isAbsolute(uri) {
      if let workspace = absoluteBases.first(where: { uri.hasPrefix($0) }) {
        return GuardrailPath.normalized(PercentDecoding.decoded(String(uri.dropFirst(workspace.count))))
      }
      return uri
    }
    return GuardrailPath.normalized(PercentDecoding.decoded(chain.prefix.isEmpty ? uri : chain.prefix + uri))
  }

  /// Whether relative URIs under `base` resolve as they would with no base: no base, an
  /// undefined one, or one whose chain adds no prefix.
  package func leavesPlainURIsAsWritten(under base: String?) -> Bool {
    guard let base, let chain = chainPrefixes[base] else { return true }
    return chain.prefix.isEmpty && chain.isPlain
  }

  /// Whether `uri` has a scheme (`file:`, `https:`, `host:`), i.e. is not a relative reference.
  package static func isAbsolute(_ uri: String) -> Bool {
    // Byte-level: this runs for every result of every run.
    var first = true
    for byte in uri.utf8 {
      switch byte {
      case UInt8(ascii: ":"): return !first
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
        if first { return false }
      default: return false
      }
      first = false
    }
    return false
  }
}
