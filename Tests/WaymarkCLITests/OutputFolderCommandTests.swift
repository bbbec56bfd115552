import Foundation
import Testing
import WaymarkTestSupport

extension WaymarkCommandTests {
  /// `--output content` would replace the catalog with the site: a usage error, nothing touched.
  @Test func anOutputHoldingInputsIsAUsageError() throws {
    let root = try SiteFixture.make(["content/catalog/a.yaml": SiteFixture.minimalCatalog])
    let result = try run([
      "build", "--root", root.path, "--output", root.appendingPathComponent("content").path, "--quiet",
    ])
    #expect(result.status == 2)
    #expect(
      result.stderr.hasPrefix(
        "Error: --output: the output folder 'content' contains 'content/catalog', which inputs.catalog reads ('content/catalog/**/*.yaml'); it is replaced on every build, so it must hold no input [output.overlaps-input]\n"
      ))
    #expect(SiteFixture.snapshot(of: root) == ["content/catalog/a.yaml": Data(SiteFixture.minimalCatalog.utf8)])
  }

  /// A committed `output` link to a home folder: a located error, nothing copied or written.
  @Test func anOutputLinkIsAContentError() throws {
    let root = try SiteFixture.make(["content/catalog/a.yaml": SiteFixture.minimalCatalog])
    let home = try TestPaths.temporaryDirectory("home")
    try Data("machine example.org password hunter2".utf8).write(to: home.appendingPathComponent(".netrc"))
    try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("output"), withDestinationURL: home)
    let result = try run(["build", "--root", root.path, "--as-of", "2026-11-01T00:00:00Z", "--quiet"])
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        output: error: the output folder 'output' is a symbolic link; the site is never written or copied through a link [output.symbolic-link]
        waymark: 1 error, 0 warnings

        """)
    #expect(try FileManager.default.contentsOfDirectory(atPath: home.path) == [".netrc"])
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("output").path) == home.path
    )
  }
}
