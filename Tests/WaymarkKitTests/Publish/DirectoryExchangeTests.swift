import Foundation
import Testing
import WaymarkPublishing
import WaymarkTestSupport

/// The swap that makes publishing atomic: two non-empty folders trade names in one step.
@Suite struct DirectoryExchangeTests {
  @Test func exchangesTwoNonEmptyFolders() throws {
    let parent = try TestPaths.temporaryDirectory("exchange")
    let first = parent.appendingPathComponent("first")
    let second = parent.appendingPathComponent("second")
    for (folder, text) in [(first, "one"), (second, "two")] {
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: folder.appendingPathComponent("sub/index.html"))
    }
    let exchanged: Bool
    if case .success = DirectoryExchange.exchange(first.path, second.path) {
      exchanged = true
    } else {
      exchanged = false
    }
    #expect(exchanged)
    #expect(SiteFixture.snapshot(of: first) == ["sub/index.html": Data("two".utf8)])
    #expect(SiteFixture.snapshot(of: second) == ["sub/index.html": Data("one".utf8)])
  }

  @Test func aMissingSideFailsWithoutTouchingTheOther() throws {
    let parent = try TestPaths.temporaryDirectory("exchange")
    let present = parent.appendingPathComponent("present")
    try FileManager.default.createDirectory(at: present, withIntermediateDirectories: true)
    var failure: DirectoryExchange.Failure?
    if case .failure(let error) = DirectoryExchange.exchange(present.path, parent.appendingPathComponent("absent").path)
    {
      failure = error
    }
    #expect(failure == .failed(ENOENT))
    #expect(FileManager.default.fileExists(atPath: present.path))
  }
}
