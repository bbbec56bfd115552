import Foundation
import StructuredData

/// `waymark-bench`: times one pipeline stage in-process and prints one JSON object.
///
/// The benchmark runner (`Tests/Bench/run_bench.py`) runs this under `/usr/bin/time -v`; the
/// `seconds` field is the stage alone, without process start-up or reading the files.
///
/// ```
/// waymark-bench yaml DIR        every *.yaml under DIR through YAMLLoader + YAMLConverter
/// waymark-bench catalog ROOT    find + load + validate + relate the catalog of a site root
/// waymark-bench cel ROOT CHECKS  compiled CEL checks over the catalog's entities (evaluations/s)
/// waymark-bench docs-site ROOT OUT   the docs pages through the layouts, written to OUT
/// waymark-bench site ROOT OUT   the whole portal, written to OUT even with errors (page weights)
/// waymark-bench search ROOT     the search indexes alone, from the render stage's input
/// ```
@main
enum WaymarkBenchMain {
  static let usage = """
    usage: waymark-bench yaml DIR       YAML loader throughput over every *.yaml under DIR
           waymark-bench catalog ROOT   catalog find + load + validate + relate for a site root
           waymark-bench docs|events|policy|scorecards ROOT   one later stage over a site root
           waymark-bench cel ROOT CHECKS.json   CEL evaluations per second over the catalog's entities
           waymark-bench docs-site ROOT OUT   docs pages through the layouts (nav, TOC), published to OUT
           waymark-bench site ROOT OUT   the whole portal published to OUT, even with errors
           waymark-bench search ROOT   the search indexes alone (full text and titles)
    """

  static func main() async {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard arguments.count == (["cel", "docs-site", "site"].contains(arguments.first ?? "") ? 3 : 2) else {
      fail(usage, status: 2)
    }
    let target = URL(fileURLWithPath: arguments[1]).standardizedFileURL
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      fail("waymark-bench: \(arguments[1]) is not a folder", status: 2)
    }
    let report: ProbeReport
    switch arguments[0] {
    case "yaml": report = YAMLThroughputProbe(folder: target).run()
    case "catalog": report = await CatalogStageProbe(root: target).run()
    case "search": report = await SearchIndexProbe(root: target).run()
    case let stage where PipelineStageProbe.stages.contains(stage):
      report = await PipelineStageProbe(stage: stage, root: target).run()
    case "cel":
      let checks = URL(fileURLWithPath: arguments[2]).standardizedFileURL
      do { report = try await CELThroughputProbe(root: target, checksFile: checks).run() } catch {
        fail(error.message, status: 2)
      }
    case "docs-site", "site":
      let output = URL(fileURLWithPath: arguments[2]).standardizedFileURL
      do {
        report =
          arguments[0] == "site"
          ? try await WholeSiteProbe(root: target, output: output).run()
          : try await DocsSiteProbe(root: target, output: output).run()
      } catch { fail(error.message, status: 3) }
    default: fail(usage, status: 2)
    }
    print(JSONWriter(pretty: false).string(for: report.value))
  }

  static func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
  }
}
