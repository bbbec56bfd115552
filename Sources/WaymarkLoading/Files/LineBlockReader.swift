import Crypto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file in blocks that end at a line break, hashing every byte on the way.
///
/// Each block is read straight into the array handed to a decoding task (one allocation, no
/// intermediate `Data`); the partial line after the last break is carried into the next block.
package struct LineBlockReader {
  package let descriptor: Int32
  package let blockBytes: Int
  /// The SHA-256 of everything read so far.
  package private(set) var hasher = SHA256()
  /// How many bytes were read.
  package private(set) var byteCount = 0
  /// Whether a read failed (the file then counts as unreadable).
  package private(set) var failed = false
  private var carry: [UInt8] = []

  package init(descriptor: Int32, blockBytes: Int) {
    self.descriptor = descriptor
    self.blockBytes = blockBytes
  }

  /// The next block: whole lines (the file's last line may lack its break) or, with
  /// `wholeLines` false, whatever was read; nil at the end of the file.
  package mutating func next(wholeLines: Bool = true) -> [UInt8]? {
    while true {
      let kept = carry
      // A line longer than a block grows the read geometrically, so a 200 MB line costs a few
      // copies of itself rather than one copy of the carried part per block (quadratic).
      let want = max(blockBytes, kept.count)
      let descriptor = descriptor
      var got = 0
      var block = [UInt8](unsafeUninitializedCapacity: kept.count + want) { buffer, count in
        guard let base = buffer.baseAddress else {
          count = 0
          return
        }
        kept.withUnsafeBufferPointer { old in
          if let source = old.baseAddress { base.update(from: source, count: old.count) }
        }
        repeat { got = read(descriptor, base + kept.count, want) } while got < 0 && errno == EINTR
        count = kept.count + max(0, got)
      }
      if got < 0 { failed = true }
      if got > 0 {
        block[kept.count...].withUnsafeBytes { hasher.update(bufferPointer: $0) }
        byteCount += got
      }
      carry = []
      if got <= 0 { return block.isEmpty ? nil : block }
      if !wholeLines { return block }
      guard let cut = block.lastIndex(of: 0x0A) else {
        carry = block
        continue
      }
      carry = Array(block[(cut + 1)...])
      block.removeSubrange((cut + 1)...)
      return block
    }
  }
}
