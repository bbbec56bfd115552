extension DiagnosticCode {
  /// The site layouts' codes (Mustache templates under `layouts/`).
  static let layoutCodes: [DiagnosticCode] = [
    .layoutMissing, .layoutSyntax, .layoutUnused, .layoutOverlapsInput, .layoutUnknownKey,
  ]

  /// `layout.missing`
  public static let layoutMissing = DiagnosticCode(
    "layout.missing", .error, .layouts, "a page names a layout that does not exist",
    example: "catalog/app.yaml",
    "kind: Component\nmetadata:\n  name: app\n  annotations:\n    waymark.dev/layout: wide\nspec:\n  type: service\n",
    prints: """
      catalog/app.yaml:5:25: error: page 'catalog/default/component/app/' needs layout 'wide', which does not exist \
      (looked for component/wide.html, wide.html, component/entity.html, entity.html, all.html) [layout.missing]
      """)

  /// `layout.syntax`
  public static let layoutSyntax = DiagnosticCode(
    "layout.syntax", .error, .layouts, "a template syntax error, located in the layout",
    example: "layouts/home.html",
    """
    <h1>{{title}</h1>

    """,
    prints: "layouts/home.html:1:12: error: template syntax: unfinishedName [layout.syntax]")

  /// `layout.unused`
  public static let layoutUnused = DiagnosticCode(
    "layout.unused", .warning, .layouts, "a site layout no page uses",
    example: "layouts/old-home.html",
    """
    <h1>{{title}}</h1>

    """,
    prints: "layouts/old-home.html: warning: layout 'old-home.html' is never used by any page [layout.unused]")
}
