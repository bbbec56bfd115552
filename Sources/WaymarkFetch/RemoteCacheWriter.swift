import Foundation
import WaymarkLoading
import WaymarkModel

/// The one place that writes remote inputs to disk: each fetched file into
/// `.waymark/cache/<sha256>` and the lock into `waymark.lock`. Kept apart from loading (which
/// only reads) so the build can never write the cache: only `waymark fetch` links this.
package struct RemoteCacheWriter: Sendable {
  /// The site root.
  package let root: URL

  /// Creates a writer.
  package init(root: URL) {
    self.root = root.standardizedFileURL
  }

  /// Stores `bytes` under `digest`, their SHA-256; a file already there is left alone.
  package func store(_ bytes: [UInt8], digest: String) throws {
    guard RemoteLock.isDigest(digest) else { throw CocoaError(.fileWriteInvalidFileName) }
    let file = RemoteCache.cacheFile(digest, root: root)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    if SourceFile(path: digest, bytes: (try? Array(Data(contentsOf: file))) ?? []).sha256 == digest { return }
    try Data(bytes).write(to: file, options: .atomic)
  }

  /// Writes `lock` as `waymark.lock`, unless the file already holds exactly that text, or there
  /// is no file and nothing to lock (a site naming no URL gets no lock).
  package func write(_ lock: RemoteLock) throws {
    let file = root.appendingPathComponent(RemoteLock.fileName)
    if lock.entries.isEmpty, !FileManager.default.fileExists(atPath: file.path) { return }
    let text = Data(lock.text().utf8)
    if (try? Data(contentsOf: file)) == text { return }
    try text.write(to: file, options: .atomic)
  }
}
