import StructuredData

/// Where values start in a JSON text, for locating findings and diagnostics.
///
/// `JSONReader` builds values without positions (that keeps it fast); this is one structural pass
/// over the same bytes that builds no values and records the line and column of every value up to
/// `maximumDepth` path steps deep (`runs[0].results[7]` is four steps), which is all a results
/// file needs.
package struct JSONPositionIndex: Sendable {
  private var positions: [ValuePath: SourcePosition] = [:]

  /// Indexes `bytes`; malformed text is indexed up to the first problem (the reader reports it).
  package init(bytes: [UInt8], maximumDepth: Int) {
    positions = bytes.withUnsafeBufferPointer { Self.scan($0, maximumDepth: maximumDepth) }
  }

  /// Where the value at `path` starts, or its nearest indexed ancestor's start.
  package func position(of path: ValuePath) -> SourcePosition? {
    var components = path.components
    while true {
      if let position = positions[ValuePath(components)] { return position }
      if components.isEmpty { return nil }
      components.removeLast()
    }
  }

  private struct Frame {
    var isArray: Bool
    var index = 0
    var hasKey = false
  }

  private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) -> [ValuePath: SourcePosition] {
    var positions: [ValuePath: SourcePosition] = [:]
    var path: [ValuePath.Component] = []
    var frames: [Frame] = []
    var line = 1
    var lineStart = 0
    var index = 0
    var expectKey = false
    var pendingKey = ""
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }

    func record(_ offset: Int) {
      if path.count <= maximumDepth {
        positions[ValuePath(path)] = SourcePosition(line: line, column: offset - lineStart + 1)
      }
    }
    /// The index just past the string whose opening quote is at `start`.
    func endOfString(from start: Int) -> Int {
      var cursor = start + 1
      while cursor < bytes.count {
        switch bytes[cursor] {
        case UInt8(ascii: "\""): return cursor + 1
        case UInt8(ascii: "\\"): cursor += 2
        default: cursor += 1
        }
      }
      return cursor
    }

    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\n"):
        line += 1
        lineStart = index + 1
        index += 1
      case 0x20, 0x09, 0x0D:
        index += 1
      case UInt8(ascii: "\""):
        let end = endOfString(from: index)
        if expectKey {
          // Only keys that land within `maximumDepth` are ever recorded; deeper ones (most keys
          // of a large results file) are not decoded, which saves a string per member.
          pendingKey =
            path.count < maximumDepth
            ? String(
              decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<max(index + 1, end - 1)]), as: UTF8.self) : ""
          expectKey = false
        } else {
          record(index)
        }
        index = end
      case UInt8(ascii: ":"):
        path.append(.key(pendingKey))
        if !frames.isEmpty { frames[frames.count - 1].hasKey = true }
        index += 1
      case UInt8(ascii: ","):
        if let last = frames.last {
          if last.isArray {
            frames[frames.count - 1].index += 1
            path[path.count - 1] = .index(last.index + 1)
          } else {
            if last.hasKey { path.removeLast() }
            frames[frames.count - 1].hasKey = false
            expectKey = true
          }
        }
        index += 1
      case UInt8(ascii: "{"):
        record(index)
        frames.append(Frame(isArray: false))
        expectKey = true
        index += 1
      case UInt8(ascii: "["):
        record(index)
        frames.append(Frame(isArray: true))
        path.append(.index(0))
        index += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        guard let last = frames.popLast() else { return positions }
        if last.isArray || last.hasKey, !path.isEmpty { path.removeLast() }
        expectKey = false
        index += 1
      default:
        // A number or literal: record its start, then skip to the next delimiter.
        record(index)
        index += 1
        while index < bytes.count {
          switch bytes[index] {
          case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: "\n"), 0x20, 0x09, 0x0D: break
          default:
            index += 1
            continue
          }
          break
        }
      }
    }
    return positions
  }
}
