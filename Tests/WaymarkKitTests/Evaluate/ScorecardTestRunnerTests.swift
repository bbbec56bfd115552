import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkScorecards
import WaymarkTestSupport

@Suite struct ScorecardTestRunnerTests {
  func load(_ root: URL) -> PolicySet {
    let files = InputFinder(root: root, excludedFolders: ["output"]).allFiles()
    return PolicyLoader(root: root).load(folder: "policies", files: files).0
  }

  @Test func theDemoPolicyTestsPass() async throws {
    let verdicts = await ScorecardTestRunner().run(load(TestPaths.repositoryRoot), now: .epoch)
    #expect(verdicts.map(\.name) == ["delivery-basics", "production-readiness-basics", "security-basics"])
    #expect(verdicts.flatMap(\.failures).map(\.message) == [])
  }

  @Test func aWrongExpectationFailsWithItsLocation() async throws {
    let test = """
      apiVersion: waymark.dev/v1alpha1
      kind: ScorecardTest
      metadata: {name: t}
      spec:
        scorecard: ready
        entities:
          - apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team}
            spec: {type: team, children: []}
          - apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: svc}
            spec: {type: service, lifecycle: production, owner: team}
        expect:
          - {entity: svc, check: described, result: pass}
          - {entity: svc, level: bronze}

      """
    let root = try ScorecardFixture.site(["policies/t.yaml": test])
    let verdicts = await ScorecardTestRunner().run(load(root), now: .epoch)
    #expect(
      DiagnosticFormat.text.format(DiagnosticList(verdicts.flatMap(\.failures))) == """
        policies/t.yaml:16:7: error: test 't': expected check 'described' on 'component:default/svc' to be pass, got fail (Describe it.) [policy.test-failed]
        policies/t.yaml:17:7: error: test 't': expected 'component:default/svc' to reach level bronze, got none [policy.test-failed]

        """)
  }

  @Test func aTestEntityOwnedByAnExternalUserPassesWhenCatalogExternalNamesIt() async throws {
    let test = """
      apiVersion: waymark.dev/v1alpha1
      kind: ScorecardTest
      metadata: {name: portal}
      spec:
        scorecard: ready
        entities:
          - apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: portal, description: The developer portal itself.}
            spec: {type: service, lifecycle: production, owner: user:guest}
        expect:
          - {entity: portal, check: owned, result: pass}

      """
    let policies = load(try ScorecardFixture.site(["policies/t.yaml": test]))
    let strict = await ScorecardTestRunner().run(policies, now: .epoch)
    #expect(
      strict.flatMap(\.failures).map(\.message) == [
        "test 'portal': entity problem: spec.owner 'user:default/guest' does not exist",
        "test 'portal': expected check 'owned' on 'component:default/portal' to be pass, got fail",
      ])
    let external = CatalogSettings(external: ExternalRefPattern("user:*").map { [$0] } ?? [])
    let verdicts = await ScorecardTestRunner(catalogSettings: external).run(policies, now: .epoch)
    #expect(verdicts.flatMap(\.failures).map(\.message) == [])
  }
}
