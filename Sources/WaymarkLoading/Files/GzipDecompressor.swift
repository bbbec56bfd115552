import CZlib

/// Decompresses gzip files (RFC 1952) held in memory with the system's zlib: one member, or several
/// one after another (`cat a.gz b.gz > c.gz` is a gzip file too).
package enum GzipDecompressor {
  /// Why the bytes could not be decompressed.
  package struct Failure: Error, Equatable {
    package var message: String
  }

  /// The decompressed bytes, or why there are none: not gzip data, corrupt data (with how many
  /// compressed bytes zlib had read when it found the fault), data that ends inside a member, or
  /// more than `limit` decompressed bytes.
  package static func decompress(_ bytes: [UInt8], limit: Int) -> Result<[UInt8], Failure> {
    guard bytes.count >= 2, bytes[0] == 0x1f, bytes[1] == 0x8b else {
      return .failure(Failure(message: "not gzip data (it does not start with the bytes 1f 8b)"))
    }
    // zlib keeps a pointer back to its stream, so the stream must not move: it lives on the heap.
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    defer { stream.deallocate() }
    // Window bits 15 + 16: the largest window, inside a gzip wrapper.
    guard inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      return .failure(Failure(message: "zlib could not be initialised"))
    }
    defer { inflateEnd(stream) }
    var input = bytes
    return input.withUnsafeMutableBufferPointer { source in
      stream.pointee.next_in = source.baseAddress
      stream.pointee.avail_in = UInt32(source.count)
      return inflateAll(stream, total: source.count, limit: limit)
    }
  }

  /// Inflates the stream's whole input, member after member.
  private static func inflateAll(_ stream: UnsafeMutablePointer<z_stream>, total: Int, limit: Int) -> Result<
    [UInt8], Failure
  > {
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    while true {
      let status = buffer.withUnsafeMutableBufferPointer { target in
        stream.pointee.next_out = target.baseAddress
        stream.pointee.avail_out = UInt32(target.count)
        let status = inflate(stream, Z_NO_FLUSH)
        output.append(contentsOf: target[0..<(target.count - Int(stream.pointee.avail_out))])
        return status
      }
      let offset = total - Int(stream.pointee.avail_in)
      guard output.count <= limit else {
        let size = limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
        return .failure(Failure(message: "decompresses to more than \(size)"))
      }
      switch status {
      case Z_STREAM_END:
        if stream.pointee.avail_in == 0 { return .success(output) }
        // Another member follows.
        guard inflateReset(stream) == Z_OK else { return .failure(Failure(message: "zlib could not be reset")) }
      case Z_OK where stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0:
        continue
      case Z_OK, Z_BUF_ERROR:
        return .failure(Failure(message: "the gzip data ends early (after \(total) bytes)"))
      default:
        let reason = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
        return .failure(Failure(message: "corrupt gzip data: \(reason) (found after byte \(offset))"))
      }
    }
  }
}
