extension DiagnosticList {
  /// These diagnostics with locations expressed as files of the repository checkout, for GitHub
  /// annotations: a path inside the site root gets `rootPrefix` (the root's folder relative to the
  /// checkout, "" when the root is the checkout), so the annotation lands on the pull request's
  /// file; an absolute path (a baseline folder, outside the checkout) is no file of the pull
  /// request, so it is moved into the message and the annotation stays unanchored.
  public func anchored(inWorkspace rootPrefix: String) -> DiagnosticList {
    let prefix =
      rootPrefix.isEmpty || rootPrefix == "." ? "" : (rootPrefix.hasSuffix("/") ? rootPrefix : rootPrefix + "/")
    func anchor(_ location: SourceLocation?) -> SourceLocation? {
      guard var location, !location.path.hasPrefix("/") else { return nil }
      location.path = prefix + location.path
      return location
    }
    return DiagnosticList(
      items.map { diagnostic in
        var anchored = diagnostic
        anchored.location = anchor(diagnostic.location)
        if let location = diagnostic.location, anchored.location == nil {
          anchored.message = "\(location): \(diagnostic.message)"
        }
        anchored.notes = diagnostic.notes.map { note in
          DiagnosticNote(note.message, at: anchor(note.location) ?? note.location)
        }
        return anchored
      })
  }
}
