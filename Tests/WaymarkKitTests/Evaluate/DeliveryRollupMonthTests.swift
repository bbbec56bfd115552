import Foundation
import StructuredData
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// `waymark.delivery-rollup/v2` lines (one subject's month, a column per figure) and gzipped rollup
/// files: read into the same rows as v1, every entry checked and located.
@Suite struct DeliveryRollupMonthTests {
  typealias F = DeliveryFixture

  /// The rows of `DeliveryRollupTests.rowsFeedTheSameMetricsAsEvents`, one line per month.
  static let october =
    #"{"format":"waymark.delivery-rollup/v2","month":"2026-10","subject":"service/svc","purl":"svc","days":[20,27],"#
    + #""events":[5,2],"deployments":[2,1],"failedDeployments":[1,0],"reworkDeployments":[1,0],"#
    + #""leadTimeHours":{"buckets":[[0,1,21,2],[]],"sumMilliseconds":[19800000,0]},"#
    + #""recoveryHours":{"buckets":[[35,1],[]],"sumMilliseconds":[7200000,0]},"#
    + #""pipelines":{"runs":[0,4],"successes":[0,3]}}"#
  static let september =
    #"{"format":"waymark.delivery-rollup/v2","month":"2026-09","subject":"service/svc","purl":"svc","days":[1],"#
    + #""events":[7],"deployments":[9]}"#
  /// Both lines, each gzipped (mtime 0, level 9) and the two members concatenated.
  static let gzipped = Data(
    base64Encoded:
      "H4sIAAAAAAAC/3WQP1MDIRDFez8GNTFAjNHUFjZ2djdXENiMePyb5SBzk7nvLqCFzkS6/b23b3e5knNAJ2dyJBe5OInTvQZrCuCywWBtjtsiCCUu"
      + "+PmjmgQTjxvOKkn59AmqNSbAYhRsU1GVx4y2wV5ouSRyHASj4jBSAgX83MCeilpqiDYs7ocJyis7S2NBv/xROGVVQbgEnG4pFqR+Nw5eQ8ZKr+SU"
      + "1QTdMDDKqeBt3DCObWv3Zqw1CVTwukc8P7H2atLahqjQjr8Vtdu3Df+JOYhfKdHE+okeegJm3wyMPvRGpSAl+Ca7cV3vvgCu+q62gwEAAB+LCAAA"
      + "AAAAAv8ty0EOwiAQheG9x5h1aysLTXsV0wWFMVaHQgYYQ4x3F4zL/8t7b7h5djrBDC9dnObn0SJtglx69kQ5DKKgA+f3dK8jNapzP05VYl4faNoxIstm"
      + "cIhiqofM1PAXVpcI8/W0dICCe2pxqWExkC/uL9PyOXwBCnO+rokAAAA=")!

