/// One entry of a tar archive, as its headers describe it.
package struct TarEntry: Sendable, Hashable {
  /// What an entry is.
  package enum Kind: Sendable, Hashable {
    /// A regular file.
    case file
    /// A folder.
    case directory
    /// A symbolic link to the target written in it.
    case symbolicLink(String)
    /// A hard link to an earlier entry, by its path in the archive.
    case hardLink(String)
  }

  /// The path, relative, `/`-separated, with `.` segments and a trailing `/` removed.
  package var path: String
  /// What it is.
  package var kind: Kind
  /// The number of data bytes.
  package var size: Int
}

/// Why an archive is refused; nothing of it is used.
package struct TarProblem: Error, Sendable, Hashable {
  /// What is wrong, a sentence fragment (`holds the absolute path '/etc/passwd'`).
  package var message: String
  /// Whether the archive is refused for a size or count limit rather than for what it holds.
  package var exceedsLimit: Bool

  /// Creates a problem.
  package init(message: String, exceedsLimit: Bool = false) {
    self.message = message
    self.exceedsLimit = exceedsLimit
  }
}

/// Reads a tar stream piece by piece: POSIX ustar and pax (`x`, `g`) headers and GNU long names
/// (`L`, `K`), as `git archive` (GitHub's and GitLab's archive endpoints) writes them.
///
/// Untrusted archives are read defensively: an absolute path, a `..` segment, a device, FIFO or
/// any other special entry, a bad header checksum, a truncated stream or a header over its limit
/// refuses the whole archive. Only the data of entries `keep` selects is held in memory, each
/// at most `maximumEntryBytes` and all at most `maximumKeptBytes`.
package struct TarReader {
  /// Limits on what is kept.
  package struct Limits: Sendable {
    /// The most bytes one kept entry may have.
    package var maximumEntryBytes: Int
    /// The most bytes all kept entries may have together.
    package var maximumKeptBytes: Int
    /// The most entries kept.
    package var maximumKeptEntries: Int

    /// Creates limits.
    package init(maximumEntryBytes: Int, maximumKeptBytes: Int, maximumKeptEntries: Int) {
      self.maximumEntryBytes = maximumEntryBytes
      self.maximumKeptBytes = maximumKeptBytes
      self.maximumKeptEntries = maximumKeptEntries
    }
  }

  /// Every entry's header in archive order (folders included), and the data of those kept.
  package private(set) var entries: [TarEntry] = []
  /// The data of the kept entries, by index into `entries`.
  package private(set) var data: [Int: [UInt8]] = [:]

  private let limits: Limits
  private let keep: (TarEntry) -> Bool
  private var pending: [UInt8] = []
  private var state = State.header
  private var extended: [String: String] = [:]
  private var keptBytes = 0
  private var zeroBlocks = 0

  private enum State {
    case header
    /// The data of entry `index` (nil when skipped): `remaining` bytes, then `padding`.
    case data(index: Int?, remaining: Int, padding: Int)
    /// A pax (`x`, `g`) or GNU long-name (`L`, `K`) header's data, collected whole.
    case meta(type: UInt8, remaining: Int, padding: Int, collected: [UInt8])
    case end
  }

  /// The most bytes a pax or long-name header may hold.
  private static let maximumMetaBytes = 1 << 20
  private static let block = 512

  /// Creates a reader keeping the data of the entries `keep` selects.
  package init(limits: Limits, keep: @escaping (TarEntry) -> Bool) {
    self.limits = limits
    self.keep = keep
  }

  /// Reads a whole archive held in memory, keeping every file's data.
  package static func read(_ bytes: [UInt8], limits: Limits) -> Result<TarReader, TarProblem> {
    var reader = TarReader(limits: limits) { $0.kind == .file }
    do {
      try reader.consume(bytes[...])
      try reader.finish()
    } catch let problem as TarProblem {
      return .failure(problem)
    } catch {
      return .failure(TarProblem(message: "cannot be read"))
    }
    return .success(reader)
  }

  /// Reads the next piece of the stream.
  package mutating func consume(_ chunk: ArraySlice<UInt8>) throws {
    var input = chunk
    while !input.isEmpty {
      switch state {
      case .end:
        return
      case .header:
        let needed = Self.block - pending.count
        pending += input.prefix(needed)
        input = input.dropFirst(min(needed, input.count))
        guard pending.count == Self.block else { return }
        let header = pending
        pending = []
        try readHeader(header)
      case .data(let index, let remaining, let padding):
        let take = min(remaining, input.count)
        if let index, take > 0 { data[index, default: []] += input.prefix(take) }
        input = input.dropFirst(take)
        let skip = min(padding, input.count)
        input = input.dropFirst(skip)
        if remaining - take == 0 && padding - skip == 0 {
          state = .header
        } else {
          state = .data(index: index, remaining: remaining - take, padding: padding - skip)
        }
      case .meta(let type, let remaining, let padding, var collected):
        let take = min(remaining, input.count)
        collected += input.prefix(take)
        input = input.dropFirst(take)
        let skip = min(padding, input.count)
        input = input.dropFirst(skip)
        if remaining - take == 0 && padding - skip == 0 {
          state = .header
          try readMeta(type, collected)
        } else {
          state = .meta(type: type, remaining: remaining - take, padding: padding - skip, collected: collected)
        }
      }
    }
  }

  /// Ends the stream: an archive cut short is refused.
  package mutating func finish() throws {
    switch state {
    case .end: return
    case .header where pending.isEmpty && (zeroBlocks > 0 || !entries.isEmpty): return
    default: throw TarProblem(message: "ends in the middle of an entry")
    }
  }

  private mutating func readHeader(_ header: [UInt8]) throws {
    if header.allSatisfy({ $0 == 0 }) {
      zeroBlocks += 1
      if zeroBlocks == 2 { state = .end }
      return
    }
    zeroBlocks = 0
    guard Self.checksumMatches(header) else { throw TarProblem(message: "has a header whose checksum is wrong") }
    let type = header[156]
    let size = try Self.number(header[124..<136])
    let padding = (Self.block - size % Self.block) % Self.block
    switch type {
    case UInt8(ascii: "x"), UInt8(ascii: "g"), UInt8(ascii: "L"), UInt8(ascii: "K"):
      guard size <= Self.maximumMetaBytes else { throw TarProblem(message: "has an extended header over 1 MiB") }
      state = .meta(type: type, remaining: size, padding: padding, collected: [])
      return
    default:
      break
    }
    let ustar = Array(header[257..<263]) == Array("ustar\0".utf8)
    let paxPath = extended["path"]
    var name = paxPath ?? Self.text(header[0..<100])
    if paxPath == nil, ustar {
      let prefix = Self.text(header[345..<500])
      if !prefix.isEmpty { name = prefix + "/" + name }
    }
    let linkName = extended["linkpath"] ?? Self.text(header[157..<257])
    var entrySize = size
    if let text = extended["size"] {
      guard let value = Int(text), value >= 0 else { throw TarProblem(message: "has a pax size that is not a number") }
      entrySize = value
    }
    extended = [:]
    let kind = try Self.kind(type, name: name, linkName: linkName)
    let path = try Self.safePath(name, entry: name)
    try begin(TarEntry(path: path, kind: kind, size: kind == .file ? entrySize : 0), stored: entrySize)
  }

  /// What a header's type flag makes of an entry, or why it is refused.
  private static func kind(_ type: UInt8, name: String, linkName: String) throws -> TarEntry.Kind {
    switch type {
    case UInt8(ascii: "0"), 0, UInt8(ascii: "7"): return .file
    case UInt8(ascii: "5"): return .directory
    case UInt8(ascii: "2"): return .symbolicLink(linkName)
    case UInt8(ascii: "1"): return .hardLink(try safePath(linkName, entry: name))
    case UInt8(ascii: "3"), UInt8(ascii: "4"): throw TarProblem(message: "holds the device file '\(name)'")
    case UInt8(ascii: "6"): throw TarProblem(message: "holds the FIFO '\(name)'")
    default: throw TarProblem(message: "holds '\(name)', an entry of the unsupported type '\(printable(type))'")
    }
  }

  /// Records `entry` and reads its `stored` data bytes next, kept when `keep` selects it.
  private mutating func begin(_ entry: TarEntry, stored: Int) throws {
    entries.append(entry)
    var index: Int?
    if entry.kind == .file, !entry.path.isEmpty, keep(entry) {
      keptBytes += entry.size
      guard entry.size <= limits.maximumEntryBytes else {
        throw TarProblem(
          message: "holds '\(entry.path)', over the \(Self.sizeText(limits.maximumEntryBytes)) limit for one file",
          exceedsLimit: true)
      }
      guard keptBytes <= limits.maximumKeptBytes else {
        throw TarProblem(
          message: "holds over \(Self.sizeText(limits.maximumKeptBytes)) of files to keep", exceedsLimit: true)
      }
      guard data.count < limits.maximumKeptEntries else {
        throw TarProblem(
          message: "holds more files to keep than the limit of \(limits.maximumKeptEntries)", exceedsLimit: true)
      }
      index = entries.count - 1
      data[entries.count - 1] = []
      data[entries.count - 1]?.reserveCapacity(entry.size)
    }
    // Links and folders carry no data, though a header may say otherwise (pax `size`): skip it.
    let padding = (Self.block - stored % Self.block) % Self.block
    state = stored == 0 && padding == 0 ? .header : .data(index: index, remaining: stored, padding: padding)
  }

  private mutating func readMeta(_ type: UInt8, _ bytes: [UInt8]) throws {
    switch type {
    case UInt8(ascii: "L"): extended["path"] = Self.text(bytes[...])
    case UInt8(ascii: "K"): extended["linkpath"] = Self.text(bytes[...])
    case UInt8(ascii: "x"): extended.merge(try Self.paxRecords(bytes)) { _, new in new }
    default: _ = try Self.paxRecords(bytes)  // a global header (git's commit id): checked, not used
    }
  }

  /// The `<length> <key>=<value>\n` records of a pax header.
  private static func paxRecords(_ bytes: [UInt8]) throws -> [String: String] {
    var records: [String: String] = [:]
    var start = 0
    while start < bytes.count {
      guard let space = bytes[start...].firstIndex(of: UInt8(ascii: " ")),
        let length = Int(String(decoding: bytes[start..<space], as: UTF8.self)), length > space - start,
        start + length <= bytes.count, bytes[start + length - 1] == UInt8(ascii: "\n"),
        let equals = bytes[(space + 1)..<(start + length)].firstIndex(of: UInt8(ascii: "="))
      else { throw TarProblem(message: "has a malformed pax header") }
      let key = String(decoding: bytes[(space + 1)..<equals], as: UTF8.self)
      records[key] = String(decoding: bytes[(equals + 1)..<(start + length - 1)], as: UTF8.self)
      start += length
    }
    return records
  }

  /// `name` as a relative path, or why it is refused.
  private static func safePath(_ name: String, entry: String) throws -> String {
    guard !name.hasPrefix("/"), !name.contains("\0"), !name.contains("\\") else {
      throw TarProblem(message: "holds the absolute or malformed path '\(entry)'")
    }
    var parts: [Substring] = []
    for part in name.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
      guard part != ".." else { throw TarProblem(message: "holds the path '\(entry)', which climbs out with '..'") }
      parts.append(part)
    }
    return parts.joined(separator: "/")
  }

  private static func checksumMatches(_ header: [UInt8]) -> Bool {
    var sum = 0
    for (index, byte) in header.enumerated() { sum += (148..<156).contains(index) ? 32 : Int(byte) }
    guard let written = try? number(header[148..<156]) else { return false }
    return written == sum
  }

  /// An octal field (NUL- or space-terminated), or a base-256 one (high bit set).
  private static func number(_ field: ArraySlice<UInt8>) throws -> Int {
    if let first = field.first, first & 0x80 != 0 {
      var value = Int(first & 0x7f)
      for byte in field.dropFirst() {
        guard value < (1 << 48) else { throw TarProblem(message: "has a size too large to read") }
        value = value << 8 | Int(byte)
      }
      return value
    }
    var value = 0
    var digits = 0
    for byte in field {
      if byte == 0 || byte == UInt8(ascii: " ") {
        if digits > 0 { break }
        continue
      }
      guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(byte) else {
        throw TarProblem(message: "has a header with a malformed number")
      }
      value = value * 8 + Int(byte - UInt8(ascii: "0"))
      digits += 1
    }
    return value
  }

  private static func text(_ field: ArraySlice<UInt8>) -> String {
    String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
  }

  private static func printable(_ type: UInt8) -> String {
    (33...126).contains(type) ? String(UnicodeScalar(type)) : "\\(\(type))"
  }

  static func sizeText(_ bytes: Int) -> String {
    bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
  }
}
