import Foundation
import StructuredData
import YAML

/// One YAML document read from a catalog file, before it is validated as an entity.
public struct CatalogDocument: Sendable, Hashable {
  /// The file, relative to the site root.
  public var path: String
  /// The 0-based index of the document in its file.
  public var index: Int
  /// The 1-based line where the document starts.
  public var line: Int
  /// The document's value.
  public var value: JSONValue
  /// Where each field is written.
  public var sourceMap: YAMLSourceMap
}

/// What the catalog loader read: documents, the files they came from, and problems.
public struct LoadedCatalog: Sendable {
  /// Documents sorted by (path, index).
  public var documents: [CatalogDocument]
  /// The files read, sorted by path.
  public var files: [SourceFile]
  /// Problems found while reading.
  public var diagnostics: [Diagnostic]
}

/// Reads catalog YAML files in parallel and splits them into documents.
public struct CatalogLoader: Sendable {
  /// The site root.
  public let root: URL

  /// Creates a loader.
  public init(root: URL) {
    self.root = root
  }

  /// Reads every file in `paths` (root-relative); each is read once even if listed twice.
  public func load(paths: [String]) async -> LoadedCatalog {
    let unique = Array(Set(paths)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let root = self.root
    let results = await withTaskGroup(of: FileResult.self) { group in
      for path in unique {
        group.addTask { Self.read(path, under: root) }
      }
      var results: [FileResult] = []
      for await result in group { results.append(result) }
      return results
    }
    let sorted = results.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return LoadedCatalog(
      documents: sorted.flatMap(\.documents), files: sorted.compactMap(\.file),
      diagnostics: sorted.flatMap(\.diagnostics))
  }

  struct FileResult: Sendable {
    var path: String
    var file: SourceFile?
    var documents: [CatalogDocument] = []
    var diagnostics: [Diagnostic] = []
  }

  /// Reads and parses one file; never throws, problems become diagnostics.
  static func read(_ path: String, under root: URL) -> FileResult {
    switch SourceFile.read(path, under: root) {
    case .failure(let diagnostic):
      return FileResult(path: path, diagnostics: [diagnostic])
    case .success(let file):
      var result = FileResult(path: path, file: file)
      let stream = YAMLLoader().load(bytes: file.bytes)
      result.diagnostics += stream.problems.map { Diagnostic(yaml: $0, path: path) }
      for document in stream.documents {
        let conversion = YAMLConverter().convert(document.root)
        result.diagnostics += conversion.problems.map { Diagnostic(yaml: $0, path: path) }
        let location = SourceLocation(path: path, position: document.root.start)
        guard case .object(let members) = conversion.value else {
          result.diagnostics.append(
            .error(
              "catalog.not-an-object", "expected a mapping at the root of the document, found \(conversion.value.typeName)",
              at: location))
          continue
        }
        guard members["apiVersion"] != nil || members["kind"] != nil else {
          result.diagnostics.append(
            .warning(
              "catalog.not-an-entity", "document has neither 'apiVersion' nor 'kind' and is not a catalog entity; it is ignored",
              at: location))
          continue
        }
        result.documents.append(
          CatalogDocument(
            path: path, index: document.index, line: document.root.start.line, value: conversion.value,
            sourceMap: conversion.sourceMap))
      }
      return result
    }
  }
}
