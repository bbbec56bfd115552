#if canImport(Glibc)
  import Glibc
#endif

/// Gives the memory the allocator holds free back to the system.
///
/// glibc's allocator keeps what a program frees in its arenas, interleaved with what is still in
/// use, so a build's resident size would stay at the largest its heap ever was, and grow further
/// as later phases allocate around the holes. The build calls this where much has just been
/// freed (the events once the metrics are made, every few page batches); elsewhere it does nothing.
package enum HeapTrim {
  #if canImport(Glibc)
    /// `malloc_trim`, which the Glibc module does not declare, looked up once in the C library.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
      guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
      return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
  #endif

  /// Returns the free pages of every arena to the system.
  package static func returnFreeMemory() {
    #if canImport(Glibc)
      _ = mallocTrim?(0)
    #endif
  }
}
