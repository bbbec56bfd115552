import Foundation
import WaymarkModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Names the running Waymark binary by its file (device, inode, size, modification time), so
/// that a cache written by one build of Waymark is never trusted by another built from
/// different sources under the same version number.
public enum ExecutableFingerprint {
  /// The fingerprint of the running executable; a fixed key when it cannot be found.
  public static let current: MemoKey = {
    var hasher = MemoHasher("executable")
    let candidates = ["/proc/self/exe", Bundle.main.executablePath, CommandLine.arguments.first].compactMap { $0 }
    for path in candidates {
      var info = stat()
      guard stat(path, &info) == 0 else { continue }
      hasher.add(UInt64(info.st_dev))
      hasher.add(UInt64(info.st_ino))
      hasher.add(Int(info.st_size))
      #if canImport(Darwin)
        hasher.add(Int(info.st_mtimespec.tv_sec))
        hasher.add(Int(info.st_mtimespec.tv_nsec))
      #else
        hasher.add(Int(info.st_mtim.tv_sec))
        hasher.add(Int(info.st_mtim.tv_nsec))
      #endif
      break
    }
    return hasher.finish()
  }()
}
