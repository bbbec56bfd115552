#if canImport(Glibc)
  import Foundation
  import Glibc

  /// The folders inotify watches, by watch descriptor, and what each event means as a path.
  struct InotifyFolderTable: Sendable {
    let descriptor: Int32
    let scope: WatchScope
    private(set) var folders: [Int32: String] = [:]

    static let mask = UInt32(
      IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_DELETE_SELF
        | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK)

    init(descriptor: Int32, scope: WatchScope) {
      self.descriptor = descriptor
      self.scope = scope
    }

    /// Watches the root-relative folder `path` and every folder below it that is in scope; a
    /// folder that vanished or cannot be read is skipped, running out of watches throws.
    mutating func watchTree(_ path: String) throws(WatchFailure) {
      guard path.isEmpty || scope.matters(path) else { return }
      let absolute = scope.absolute(path)
      let watch = inotify_add_watch(descriptor, absolute, Self.mask)
      if watch < 0 {
        if errno == ENOSPC || errno == ENOMEM {
          throw WatchFailure(
            "cannot watch \(absolute): the inotify watch limit is reached (fs.inotify.max_user_watches)")
        }
        return
      }
      folders[watch] = path
      let names = (try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []
      for name in names.sorted() where !name.hasPrefix(".") {
        let child = path.isEmpty ? name : path + "/" + name
        var info = stat()
        if lstat(scope.absolute(child), &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
          try watchTree(child)
        }
      }
    }

    /// The root-relative path `event` changed, after updating the table (a new folder is watched, a
    /// removed one forgotten); nil for events that change nothing. An overflow (events lost)
    /// gives `""`: anything may have changed, and every folder is watched again.
    mutating func apply(_ event: InotifyEvent) -> String? {
      if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
        try? watchTree("")
        return ""
      }
      if event.mask & UInt32(IN_IGNORED) != 0 {
        folders[event.watch] = nil
        return nil
      }
      guard let folder = folders[event.watch] else { return nil }
      let path = event.name.isEmpty ? folder : folder.isEmpty ? event.name : folder + "/" + event.name
      let appeared = UInt32(IN_CREATE | IN_MOVED_TO)
      if event.mask & UInt32(IN_ISDIR) != 0, event.mask & appeared != 0 {
        // Files written into it before its watch was added are covered: the folder counts as changed.
        try? watchTree(path)
      }
      return path
    }
  }

  /// One inotify event, read from the bytes `read` returned.
  struct InotifyEvent: Sendable, Equatable {
    var watch: Int32
    var mask: UInt32
    var name: String

    /// The events in `bytes` (`struct inotify_event`: wd, mask, cookie, len, then a NUL-padded name).
    static func parse(_ bytes: ArraySlice<UInt8>) -> [InotifyEvent] {
      var events: [InotifyEvent] = []
      let header = 16
      bytes.withUnsafeBytes { raw in
        var position = 0
        while position + header <= raw.count {
          let watch = raw.loadUnaligned(fromByteOffset: position, as: Int32.self)
          let mask = raw.loadUnaligned(fromByteOffset: position + 4, as: UInt32.self)
          let length = Int(raw.loadUnaligned(fromByteOffset: position + 12, as: UInt32.self))
          let end = min(position + header + length, raw.count)
          let name = raw[(position + header)..<end].prefix { $0 != 0 }
          events.append(InotifyEvent(watch: watch, mask: mask, name: String(decoding: name, as: UTF8.self)))
          position = end
        }
      }
      return events
    }
  }
#endif
