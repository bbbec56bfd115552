import StructuredData

/// A SARIF tool component (the driver or an extension) with its rules indexed by id.
package struct SARIFToolComponent {
  package var name: String
  package var rules: [SARIFRule]
  private var byId: [String: Int] = [:]

  package init(_ component: JSONValue) {
    name = component["name"]?.stringValue ?? ""
    rules = (component["rules"]?.arrayValue ?? []).map(SARIFRule.init)
    for (index, rule) in rules.enumerated() {
      if let id = rule.id, byId[id] == nil { byId[id] = index }
    }
  }

  /// The index of the rule a `reportingDescriptorReference` names by `index`, else by `id`.
  package func ruleIndex(of reference: JSONValue) -> Int? {
    if let index = reference["index"]?.intValue, index >= 0, Int(index) < rules.count { return Int(index) }
    return reference["id"]?.stringValue.flatMap { byId[$0] }
  }

  /// The rule with `id`, or for a hierarchical id `a/b` the rule `a`.
  package func rule(id: String) -> SARIFRule? {
    if let index = byId[id] { return rules[index] }
    if let slash = id.firstIndex(of: "/"), let index = byId[String(id[..<slash])] { return rules[index] }
    return nil
  }
}
