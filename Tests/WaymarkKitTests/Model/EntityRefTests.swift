import Testing
import WaymarkModel

@Suite struct EntityRefTests {
  @Test(
    arguments: [
      ("payments", "Group", "default", "group:default/payments"),
      ("user:jdoe", "Group", "default", "user:default/jdoe"),
      ("ops/payments", "Group", "default", "group:ops/payments"),
      ("Component:Ops/Payments-API", nil, "default", "component:ops/payments-api"),
      ("a/b:c", "Group", "default", "group:a/b:c"),
      ("a:b/c/d", nil, "default", "a:b/c/d"),
      ("svc", "Component", "team-ns", "component:team-ns/svc"),
      // Non-ASCII text is searched by character: a ':' carrying a combining accent is no separator.
      ("Group:Équipe/Zoë", nil, "default", "group:équipe/zoë"),
      ("a:\u{301}b/c", "Group", "default", "group:a:\u{301}b/c"),
    ] as [(String, String?, String, String)])
  func parsesLikeBackstage(text: String, kind: String?, namespace: String, expected: String) throws {
    let ref = try #require(EntityRef(parsing: text, defaultKind: kind, defaultNamespace: namespace))
    #expect(ref.canonical == expected)
  }

  @Test(arguments: [":c", "a:", "/c", "b/", "a:/c", "", "nokind"])
  func rejectsMalformedReferences(text: String) {
    #expect(EntityRef(parsing: text, defaultKind: text == "nokind" ? nil : "Group") == nil)
  }

  @Test func comparesCaseInsensitively() {
    #expect(EntityRef(kind: "Component", name: "Svc") == EntityRef(kind: "component", name: "svc"))
    #expect(Set([EntityRef(kind: "Component", name: "Svc"), EntityRef(kind: "component", name: "svc")]).count == 1)
  }
}
