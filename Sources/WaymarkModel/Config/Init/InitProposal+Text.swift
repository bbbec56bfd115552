extension InitProposal {
  /// The proposed `waymark.yaml`, a `#` comment above each choice saying what it is based on.
  public var yaml: String {
    var lines = [
      // Editors with the YAML language server complete and check keys once a build has written it.
      "# yaml-language-server: $schema=output/api/schema/waymark-config.schema.json",
      "# Written by `waymark init` from what it found in this repository; edit freely.",
      "# Every key is described in docs/manual/configuration.md; `waymark check` validates this file.",
      "",
      "inputs:",
    ]
    let catalogCount = scan.catalogFiles.count
    let targets = scan.catalogFiles.filter(\.isLocationTarget).count
    var catalogComment =
      "Catalog YAML: \(Self.count(catalogCount, "file")), "
      + "\(Self.count(scan.defined.count, "entity", plural: "entities")) (\(Self.tally(kindCounts)))."
    if targets > 0 {
      let verb = targets == 1 ? "is" : "are"
      catalogComment += " \(Self.count(targets, "file")) a Location names \(verb) read through it."
    }
    lines += Self.wrap(catalogComment, indent: "  # ") + Self.list("catalog", catalogGlobs)
    lines +=
      Self.wrap("Event exports: \(Self.summary(scan.eventFiles, noun: "file")).", indent: "  # ")
      + Self.list("events", eventGlobs)
    lines +=
      Self.wrap("Policy results: \(Self.summary(scan.policyResultFiles, noun: "file")).", indent: "  # ")
      + Self.list("policyResults", policyResultGlobs)
    if !excludes.isEmpty {
      lines +=
        Self.wrap(
          "Template skeletons (the url of fetch:template, fetch:plain, … steps): copied into new repositories, "
            + "they are not this catalog.", indent: "  # ") + Self.list("exclude", excludes)
    }
    lines += ["", "catalog:"]
    if external.isEmpty {
      lines.append("  # Every referenced entity is defined in this repository.")
    } else {
      lines.append("  # Referenced but defined outside this repository (an identity provider, another catalog):")
      for pattern in external {
        let covered = references(coveredBy: pattern)
        let names = Set(covered.compactMap { $0.ref?.canonical }).count
        let fields = Set(covered.map(\.field)).sorted().joined(separator: ", ")
        lines.append("  #   \(pattern): \(Self.count(names, "entity", plural: "entities")) named in \(fields)")
      }
    }
    lines += Self.list("external", external)
    lines += commentsOnly
    return lines.joined(separator: "\n") + "\n"
  }

  /// Findings that are not settings: docs sites, unfetched URLs, references to fix.
  private var commentsOnly: [String] {
    var lines: [String] = []
    if !scan.docsSites.isEmpty || !scan.remoteDocs.isEmpty {
      lines += ["", "# Docs are found through each entity's backstage.io/techdocs-ref annotation, not a glob."]
      lines += scan.docsSites.map { "#   MkDocs site: \($0)" }
      lines += scan.remoteDocs.map { "#   Fetched by `waymark fetch` (a URL): \($0)" }
    }
    if !scan.remoteLocations.isEmpty {
      lines += [
        "", "# Location targets that are URLs: `waymark fetch` downloads them into waymark.lock (commit it)",
        "# and .waymark/cache/ (git-ignored), and builds read them from there:",
      ]
      lines += scan.remoteLocations.map { "#   \($0)" }
    }
    if !unusableReferences.isEmpty {
      lines += ["", "# References that name no catalog entity (write them as user:NAME or group:NAME):"]
      lines += unusableReferences.map { "#   \($0.path): \($0.field) '\($0.text)'" }
    }
    return lines
  }

  /// What `waymark init` prints: what it found and what it chose.
  public var summary: String {
    var lines = ["Scanned \(Self.count(scan.files.count, "file"))."]
    lines.append(
      "Catalog: \(Self.count(scan.catalogFiles.count, "file")), "
        + "\(Self.count(scan.defined.count, "entity", plural: "entities")) (\(Self.tally(kindCounts)))")
    let targets = scan.catalogFiles.filter(\.isLocationTarget).count
    if targets > 0 { lines.append("  \(Self.count(targets, "file")) reached through Location entities") }
    lines.append("  inputs.catalog: \(Self.inline(catalogGlobs))")
    if !excludes.isEmpty { lines.append("Template skeletons: inputs.exclude: \(Self.inline(excludes))") }
    lines.append("Docs: \(Self.count(scan.docsSites.count, "MkDocs site")), \(scan.remoteDocs.count) techdocs-ref URLs")
    lines.append("Events: \(Self.summary(scan.eventFiles, noun: "export")); inputs.events: \(Self.inline(eventGlobs))")
    lines.append(
      "Policy results: \(Self.summary(scan.policyResultFiles, noun: "file")); "
        + "inputs.policyResults: \(Self.inline(policyResultGlobs))")
    let undefined = Set(
      scan.references.compactMap(\.ref).filter { !scan.defined.contains($0) && !$0.name.contains("@") })
    lines.append(
      "Referenced, not defined: \(Self.count(undefined.count, "entity", plural: "entities")); "
        + "catalog.external: \(Self.inline(external))")
    if !unusableReferences.isEmpty {
      lines.append("References naming no entity: \(unusableReferences.count) (listed in waymark.yaml)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Defined entities per kind, kinds as first written (sorted).
  var kindCounts: [String: Int] {
    var counts: [String: Int] = [:]
    var spelling: [String: String] = [:]
    for ref in scan.defined.sorted() {
      let key = ref.kind.lowercased()
      spelling[key] = spelling[key] ?? ref.kind
      counts[spelling[key]!, default: 0] += 1
    }
    return counts
  }

  static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
    "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
  }

  static func tally(_ counts: [String: Int]) -> String {
    counts.isEmpty ? "none" : counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
  }

  static func summary(_ files: [String: String], noun: String) -> String {
    guard !files.isEmpty else { return "none found" }
    var formats: [String: Int] = [:]
    for format in files.values { formats[format, default: 0] += 1 }
    return "\(count(files.count, noun)) (\(tally(formats)))"
  }

  static func inline(_ globs: [String]) -> String {
    globs.isEmpty ? "none" : globs.joined(separator: ", ")
  }

  /// `key: []`, or `key:` and one quoted item per line (a glob may start with `*`, a YAML alias).
  static func list(_ key: String, _ items: [String]) -> [String] {
    guard !items.isEmpty else { return ["  \(key): []"] }
    return ["  \(key):"] + items.map { "    - \(quoted($0))" }
  }

  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  /// A comment wrapped at 110 columns, each line starting with `indent`.
  static func wrap(_ text: String, indent: String) -> [String] {
    var lines: [String] = []
    var line = indent
    for word in text.split(separator: " ") {
      if line.count > indent.count, line.count + 1 + word.count > 110 {
        lines.append(line)
        line = indent + word
      } else {
        line += (line.count > indent.count ? " " : "") + word
      }
    }
    return lines + [line]
  }
}
