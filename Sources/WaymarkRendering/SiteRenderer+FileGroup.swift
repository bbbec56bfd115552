import WaymarkModel

extension SiteRenderer {
  /// A site-wide group of output files (`api/catalog.json`, the explorer's shards, …), made
  /// when `make` is called, with the key of what it is made from when the render input has keys:
  /// a group whose key is unchanged is taken from the previous build (`OutputSink.claimGroup`)
  /// without being made.
  package struct FileGroup: Sendable {
    /// The key of everything the group's files are made from (`RenderInput.groupKey`), or nil.
    package var key: MemoKey?
    /// Makes the group's files; given the sink, for a group whose files are keyed one by one.
    package var make: @Sendable (any OutputSink) -> [OutputFile]

    /// A group keyed `key` that `make` makes.
    package init(key: MemoKey?, make: @escaping @Sendable () -> [OutputFile]) {
      self.key = key
      self.make = { _ in make() }
    }

    /// A group whose files `make` keys one by one, claiming them from the sink it is given.
    package init(claimingEach make: @escaping @Sendable (any OutputSink) -> [OutputFile]) {
      self.key = nil
      self.make = make
    }

    /// The group's files: those `sink` claims from the previous build when it holds the group
    /// made from the same key, else made now, each recorded with the key
    /// (`OutputFile.inputs`) when there is one.
    package func files<Sink: OutputSink>(for sink: Sink) -> [OutputFile] {
      guard let key, sink.keysPages else { return make(sink) }
      if let claimed = sink.claimGroup(inputs: key) { return claimed }
      var files = make(sink)
      for index in files.indices { files[index].inputs = key }
      return files
    }
  }
}

extension RenderInput {
  /// The key of the site-wide group of files `name` made from the keys `add` adds (a group
  /// reads nothing but what they key, besides the settings and "now", which every group key
  /// holds); nil when the input has no keys.
  package func groupKey(_ name: String, _ add: (RenderInputKeys, inout MemoHasher) -> Void) -> MemoKey? {
    guard let keys = inputKeys else { return nil }
    var hasher = MemoHasher("output-group")
    hasher.add(name)
    hasher.add(keys.configuration)
    hasher.add(Int(now.millisecondsSinceEpoch))
    add(keys, &hasher)
    return hasher.finish()
  }
}

extension RenderInput {
  /// The input with `docsSiteKeys` made, when it has keys and they are not made yet.
  package func withDocsSiteKeys() -> RenderInput {
    guard inputKeys != nil, docsSiteKeys.count != docs.sites.count else { return self }
    var keyed = self
    keyed.docsSiteKeys = docs.sites.map { site in
      var hasher = MemoHasher("docs-site")
      hasher.add(site)
      return hasher.finish()
    }
    return keyed
  }
}
