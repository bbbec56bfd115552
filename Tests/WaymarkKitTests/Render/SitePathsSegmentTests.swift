import Testing
import WaymarkModel

@Suite struct SitePathsSegmentTests {
  @Test func asciiNamesAreLowercasedAndKept() {
    #expect(SitePaths.safeSegment("payments-api") == "payments-api")
    #expect(SitePaths.safeSegment("Payments_API.v2") == "payments_api.v2")
    #expect(SitePaths.safeSegment("Component") == "component")
  }

  @Test func otherCharactersBecomeUnderscores() {
    #expect(SitePaths.safeSegment("a b/c") == "a_b_c")
    #expect(SitePaths.safeSegment("Café") == "caf_")
    #expect(SitePaths.safeSegment("ÄRGER") == "_rger")
    #expect(SitePaths.safeSegment("") == "_")
    #expect(SitePaths.safeSegment(".") == "_")
    #expect(SitePaths.safeSegment("..") == "__")
    #expect(SitePaths.safeSegment("...x") == "...x")
  }

  @Test func entityPagesAreBackstagesShape() {
    let ref = EntityRef(kind: "Component", namespace: "Default", name: "Checkout-UI")
    #expect(SitePaths.entityPage(ref) == "catalog/default/component/checkout-ui/")
    #expect(SitePaths.entityJSON(ref) == "api/entities/default/component/checkout-ui.json")
  }
}
