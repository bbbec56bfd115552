import CZlib

/// Inflates zlib streams (git's loose objects and pack entries) with the system's zlib.
package enum GitInflater {
  /// The inflated bytes of the zlib stream that `nextChunk` yields piece by piece, or nil when the
  /// stream is corrupt, ends early, or would inflate past `limit` bytes.
  ///
  /// Bytes after the end of the stream (the next pack entry) are ignored.
  package static func inflate(limit: Int, nextChunk: () -> [UInt8]?) -> [UInt8]? {
    // zlib keeps a pointer back to its stream, so the stream must not move: it lives on the heap.
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    defer { stream.deallocate() }
    guard inflateInit_(stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
    defer { inflateEnd(stream) }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    while let chunk = nextChunk(), !chunk.isEmpty {
      var input = chunk
      let status: Int32 = input.withUnsafeMutableBufferPointer { source in
        stream.pointee.next_in = source.baseAddress
        stream.pointee.avail_in = UInt32(source.count)
        var status = Z_OK
        repeat {
          status = buffer.withUnsafeMutableBufferPointer { target in
            stream.pointee.next_out = target.baseAddress
            stream.pointee.avail_out = UInt32(target.count)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            output.append(contentsOf: target[0..<(target.count - Int(stream.pointee.avail_out))])
            return status
          }
        } while status == Z_OK && stream.pointee.avail_out == 0 && output.count <= limit
        return status
      }
      if status == Z_STREAM_END { return output.count <= limit ? output : nil }
      guard status == Z_OK || status == Z_BUF_ERROR, output.count <= limit else { return nil }
    }
    return nil
  }

  /// The inflated bytes of a whole zlib stream held in memory.
  package static func inflate(_ bytes: [UInt8], limit: Int) -> [UInt8]? {
    var given = false
    return inflate(limit: limit) {
      defer { given = true }
      return given ? nil : bytes
    }
  }
}
