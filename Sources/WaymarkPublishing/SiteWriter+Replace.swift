import Foundation
import WaymarkLoading
import WaymarkRendering

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension SiteWriter {
  /// Replaces files of the published output in place, each whole: written under a hidden name
  /// of its own beside it, then renamed over it (`waymark serve` showing an edited page before
  /// the whole build publishes). Only files the output already holds as regular files are
  /// replaced, so nothing is added beside the published site; a file is never written through:
  /// published files may be hard links the build cache shares. Returns the files replaced, as
  /// they were.
  @discardableResult
  public func replace(_ files: [OutputFile]) throws(Failure) -> [OutputFile] {
    var replaced: [OutputFile] = []
    for file in files {
      guard RootPath.normalized(file.path) == file.path, RootPath.hiddenSegment(in: file.path) == nil else {
        throw Failure(description: "'\(file.path)' is not a path inside the output")
      }
      let target = output.path + "/" + file.path
      guard let old = Self.readRegularFile(atPath: target) else {
        throw Failure(description: "\(target) is not a published file")
      }
      // A name of its own: two replacements of one file may run at once.
      let folder = (target as NSString).deletingLastPathComponent
      let temporary = folder + "/.waymark-replace-" + UUID().uuidString
      guard Self.writeFile(file.bytes, atPath: temporary), rename(temporary, target) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        throw Failure(description: "cannot replace \(target): \(reason)")
      }
      replaced.append(OutputFile(path: file.path, bytes: old))
    }
    return replaced
  }
}