  @Test func monthLinesReadLikeDayRowsPlainOrGzipped() async throws {
    let v1 = [
      DeliveryRollupTests.row(
        "2026-10-20",
        #""events":5,"deployments":2,"failedDeployments":1,"reworkDeployments":1,"#
          + #""leadTimeHours":{"count":3,"sumMilliseconds":19800000,"zeros":0,"buckets":{"0":1,"21":2}},"#
          + #""recoveryHours":{"count":1,"sumMilliseconds":7200000,"zeros":0,"buckets":{"35":1}}"#),
      DeliveryRollupTests.row("2026-10-27", #""events":2,"deployments":1,"pipelines":{"runs":4,"successes":3}"#),
      DeliveryRollupTests.row("2026-09-01", #""events":7,"deployments":9"#),
    ]
    let fromRows = try await F.build(["content/delivery-rollups/2026.jsonl": v1.joined(separator: "\n") + "\n"])
    let plain = try await F.build([
      "content/delivery-rollups/2026.ndjson": Self.october + "\n" + Self.september + "\n"
    ])
    let gzipped = try await F.build([:], binary: ["content/delivery-rollups/2026.jsonl.gz": Self.gzipped])
    for result in [fromRows, plain, gzipped] {
      #expect(DiagnosticFormat.text.format(result.diagnostics) == "")
    }
    let expected = try F.json(fromRows, "api/dora.json")
    #expect(try F.json(plain, "api/dora.json") == expected)
    #expect(try F.json(gzipped, "api/dora.json") == expected)
    let svc = try #require(expected["entities"]?["component:default/svc"])
    #expect(svc["events"] == 14)
    #expect(svc["deployments"] == 3)
    #expect(svc["leadTimeHours"]?["median"] == 1.5068)
    #expect(svc["ci"]?["runs"] == 4)
  }

  @Test func badEntriesArePointedAt() async throws {
    func line(_ columns: String, month: String = "2026-10") -> String {
      #"{"format":"waymark.delivery-rollup/v2","month":"\#(month)","subject":"service/svc","\#(columns)}"#
    }
    let lines = [
      line(#"days":[20,27],"deployments":[1,2],"failedDeployments":[0,3]"#),
      line(#"days":[1]"#, month: "2026-13"),
      line(#"days":[1,29]"#, month: "2026-02"),
      line(#"days":[5,5]"#),
      line(#"days":[5],"events":[1,2]"#),
      line(#"days":[5,6],"events":[1,-2]"#),
      line(#"days":[5],"leadTimeHours":{"buckets":[[3,1,2,1]],"sumMilliseconds":[9]}"#),
      line(#"days":[5],"leadTimeHours":{"buckets":[[3]],"sumMilliseconds":[9]}"#),
      line(#"days":[5,6],"recoveryHours":{"buckets":[[],[]],"sumMilliseconds":[0,7]}"#),
      line(#"days":[5],"pipelines":{"runs":[1],"successes":[2]}"#),
      line(#"days":[]"#),
      #"{"format":"waymark.delivery-rollup/v3","month":"2026-10","subject":"service/svc","days":[1]}"#,
      line(#"days":[9],"deployments":[4]"#),
    ]
    let result = try await F.build(["content/delivery-rollups/2026.jsonl": lines.joined(separator: "\n") + "\n"])
    let path = "content/delivery-rollups/2026.jsonl"
    #expect(
      DiagnosticFormat.text.format(result.diagnostics) == """
        \(path):1:140: warning: failedDeployments[1] (3) is more than deployments[1] (2) [events.invalid]
        \(path):2:48: warning: month '2026-13' is not a month (YYYY-MM) [events.invalid]
        \(path):3:92: warning: days[1] is not a day of 2026-02 (1–28) [events.invalid]
        \(path):4:92: warning: days[1] (5) does not follow days[0] (5): days are ascending, each once [events.invalid]
        \(path):5:102: warning: events has 2 entries; days has 1 [events.invalid]
        \(path):6:107: warning: events[1] is not a count (a whole number ≥ 0) [events.invalid]
        \(path):7:121: warning: leadTimeHours.buckets[0] is not [index, count, …] pairs with ascending indices and \
        counts > 0 [events.invalid]
        \(path):8:121: warning: leadTimeHours.buckets[0] is not [index, count, …] pairs [events.invalid]
        \(path):9:151: warning: recoveryHours.sumMilliseconds[1] is not a whole number ≥ 0 (0 on a day with no \
        values) [events.invalid]
        \(path):10:130: warning: pipelines.successes[0] (2) is more than pipelines.runs[0] (1) [events.invalid]
        \(path):11:89: warning: missing days: a line lists the days of its month it has figures for [events.invalid]
        \(path):12:1: warning: format 'waymark.delivery-rollup/v3' is not one Waymark reads \
        (waymark.delivery-rollup/v1, waymark.delivery-rollup/v2) [events.invalid]

        """)
    let svc = try #require(try F.json(result, "api/dora.json")["entities"]?["component:default/svc"])
    #expect(svc["deployments"] == 4)
  }

  @Test func gzipThatIsNotIsMalformed() async throws {
    var corrupt = Self.gzipped
    corrupt[241] ^= 0xff  // in the first member's CRC-32
    let result = try await F.build(
      [:], strict: true,
      binary: [
        "content/delivery-rollups/a.jsonl.gz": Data(Self.october.utf8),
        "content/delivery-rollups/b.jsonl.gz": corrupt,
        "content/delivery-rollups/c.jsonl.gz": Self.gzipped.prefix(40),
        "content/delivery-rollups/d.ndjson.gz": Self.gzipped,
      ])
    #expect(
      DiagnosticFormat.text.format(result.diagnostics) == """
        content/delivery-rollups/a.jsonl.gz: error: not gzip data (it does not start with the bytes 1f 8b) \
        [events.malformed]
        content/delivery-rollups/b.jsonl.gz: error: corrupt gzip data: incorrect data check (found after byte 243) \
        [events.malformed]
        content/delivery-rollups/c.jsonl.gz: error: the gzip data ends early (after 40 bytes) [events.malformed]

        """)
  }
}
