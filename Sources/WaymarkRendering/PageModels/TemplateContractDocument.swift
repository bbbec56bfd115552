/// The manual's list of each page type's keys (`docs/manual/layouts.md`), written from the
/// page model types so that the documented contract is the one the layouts get.
package enum TemplateContractDocument {
  /// The marker lines the generated part sits between.
  package static let begin = "<!-- page-keys: generated from the page models; do not edit by hand -->"
  package static let end = "<!-- page-keys: end -->"

  /// The generated markdown, markers excluded.
  package static func markdown() -> String {
    var lines: [String] = []
    let common = Set(PageCommon.keyMeanings.keys)
    let pages = PageType.allCases.map { type -> (PageType, TemplateObjectSchema) in
      guard case .object(let object) = type.schema else {
        return (
          type,
          TemplateObjectSchema(
            typeName: "",
            fields: [])
        )
      }
      return (type, object)
    }
    let shared = sharedTypes(pages.map { $0.1.fields.filter { !common.contains($0.key) } })
    lines.append("### Every page")
    lines.append("")
    lines.append("Every page type has these keys besides its own:")
    lines.append("")
    if let first = pages.first?.1 {
      var described = Set<String>()
      table(
        TemplateObjectSchema(typeName: "", fields: first.fields.filter { common.contains($0.key) }), path: "",
        into: &lines,
        described: &described, shared: [])
    }
    lines.append("Parts several page types share:")
    lines.append("")
    let sharedNames = Set(shared.map(\.typeName))
    var sharedDescribed = sharedNames
    for object in shared.sorted(by: { $0.typeName < $1.typeName }) {
      lines.append("`\(object.typeName)`:")
      lines.append("")
      table(object, path: nil, into: &lines, described: &sharedDescribed, shared: sharedNames)
    }
    for (type, object) in pages {
      let layout = type == .notFound ? "404.html" : "\(type.rawValue).html"
      lines.append("### \(type.title) (`\(layout)`)")
      lines.append("")
      let own = object.fields.filter { !common.contains($0.key) }
      if own.isEmpty {
        lines.append("`\(type.modelName)`: only the keys every page has.")
        lines.append("")
        continue
      }
      lines.append("`\(type.modelName)`:")
      lines.append("")
      var described = Set<String>()
      table(
        TemplateObjectSchema(typeName: type.modelName, fields: own), path: "", into: &lines, described: &described,
        shared: sharedNames)
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Object types that appear under more than one page type, described once.
  private static func sharedTypes(_ pages: [[TemplateObjectSchema.Field]]) -> [TemplateObjectSchema] {
    var seen: [String: (TemplateObjectSchema, Set<Int>)] = [:]
    for (index, fields) in pages.enumerated() {
      var pending = fields.map(\.schema)
      while let next = pending.popLast() {
        switch next {
        case .list(let element): pending.append(element)
        case .object(let object):
          let pagesSeen = seen[object.typeName]?.1 ?? []
          if pagesSeen.contains(index) { continue }
          seen[object.typeName] = (object, pagesSeen.union([index]))
          pending += object.fields.map(\.schema)
        default: continue
        }
      }
    }
    return seen.values.filter { $0.1.count > 1 }.map(\.0)
  }

  /// A table of `object`'s keys, then tables of the objects under it not yet described.
  private static func table(
    _ object: TemplateObjectSchema, path: String?, into lines: inout [String], described: inout Set<String>,
    shared: Set<String>
  ) {
    lines.append("| Key | Type | Meaning |")
    lines.append("|---|---|---|")
    var nested: [(String, TemplateObjectSchema)] = []
    for field in object.fields {
      let key = path.map { $0.isEmpty ? field.key : "\($0).\(field.key)" } ?? field.key
      lines.append("| `\(key)` | \(typeText(field.schema, optional: field.optional)) | \(field.meaning) |")
      var inner = field.schema
      var suffix = ""
      if case .list(let element) = inner {
        inner = element
        suffix = "[]"
      }
      if case .object(let child) = inner, !shared.contains(child.typeName), described.insert(child.typeName).inserted {
        nested.append((key + suffix, child))
      }
    }
    lines.append("")
    for (key, child) in nested {
      lines.append("`\(key)` (`\(child.typeName)`):")
      lines.append("")
      table(child, path: path == nil ? nil : key, into: &lines, described: &described, shared: shared)
    }
  }

  private static func typeText(_ schema: TemplateSchema, optional: Bool) -> String {
    let text: String
    switch schema {
    case .value(let kind): text = kind
    case .open: text = "JSON object"
    case .object(let object): text = "`\(object.typeName)`"
    case .recursive(let name): text = "list of `\(name)`"
    case .list(let element): text = "list of " + typeText(element, optional: false)
    }
    return optional ? text + ", optional" : text
  }
}
