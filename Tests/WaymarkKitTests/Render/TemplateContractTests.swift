import Foundation
import StructuredData
import Testing
import WaymarkTestSupport

@testable import WaymarkRendering

/// The page models are the template contract: every key has a meaning, the manual lists them as
/// the types declare them, and the encoder hands the layouts exactly the model's values.
@Suite struct TemplateContractTests {
  static let manual = TestPaths.repositoryRoot.appendingPathComponent("docs/manual/layouts.md")

  /// Every object in every page type's schema, with its path.
  static func objects(_ schema: TemplateSchema, path: String) -> [(String, TemplateObjectSchema)] {
    switch schema {
    case .list(let element): return objects(element, path: path + "[]")
    case .object(let object):
      return [(path, object)] + object.fields.flatMap { objects($0.schema, path: path + "." + $0.key) }
    case .value, .open, .recursive: return []
    }
  }

  @Test(arguments: PageType.allCases) func everyKeyHasAMeaning(_ type: PageType) {
    let all = Self.objects(type.schema, path: type.rawValue)
    #expect(all.count > 1)
    for (path, object) in all {
      for field in object.fields {
        #expect(!field.meaning.isEmpty, "\(path).\(field.key) (\(object.typeName)) has no meaning")
      }
    }
  }

  @Test func meaningsNameOnlyKeysTheTypesHave() {
    var keys: [String: Set<String>] = [:]
    let common = Set(PageCommon.keyMeanings.keys)
    for type in PageType.allCases {
      for (_, object) in Self.objects(type.schema, path: "") { keys[object.typeName] = Set(object.fields.map(\.key)) }
      if case .object(let page) = type.schema {
        keys[type.modelName] = Set(page.fields.map(\.key)).subtracting(common)
        #expect(common.isSubset(of: Set(page.fields.map(\.key))), "\(type)")
      }
    }
    let described: [(String, [String: String])] = [
      ("HomePage", HomePage.keyMeanings), ("EntityPage", EntityPage.keyMeanings), ("DocsPage", DocsPage.keyMeanings),
      ("CatalogPage.Row", CatalogPage.Row.keyMeanings), ("EntityDetails", EntityDetails.keyMeanings),
      ("GroupDetails", GroupDetails.keyMeanings), ("APIDetails", APIDetails.keyMeanings),
      ("DeliveryDashboard", DeliveryDashboard.keyMeanings), ("GuardrailsPage", GuardrailsPage.keyMeanings),
      ("ReadinessPage", ReadinessPage.keyMeanings), ("ScorecardsPage.Scorecard", ScorecardsPage.Scorecard.keyMeanings),
      ("GoldenPath", GoldenPath.keyMeanings), ("EntityLink", EntityLink.keyMeanings),
      ("DocsPage.Document", DocsPage.Document.keyMeanings),
    ]
    for (name, meanings) in described {
      #expect(Set(meanings.keys) == keys[name], "\(name)")
    }
  }

  @Test func schemasFollowTheDeclarations() throws {
    guard case .object(let docs) = PageType.docs.schema else {
      Issue.record("the docs page's schema is not an object")
      return
    }
    #expect(docs.fields.map(\.key) == ["docs", "doc", "site", "page", "root", "nav"])
    guard case .object(let site)? = docs.field("docs")?.schema, case .object(let nav)? = site.field("nav")?.schema,
      case .list(.object(let item))? = nav.field("items")?.schema
    else {
      Issue.record("docs.nav.items is not a list of objects")
      return
    }
    #expect(item.typeName == "DocsPage.NavItem")
    #expect(item.field("items")?.schema == .recursive("DocsPage.NavItem"))
    #expect(site.field("description")?.optional == true)
    #expect(site.field("name")?.optional == false)
    guard case .object(let entity) = PageType.entity.schema else { return }
    #expect(entity.field("policy")?.schema == .open)
    #expect(entity.field("hasScorecards")?.schema == .value("flag"))
  }

  @Test func theEncoderKeepsIntegersDropsMissingOptionalsAndPassesJSONThrough() {
    let link = EntityLink(
      ref: "component:default/svc", title: "Svc", name: "svc", kind: "Component", url: "x/",
      level: nil)
    let page = GuardrailsPage(
      entities: [
        GuardrailsPage.EntityRow(
          ref: "r", title: "t", url: "u", results: TemplateJSON(["fail": 2]), bySeverity: nil, openFindings: [],
          hasOpenFindings: false, moreOpenFindings: 3)
      ],
      unmapped: [TemplateJSON(["ruleId": "R1", "line": .double(1.5)])], unmappedOpenCount: 1, unmappedShown: 1,
      moreUnmapped: false, unmappedCount: 4, inputs: [])
    #expect(
      TemplateValueEncoder().value(of: page)
        == [
          "entities": [
            [
              "ref": "r", "title": "t", "url": "u", "results": ["fail": 2], "openFindings": [],
              "hasOpenFindings": false,
              "moreOpenFindings": 3,
            ]
          ],
          "unmapped": [["ruleId": "R1", "line": .double(1.5)]], "unmappedOpenCount": 1, "unmappedShown": 1,
          "moreUnmapped": false, "unmappedCount": 4, "inputs": [],
        ])
    #expect(
      TemplateValueEncoder().value(of: link)
        == [
          "ref": "component:default/svc", "title": "Svc", "name": "svc", "kind": "Component", "url": "x/",
          "sharedTitle": false,
        ])
  }

  /// The manual's list of keys is generated from the types; `RECORD_GOLDEN=1` rewrites it.
  @Test func theManualListsEachPageTypesKeys() throws {
    let text = try String(contentsOf: Self.manual, encoding: .utf8)
    let generated = TemplateContractDocument.markdown()
    let begin = try #require(text.range(of: TemplateContractDocument.begin + "\n"))
    let end = try #require(text.range(of: TemplateContractDocument.end, range: begin.upperBound..<text.endIndex))
    let current = String(text[begin.upperBound..<end.lowerBound])
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1", current != generated + "\n" {
      try Data((text[..<begin.upperBound] + generated + "\n" + text[end.lowerBound...]).utf8).write(to: Self.manual)
      Issue.record("Rewrote the page keys in \(Self.manual.path); run again to compare.")
      return
    }
    #expect(current == generated + "\n", "\(lineDiff(expected: current, actual: generated + "\n"))")
  }
}
