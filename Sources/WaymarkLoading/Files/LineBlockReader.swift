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
/// A line longer than `maximumLineBytes` is not kept: once it passes the limit its start is
/// dropped and the rest is read (and hashed) a block at a time up to its line break, so one
/// line of gigabytes costs `maximumLineBytes` of memory, and is reported by its length.
package struct LineBlockReader {
  /// What `next()` gives.
  package enum Block: Equatable {
    /// Whole lines (the file's last line may lack its break).
    case lines([UInt8])
    /// One line longer than `maximumLineBytes`, read but not kept: its length in bytes
    /// without its line break (`\n` or `\r\n`).
    case overlongLine(byteCount: Int)
  }

  package let descriptor: Int32
  package let blockBytes: Int
  /// The longest line kept whole.
  package let maximumLineBytes: Int
  /// The SHA-256 of everything read so far.
  package private(set) var hasher = SHA256()
  /// How many bytes were read.
  package private(set) var byteCount = 0
  /// Whether a read failed (the file then counts as unreadable).
  package private(set) var failed = false
  /// The largest buffer filled so far (a carried partial line and what was read after it).
  package private(set) var peakBufferBytes = 0
  private var carry: [UInt8] = []
  /// Whether `carry` is the start of a line (no break in it), not a peeked block.
  private var carryIsPartialLine = false
  /// While the rest of an over-long line is being skipped: its length so far.
  private var skipped: Int?
  /// Whether the skipped part so far ends in a carriage return (which a `\n` may follow).
  private var skippedEndsInReturn = false

  package init(descriptor: Int32, blockBytes: Int, maximumLineBytes: Int = .max) {
    self.descriptor = descriptor
    self.blockBytes = blockBytes
    self.maximumLineBytes = max(1, maximumLineBytes)
  }

  /// The file's first block, not consumed: the next call to `next` or `nextRaw` gives it again.
  package mutating func peek() -> [UInt8] {
    if carry.isEmpty, skipped == nil, byteCount == 0 {
      let (block, _) = fill(after: [], want: blockBytes)
      carry = block
      carryIsPartialLine = false
    }
    return carry
  }

  /// The next block as read, whatever its lines (for a document read whole); nil at the end.
  package mutating func nextRaw() -> [UInt8]? {
    let kept = carry
    carry = []
    let (block, got) = fill(after: kept, want: blockBytes)
    return got <= 0 && block.isEmpty ? nil : block
  }

  /// The next block of whole lines, or one over-long line; nil at the end of the file.
  package mutating func next() -> Block? {
    while true {
      if let length = skipped {
        if let done = skipRest(of: length) { return done }
        continue
      }
      let kept = carry
      // A line longer than a block grows the read geometrically, so a long line costs a few
      // copies of itself rather than one copy of the carried part per block (quadratic); the
      // read stops one byte past the limit, where the line is known to be over-long.
      let room = maximumLineBytes == .max ? Int.max : maximumLineBytes + 1 - kept.count
      var (block, got) = fill(after: kept, want: max(1, min(max(blockBytes, kept.count), room)))
      carry = []
      if got <= 0 { return block.isEmpty ? nil : .lines(block) }
      // A carried partial line holds no line break; only the bytes just read need searching.
      guard let cut = block[(carryIsPartialLine ? kept.count : 0)...].lastIndex(of: 0x0A) else {
        if block.count > maximumLineBytes {
          startSkipping(block)
        } else {
          carry = block
          carryIsPartialLine = true
        }
        continue
      }
      carry = Array(block[(cut + 1)...])
      carryIsPartialLine = true
      block.removeSubrange((cut + 1)...)
      if carry.count > maximumLineBytes {
        startSkipping(carry)
        carry = []
      }
      return .lines(block)
    }
  }

  /// Drops the kept start of an over-long line; its rest is skipped by `skipRest`.
  private mutating func startSkipping(_ start: [UInt8]) {
    skipped = start.count
    skippedEndsInReturn = start.last == 0x0D
  }

  /// Reads one more block of an over-long line `length` bytes long so far: the line once its
  /// break (or the end of the file) is reached, else nil (and the line is longer).
  private mutating func skipRest(of length: Int) -> Block? {
    let (block, got) = fill(after: [], want: blockBytes)
    guard got > 0, let cut = block.firstIndex(of: 0x0A) else {
      if got <= 0 {
        skipped = nil
        return .overlongLine(byteCount: length - (skippedEndsInReturn ? 1 : 0))
      }
      skipped = length + block.count
      skippedEndsInReturn = block.last == 0x0D
      return nil
    }
    let endsInReturn = cut > 0 ? block[cut - 1] == 0x0D : skippedEndsInReturn
    skipped = nil
    carry = Array(block[(cut + 1)...])
    carryIsPartialLine = true
    return .overlongLine(byteCount: length + cut - (endsInReturn ? 1 : 0))
  }

  /// `kept` followed by up to `want` bytes read from the file, and how many were read
  /// (0 at the end of the file, negative after a failure).
  private mutating func fill(after kept: [UInt8], want: Int) -> (block: [UInt8], got: Int) {
    let descriptor = descriptor
    var got = 0
    peakBufferBytes = max(peakBufferBytes, kept.count + want)
    let block = [UInt8](unsafeUninitializedCapacity: kept.count + want) { buffer, count in
      guard let base = buffer.baseAddress else {
        count = 0
        return
      }
      kept.withUnsafeBufferPointer { old in
        if let source = old.baseAddress { base.update(from: source, count: old.count) }
      }
      repeat { got = systemRead(descriptor, base + kept.count, want) } while got < 0 && errno == EINTR
      count = kept.count + max(0, got)
    }
    if got < 0 { failed = true }
    if got > 0 {
      block[kept.count...].withUnsafeBytes { hasher.update(bufferPointer: $0) }
      byteCount += got
    }
    return (block, got)
  }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
