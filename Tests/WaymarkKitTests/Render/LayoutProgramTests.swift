import Foundation
import StructuredData
import Testing
import WaymarkRendering

/// `LayoutProgramParser` and `LayoutProgramRenderer` against swift-mustache itself, on the corners
/// of Mustache a layout can reach: standalone lines, partial indentation, line ends, the context
/// stack, sections over every kind of value, escaping next to combining marks, and numbers.
@Suite struct LayoutProgramTests {
  /// `template` (with `partials`) rendered over `data` compiled (nil when it is not) and by swift-mustache.
  func both(_ template: String, partials: [String: String] = [:], _ data: JSONValue) throws -> (String?, String) {
    var files = ["page.html": Array(template.utf8)]
    for (name, text) in partials { files["_partials/\(name).html"] = Array(text.utf8) }
    let (layouts, diagnostics) = LayoutSet.load(theme: files, site: [:], displayPath: "layouts")
    #expect(diagnostics.isEmpty)
    let builtIn = BuiltInLayouts(for: layouts, theme: files)
    let model = TemplateJSON(data)
    let page = try Self.page(in: layouts)
    return (
      builtIn.compiledHTML(of: model, choice: page).map { String(decoding: $0, as: UTF8.self) },
      String(decoding: builtIn.mustacheHTML(of: model, choice: page), as: UTF8.self)
    )
  }

  /// The layout `page.html` as pages of kind `page` choose it.
  static func page(in layouts: LayoutSet) throws -> LayoutResolver.Choice {
    try #require(layouts.resolver.resolve(PageDescriptor(kind: "page")))
  }

  static let data: JSONValue = [
    "title": "A <b>\"quoted\"</b> & 'single'", "flag": true, "off": false, "empty": "", "zero": 0,
    "count": 42, "ratio": 0.5, "whole": 2.0, "tiny": 1e-7, "big": 12_345_678_901,
    "list": ["one", "two", "three"], "none": [], "numbers": [1, 2.5, true],
    "items": [["name": "a", "url": "/a"], ["name": "b"], ["url": "/c", "flag": false]],
    "nested": ["inner": ["value": "deep", "title": "inner title"]], "url": "/outer", "name": "outer",
    "nulls": [.null, "x"], "missingNull": .null,
  ]

  @Test(arguments: [
    "{{title}} {{{title}}} {{&title}} {{ title }}",
    "{{count}} {{ratio}} {{whole}} {{tiny}} {{big}} {{zero}} {{flag}} {{off}} {{empty}}|{{absent}}|",
    "{{#list}}<{{.}}>{{/list}}{{^none}}none{{/none}}{{#numbers}}[{{.}}]{{/numbers}}{{#nulls}}({{.}}){{/nulls}}",
    "{{#items}}{{name}}={{url}}{{#flag}}!{{/flag}};{{/items}}",
    "{{nested.inner.value}} {{#nested}}{{inner.title}} {{title}}{{/nested}} {{nested.absent.value}}",
    "{{#nested.inner}}{{value}} {{.value}} {{.title}} {{.url}}{{/nested.inner}}",
    "{{#title}}{{.}} {{count}}{{/title}}{{#zero}}zero is {{.}}{{/zero}}{{#empty}}[{{.}}]{{/empty}}",
    "{{^flag}}no{{/flag}}{{^off}}off{{/off}}{{^empty}}e{{/empty}}{{^zero}}z{{/zero}}{{^absent}}a{{/absent}}",
    "{{#missingNull}}x{{/missingNull}}{{^missingNull}}null is missing{{/missingNull}}",
    "a { b {x} c }} d {{! a comment }} e {{!\nmulti-line\n}} f",
    "{{#flag}}\n  line\n{{/flag}}\n  {{#off}}\nhidden\n  {{/off}}  \nafter\n",
    "  {{! standalone }}\n\t{{#list}}\n  - {{.}}\n\t{{/list}}\nend",
    "{{#flag}}\nx{{/flag}}{{#flag}}\ny\n{{/flag}}\n",
    "line\r\n  {{#flag}}\r\n  crlf\r\n  {{/flag}}\r\nend\r\n",
    "{{#flag}}x{{/flag}}",
    "{{#flag}}\n{{/flag}}   ",
    "text {{title}}\n{{^absent}}\n  {{/absent}}",
  ])
  func aTemplateRendersAsSwiftMustacheRendersIt(_ template: String) throws {
    let (compiled, mustache) = try both(template, Self.data)
    #expect(compiled != nil)
    #expect(compiled == mustache)
  }

  @Test func standalonePartialsIndentEveryLineTheyWrite() throws {
    let partials = [
      "p": "first\n{{#list}}\n- {{.}}\n{{/list}}\n{{> q}}\nlast {{title}}\n",
      "q": "  q1\n{{#items}}\n\tq {{name}}\n{{/items}}\n",
      "inline": "<i>\n{{title}}</i>",
    ]
    for template in [
      "  {{> p}}\n", "<div>\n    {{> p}}\n</div>\n", "x {{> inline}} y\n  {{> inline}}\n", "\t{{> q}}",
      "{{#items}}\n  {{> inline}}\n{{/items}}\n", "  {{> absent}}\nafter\n", "  {{> p}}\r\n  {{> inline}}\r\n",
    ] {
      let (compiled, mustache) = try both(template, partials: partials, Self.data)
      #expect(compiled != nil, "\(template)")
      #expect(compiled == mustache, "\(template)")
    }
  }

  @Test func escapingFollowsGraphemeClusters() throws {
    let texts: [JSONValue] = [
      "<\u{301}>", "a&\u{300}b", "\u{600}<x", "e\u{301}<", "\"\u{200D}'", "日本<語>", "👩‍👩‍👧<&>", "\r\n<\r\n>",
      "plain ascii <&>\"'", "trailing <", "> leading", "é & ü",
    ]
    for text in texts {
      let (compiled, mustache) = try both("{{text}}|{{{text}}}", ["text": text])
      #expect(compiled == mustache, "\(text)")
    }
  }

  @Test(arguments: [
    "{{=<% %>=}}<% title %>", "{{<parent}}{{/parent}}", "{{$block}}x{{/block}}", "{{% CONTENT_TYPE: TEXT}}",
    "{{>*dynamic}}", "{{uppercased(title)}}", "{{#reversed(list)}}{{.}}{{/reversed(list)}}",
  ])
  func tagsBeyondTheLayoutsAreLeftToSwiftMustache(_ template: String) {
    #expect(throws: LayoutProgramParser.Failure.unsupported) { try LayoutProgramParser.program(of: template) }
  }

  @Test func aListOrObjectPrintedAsAVariableIsLeftToSwiftMustache() throws {
    let (compiled, _) = try both("{{list}}", Self.data)
    #expect(compiled == nil)
    let (layouts, _) = LayoutSet.load(theme: ["page.html": Array("{{list}}".utf8)], site: [:], displayPath: "l")
    let builtIn = BuiltInLayouts(for: layouts, theme: ["page.html": Array("{{list}}".utf8)])
    let html = builtIn.html(of: TemplateJSON(Self.data), choice: try Self.page(in: layouts))
    #expect(String(decoding: html, as: UTF8.self) == "[&quot;one&quot;, &quot;two&quot;, &quot;three&quot;]")
  }

  @Test func malformedTextHasNoProgram() {
    for template in ["{{#a}}open", "{{/a}}", "{{#a}}{{/b}}", "{{name", "{{{name}}", "tail {", "{{! open"] {
      #expect(throws: LayoutProgramParser.Failure.malformed, "\(template)") {
        try LayoutProgramParser.program(of: template)
      }
    }
  }
}
