extension MemoHasher {
  /// Adds every entity of `catalog`: its reference, where it is written (and the fetched file's
  /// digest) and its document less the `metadata` fields in `unread`, so a key of what reads the
  /// catalog stays the same when only those fields are edited.
  public mutating func add(_ catalog: Catalog, leavingOutMetadata unread: [String]) {
    add(catalog.entities.count)
    for entity in catalog.entities {
      add(entity.ref.canonical)
      add(entity.source.path)
      add(entity.source.line)
      add(entity.source.fetchedSHA256)
      var document = entity.document
      if case .object(var members) = document, case .object(var metadata)? = members["metadata"] {
        for field in unread { metadata[field] = nil }
        members["metadata"] = .object(metadata)
        document = .object(members)
      }
      add(document)
    }
  }
}
