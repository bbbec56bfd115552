import Foundation
import Testing
import WaymarkTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Kills `waymark build` with SIGKILL at seeded random points while it publishes over a
/// previous complete site: the output folder must always be exactly the previous site or exactly
/// the new one, and the next build must clean what the killed one left.
@Suite struct CrashSafePublishTests {
  /// SplitMix64: a seeded generator, so a failing run can be repeated (`WAYMARK_CRASH_SEED`).
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let asOf = "2026-11-01T00:00:00Z"
  static let kills = 12

  /// A catalog of 150 components whose descriptions name the version, so every page differs.
  func catalog(version: String) -> String {
    var documents = [
      "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-a}\nspec: {type: team, children: []}\n"
    ]
    for index in 0..<150 {
      documents.append(
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: service-\(index)\n  description: Service \(index), \(version)\nspec: {type: service, lifecycle: production, owner: team-a}\n"
      )
    }
    return documents.joined(separator: "---\n")
  }

  func setVersion(_ version: String, root: URL) throws {
    try Data(catalog(version: version).utf8).write(to: root.appendingPathComponent("content/catalog/services.yaml"))
  }

  /// When to send SIGKILL.
  enum KillPoint {
    /// This many microseconds after the render stage reports (publishing starts right after it).
    case afterRender(UInt32)
    /// This many microseconds after the staging folder holds `files` files: the swap is next.
    case whenStaged(files: Int, then: UInt32)
    /// As soon as the staging folder holds `files` files, before the render report: pages are
    /// still rendering and streaming into it, and the output must be the previous site.
    case whileRendering(files: Int)
  }

  /// Runs `waymark build`, killed at `kill` if given. Returns stderr (what was written before the
  /// process ended, so a kill that landed after rendering shows the render report) and the time from
  /// the render report to the end of the process, in microseconds.
  @discardableResult
  func build(root: URL, output: URL, kill point: KillPoint? = nil) throws -> (log: String, publishing: UInt32) {
    let process = Process()
    process.executableURL = WaymarkCommandTests.binary
    process.arguments = ["build", "--root", root.path, "--output", output.path, "--as-of", Self.asOf]
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    var text = ""
    var rendered: Date?
    while true {
      let chunk = errors.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      text += String(decoding: chunk, as: UTF8.self)
      if case .whileRendering(let files) = point, text.contains("waymark: secrets:") {
        while process.isRunning, stagedFiles(beside: output) < files {}
        kill(process.processIdentifier, SIGKILL)
        break
      }
      guard rendered == nil, text.contains("waymark: render:") else { continue }
      rendered = Date()
      switch point {
      case nil, .whileRendering: continue
      case .afterRender(let delay):
        usleep(delay)
      case .whenStaged(let files, let delay):
        while process.isRunning, stagedFiles(beside: output) < files {}
        usleep(delay)
      }
      kill(process.processIdentifier, SIGKILL)
      break
    }
    process.waitUntilExit()
    // On a loaded machine the signal can land after rendering (or after the build ended): keep what
    // the process wrote before it died, so the caller can tell.
    text += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (text, UInt32(max(0, Date().timeIntervalSince(rendered ?? Date())) * 1_000_000))
  }

  /// How many files the newest staging folder beside `output` holds so far.
  func stagedFiles(beside output: URL) -> Int {
    guard let staging = (try? leftovers(beside: output))?.first(where: { $0.contains("waymark-new-") }) else {
      return 0
    }
    let folder = output.deletingLastPathComponent().appendingPathComponent(staging).path
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return 0 }
    var count = 0
    while walker.nextObject() != nil {
      if walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular { count += 1 }
    }
    return count
  }

  func leftovers(beside output: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).filter {
      $0.hasPrefix(".\(output.lastPathComponent).waymark")
    }
  }

  @Test func aKilledBuildLeavesThePreviousOrTheNewSiteNeverAMixture() throws {
    let seed = ProcessInfo.processInfo.environment["WAYMARK_CRASH_SEED"].flatMap(UInt64.init) ?? 20_261_101
    var random = SeededGenerator(state: seed)
    let base = try TestPaths.temporaryDirectory("crash")
    defer { try? FileManager.default.removeItem(at: base) }
    let root = base.appendingPathComponent("site")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("content/catalog"), withIntermediateDirectories: true)

    // The two complete sites, built without interruption.
    var sites: [String: [String: Data]] = [:]
    for version in ["v1", "v2"] {
      try setVersion(version, root: root)
      let reference = base.appendingPathComponent("reference-\(version)")
      try build(root: root, output: reference)
      sites[version] = SiteFixture.snapshot(of: reference)
    }
    let v1 = try #require(sites["v1"])
    let v2 = try #require(sites["v2"])
    #expect(v1.count > 300)
    #expect(v1 != v2)

    // How long publishing over a previous site takes, from the render report to the exit.
    let output = base.appendingPathComponent("output")
    try build(root: root, output: output)
    try setVersion("v1", root: root)
    let publishing = max(10_000, try build(root: root, output: output).publishing)
    #expect(SiteFixture.snapshot(of: output) == v1)
    var current = "v1"
    var outcomes: [String: Int] = [:]
    for run in 0..<Self.kills {
      let target = current == "v1" ? "v2" : "v1"
      try setVersion(target, root: root)
      // A third of the runs anywhere in publishing, a third just as the staging folder is complete
      // (the swap is next), a third while pages still stream into it.
      let point: KillPoint =
        switch run % 3 {
        case 0: .afterRender(UInt32.random(in: 0...(publishing + publishing / 10), using: &random))
        case 1: .whenStaged(files: v1.count, then: UInt32.random(in: 0...5_000, using: &random))
        default: .whileRendering(files: Int.random(in: 1..<(v1.count * 3 / 4), using: &random))
        }
      let log = try build(root: root, output: output, kill: point).log
      let now = SiteFixture.snapshot(of: output)
      let state = now == sites[target] ? target : now == sites[current] ? current : nil
      #expect(
        state != nil,
        "run \(run) (seed \(seed), killed \(point)): the output is neither complete site (\(now.count) files)")
      guard let state else { return }
      // Only a kill that landed before the render report is one "while rendering".
      if case .whileRendering = point, !log.contains("waymark: render:") {
        #expect(state == current, "run \(run): killed while rendering, yet published")
      }
      outcomes[state == target ? "new" : "previous", default: 0] += 1
      if try !leftovers(beside: output).isEmpty { outcomes["left staging", default: 0] += 1 }
      current = state
    }
    print(
      "crash-safe publishing (seed \(seed), publishing takes \(publishing / 1000) ms): \(Self.kills) kills: \(outcomes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))"
    )

    // The next build completes and cleans whatever the killed ones left.
    let target = current == "v1" ? "v2" : "v1"
    try setVersion(target, root: root)
    try build(root: root, output: output)
    #expect(SiteFixture.snapshot(of: output) == sites[target])
    #expect(try leftovers(beside: output) == [])
  }
}
