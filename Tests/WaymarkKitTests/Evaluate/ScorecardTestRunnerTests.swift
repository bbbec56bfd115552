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
}
