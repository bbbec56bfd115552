import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Exchanges two directories in one atomic step, so that no instant exists at which either
/// name is missing or half-replaced.
///
/// `rename(2)` cannot replace a non-empty directory, and moving the old one aside first leaves
/// a moment without any output. Linux (3.15+, glibc 2.28+) has `renameat2(…, RENAME_EXCHANGE)`
/// and Darwin `renamex_np(…, RENAME_SWAP)`; glibc's Swift module does not declare `renameat2`,
/// so it is looked up by name at run time.
package enum DirectoryExchange {
  /// Why an exchange did not happen: `unsupported` when the system or file system cannot do
  /// it (the caller falls back), else the `errno` of the failure.
  package enum Failure: Error, Equatable {
    case unsupported
    case failed(Int32)
  }

  /// Atomically swaps what `first` and `second` name; both must exist on the same file system.
  package static func exchange(_ first: String, _ second: String) -> Result<Void, Failure> {
    #if os(Linux)
      guard let exchange = lookUpRenameAt2() else { return .failure(.unsupported) }
      if exchange(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 { return .success(()) }
    #elseif canImport(Darwin)
      if renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 { return .success(()) }
    #else
      return .failure(.unsupported)
    #endif
    let code = errno
    return .failure([EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP].contains(code) ? .unsupported : .failed(code))
  }

  #if os(Linux)
    private typealias RenameAt2 =
      @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
    private static let renameExchange: UInt32 = 1 << 1
    /// glibc's `renameat2`, or nil before glibc 2.28 (looked up per call: once per publish).
    private static func lookUpRenameAt2() -> RenameAt2? {
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
      return unsafeBitCast(symbol, to: RenameAt2.self)
    }
  #endif
}
