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
/// no entity by path. A base written as an absolute path (Trivy's `ROOTPATH: {uri: "/"}`) is a
/// `file:` URI. Where the chain ends at an absolute base, `fileBase` gives it as a path, so that
/// the file's absolute location (`/workspace/acme/x/` + `main.tf`) can be matched to a checkout root.
package struct SARIFURIResolver {
  private let artifacts: [JSONValue]
  private let absoluteBases: [String]
  /// For each base id, the absolute folder its chain ends at, as a path ending in `/`.
  private let chainRoots: [String: String]
  /// For each base id, what its chain puts before a relative URI ("" when the chain starts at
  /// the root), and whether that prefix is plain (`GuardrailPath.isPlain`, nothing to decode): the
  /// same for every result of the run, so worked out once.
  private let chainPrefixes: [String: (prefix: String, isPlain: Bool)]

  /// A resolver for a run with these `originalUriBaseIds` and `artifacts`.
  package init(originalUriBaseIds: JSONValue?, artifacts: JSONValue?) {
    let bases = Self.absolutizingPaths(originalUriBaseIds?.objectValue ?? [:])
    self.artifacts = artifacts?.arrayValue ?? []
    absoluteBases = bases.values.compactMap { $0["uri"]?.stringValue }.filter { Self.isAbsolute($0) }
      .map { $0.hasSuffix("/") ? $0 : $0 + "/" }.sorted { $0.count > $1.count }
    chainPrefixes = bases.keys.reduce(into: [:]) { prefixes, id in
      let prefix = Self.chainPrefix(from: id, bases: bases)
      prefixes[id] = (prefix, prefix.isEmpty || GuardrailPath.isPlain(prefix + "_", allowingEscapes: false))
    }
    chainRoots = bases.keys.reduce(into: [:]) { roots, id in
      if let root = Self.chainRoot(from: id, bases: bases) { roots[id] = root }
    }
  }

  /// The bases with a `uri` written as an absolute path (`/`, `/src/`) turned into `file:` URIs.
  private static func absolutizingPaths(_ bases: [String: JSONValue]) -> [String: JSONValue] {
    bases.mapValues { definition in
      guard case .object(var members) = definition, let uri = members["uri"]?.stringValue, uri.hasPrefix("/") else {
        return definition
      }
      members["uri"] = .string("file://" + uri)
      return .object(members)
    }
  }

  /// The absolute `file:` URI the chain from `id` ends at, as a path ending in `/`.
  private static func chainRoot(from id: String, bases: [String: JSONValue]) -> String? {
    var base: String? = id
    var seen: Set<String> = []
    while let id = base, !seen.contains(id), let definition = bases[id] {
      seen.insert(id)
      guard let uri = definition["uri"]?.stringValue else { return nil }
      if isAbsolute(uri) { return filePath(uri).map { $0.hasSuffix("/") ? $0 : $0 + "/" } }
      base = definition["uriBaseId"]?.stringValue
    }
    return nil
  }

  /// The decoded path of a `file:` URI (`file:///workspace/a%20b/` → `/workspace/a b/`).
  package static func filePath(_ uri: String) -> String? {
    guard uri.lowercased().hasPrefix("file:") else { return nil }
    var rest = uri.dropFirst(5)
    if rest.hasPrefix("//") {
      rest = rest.dropFirst(2)
      // An authority other than empty or localhost names another machine.
      let slash = rest.firstIndex(of: "/") ?? rest.endIndex
      let authority = rest[..<slash].lowercased()
      guard authority.isEmpty || authority == "localhost" else { return nil }
      rest = rest[slash...]
    }
    guard rest.hasPrefix("/") else { return nil }
    return PercentDecoding.decoded(String(rest))
  }

  /// The absolute folder that the path `resolve` gives for these members is relative to, when
  /// the run says: the root its base chain ends at, or the run's absolute base an absolute URI
  /// was made relative to.
  package func fileBase(uri: String?, uriBaseId: String?, index: Int64?) -> String? {
    var uri = uri
    var base = uriBaseId
    if uri == nil, let index, index >= 0, Int(index) < artifacts.count {
      let artifact = artifacts[Int(index)]["location"]
      uri = artifact?["uri"]?.stringValue
      base = base ?? artifact?["uriBaseId"]?.stringValue
    }
    guard let uri else { return nil }
    if Self.isAbsolute(uri) {
      guard let workspace = absoluteBases.first(where: { uri.hasPrefix($0) }) else { return nil }
      return Self.filePath(workspace)
    }
    return base.flatMap { chainRoots[$0] }
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
    if chain.isPlain, GuardrailPath.isPlain(uri, allowingEscapes: false) {
      return chain.prefix.isEmpty ? uri : chain.prefix + uri
    }
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
