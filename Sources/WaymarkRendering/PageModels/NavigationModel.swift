/// The site's main navigation: the pages every site has, then Docs, Delivery and Guardrails when
/// the site has them, then Search.
package struct NavigationModel: Sendable {
  package var hasDelivery: Bool
  package var hasGuardrails: Bool
  package var hasDocs: Bool = false

  /// The entries as `(label, path from the root)`, in order.
  package var entries: [(label: String, target: String)] {
    [("Home", ""), ("Catalog", "catalog/")] + (hasDocs ? [("Docs", "docs/")] : [])
      + [("Golden paths", "golden-paths/"), ("Scorecards", "scorecards/"), ("Readiness", "readiness/")]
      + (hasDelivery ? [("Delivery", "dora/")] : []) + (hasGuardrails ? [("Guardrails", "guardrails/")] : [])
      + [("Search", "search/")]
  }

  /// The entries for the page at `current`, URLs relative to it (`root`).
  package func links(root: String, current: String) -> [PageCommon.NavLink] {
    entries.map { PageCommon.NavLink(label: $0.label, url: root + $0.target, current: $0.target == current) }
  }
}
