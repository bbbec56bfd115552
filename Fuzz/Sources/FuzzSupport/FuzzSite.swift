import Foundation
import WaymarkCatalog
import WaymarkLoading
import WaymarkModel

/// A small site root in a fresh temporary folder, for entry points that read files.
///
/// Each fuzzer process makes one (under `$TMPDIR`, which `make fuzz` points into `.fuzz/`) and
/// rewrites one file in it per input; the other files are the context the input is read in: a
/// catalog the results, events and docs can map to, and a substitution target.
public struct FuzzSite: Sendable {
  /// The root folder.
  public let root: URL
  /// Every file written, root-relative, sorted (the "input walk" loaders are given).
  public let files: [String]

  /// Writes `files` (root-relative path → contents) into a new folder.
  public init(_ files: [String: String]) {
    let base = FileManager.default.temporaryDirectory
    root = base.appendingPathComponent("waymark-fuzz-\(getpid())-\(UUID().uuidString)").standardizedFileURL
    for (path, contents) in files {
      do {
        let folder = root.appendingPathComponent(path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        fatalError("cannot make the fuzzing site's folder for \(path): \(error)")
      }
      Self.write(Array(contents.utf8), to: path, under: root)
    }
    self.files = files.keys.sorted()
  }

  /// Replaces the file at `path` (root-relative, in a folder the site already has) with `bytes`.
  public func write(_ bytes: [UInt8], to path: String) {
    Self.write(bytes, to: path, under: root)
  }

  /// Writes with plain POSIX calls: Foundation's `Data.write` syncs the file to disk, which
  /// costs more than the library's work on the input, on every input. The file is overwritten
  /// and then cut to length rather than opened with `O_TRUNC`: ext4 flushes a file that was
  /// truncated to zero and rewritten when it is closed, a fifth of the catalog and events
  /// harnesses' time.
  private static func write(_ bytes: [UInt8], to path: String, under root: URL) {
    let url = root.appendingPathComponent(path)
    let descriptor = open(url.path, O_WRONLY | O_CREAT, 0o644)
    guard descriptor >= 0 else { fatalError("cannot open the fuzzing site's \(path): errno \(errno)") }
    defer { close(descriptor) }
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count, let base = buffer.baseAddress {
        let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
        guard written > 0 else { fatalError("cannot write the fuzzing site's \(path): errno \(errno)") }
        offset += written
      }
    }
    guard ftruncate(descriptor, off_t(bytes.count)) == 0 else {
      fatalError("cannot cut the fuzzing site's \(path) to length: errno \(errno)")
    }
  }

  /// The catalog of `catalog-info.yaml`, read and built with the library's own loader.
  public func catalog() -> Catalog {
    let root = self.root
    let files = self.files
    return BlockingWait.value {
      let loaded = await CatalogLoader(root: root).load(paths: ["catalog-info.yaml"], available: files)
      let (catalog, diagnostics) = CatalogBuilder().build(loaded.documents)
      let problems = loaded.diagnostics + diagnostics
      guard problems.isEmpty else { fatalError("the fuzzing site's catalog has problems: \(problems)") }
      return catalog
    }
  }

  /// A catalog every harness can map to: a service with docs, Kubernetes, source-location and
  /// delivery annotations, its owner, system and an API. It reads no other file.
  public static let catalogYAML = """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: payments-api
      annotations:
        backstage.io/techdocs-ref: dir:.
        backstage.io/kubernetes-id: payments-api
        backstage.io/kubernetes-namespace: payments
        backstage.io/source-location: dir:./src
        backstage.io/source-template: template:default/service
        github.com/project-slug: acme/payments-api
        waymark.dev/cdevents-subject: payments-api,pkg:oci/payments-api
    spec:
      type: service
      lifecycle: production
      owner: group:default/payments
      system: payments
      providesApis: [payments]
    ---
    apiVersion: backstage.io/v1alpha1
    kind: API
    metadata:
      name: payments
    spec:
      type: openapi
      lifecycle: production
      owner: payments
      definition: "openapi: 3.0.0"
    ---
    apiVersion: backstage.io/v1alpha1
    kind: System
    metadata:
      name: payments
    spec:
      owner: payments
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata:
      name: payments
    spec:
      type: team
      children: []
    """
}
