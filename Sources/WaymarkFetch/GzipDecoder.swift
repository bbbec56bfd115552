import CZlib

/// Unpacks gzip data (a `.tar.gz` archive) with the system's zlib, handing the output on in
/// pieces so an archive never has to be held unpacked; concatenated gzip members are read in
/// turn, as `gzip -d` does.
package enum GzipDecoder {
  /// Why the data cannot be unpacked.
  package enum Problem: Error, Sendable, Hashable {
    /// Not gzip, or corrupt, or cut short.
    case corrupt
    /// It unpacks to more than the limit.
    case tooLarge(Int)
  }

  /// Unpacks `bytes`, calling `output` with each piece; at most `limit` bytes are produced.
  package static func decode(_ bytes: [UInt8], limit: Int, output: (ArraySlice<UInt8>) throws -> Void) throws {
    guard bytes.count >= 18, bytes[0] == 0x1f, bytes[1] == 0x8b else { throw Problem.corrupt }
    // zlib keeps a pointer back to its stream, so the stream must not move: it lives on the heap.
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    defer { stream.deallocate() }
    // 15 + 16: a gzip header and trailer around a deflate stream with a 32 KiB window.
    guard inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw Problem.corrupt
    }
    defer { inflateEnd(stream) }
    var buffer = [UInt8](repeating: 0, count: 256 << 10)
    var produced = 0
    var input = bytes
    try input.withUnsafeMutableBufferPointer { source in
      stream.pointee.next_in = source.baseAddress
      stream.pointee.avail_in = UInt32(source.count)
      while true {
        let (status, count) = buffer.withUnsafeMutableBufferPointer { target -> (Int32, Int) in
          stream.pointee.next_out = target.baseAddress
          stream.pointee.avail_out = UInt32(target.count)
          let status = inflate(stream, Z_NO_FLUSH)
          return (status, target.count - Int(stream.pointee.avail_out))
        }
        produced += count
        guard produced <= limit else { throw Problem.tooLarge(limit) }
        if count > 0 { try output(buffer[0..<count]) }
        switch status {
        case Z_STREAM_END:
          // Another member may follow; trailing zero padding is not one.
          let rest = Int(stream.pointee.avail_in)
          guard rest > 0, let next = stream.pointee.next_in, next[0] == 0x1f else { return }
          guard inflateReset(stream) == Z_OK else { throw Problem.corrupt }
        case Z_OK:
          continue
        case Z_BUF_ERROR where count > 0:
          continue
        default:
          throw Problem.corrupt
        }
      }
    }
  }
}
