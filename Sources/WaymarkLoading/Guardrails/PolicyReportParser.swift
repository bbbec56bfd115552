import Foundation
import StructuredData
import WaymarkModel
import YAML

/// Reads Kubernetes PolicyReport / ClusterPolicyReport YAML (`wgpolicyk8s.io` v1alpha1, v1alpha2,
/// v1beta1, `reports.x-k8s.io`, OpenReports `openreports.io` `Report`), single or multi-document,
/// `kind: List`, and Kyverno CLI output with its banner.
///
/// Each result becomes one finding per resource in `resources[]`, else one about the report's
/// `scope`. Rule ids are `policy/rule` (or `policy`); v1alpha1's `status` is read as `result`.
/// `summary` is not used: it cannot be split between entities and may not match `results`.
package struct PolicyReportParser {
  package let path: String

  package static let groups = ["wgpolicyk8s.io/", "reports.x-k8s.io/", "openreports.io/"]
  package static let kinds: Set<String> = ["PolicyReport", "ClusterPolicyReport", "Report", "ClusterReport"]

  /// Whether a YAML document is a report.
  package static func isReport(_ value: JSONValue) -> Bool {
    guard let apiVersion = value["apiVersion"]?.stringValue, let kind = value["kind"]?.stringValue else { return false }
    return groups.contains { apiVersion.hasPrefix($0) } && kinds.contains(kind)
  }

  /// Kyverno CLI prints `Applying …` and a `POLICY REPORT:` banner before the YAML; the banner
  /// lines are turned into comments so line numbers stay those of the file.
  package static func strippingBanner(_ bytes: [UInt8]) -> [UInt8] {
    // Most files have no banner: finding that out by trimming every line with Foundation cost
    // more than parsing the YAML (half of fuzz-policyreport's time).
    guard contains(bytes, bannerMarker) else { return bytes }
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let marker = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "POLICY REPORT:" }) else {
      return bytes
    }
    var end = marker
    if marker + 1 < lines.count, lines[marker + 1].allSatisfy({ $0 == "-" }), !lines[marker + 1].isEmpty {
      end = marker + 1
    }
    let commented = lines.enumerated().map { index, line in index <= end ? "# " + line : String(line) }
    return Array(commented.joined(separator: "\n").utf8)
  }

  package static let bannerMarker = Array("POLICY REPORT:".utf8)

  /// Whether `needle` (not empty) occurs in `bytes`; `memchr` and `memcmp` do the scanning.
  ///
  /// Not the standard library's `firstRange(of:)`: it instantiates generic metadata and builds a
  /// Z-array on every call, which made fuzz-policyreport ten times slower (2,580 inputs a second
  /// down to 240), and the C functions scan a large file a word at a time.
  package static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { haystack in
      needle.withUnsafeBufferPointer { needle in
        guard let base = haystack.baseAddress, let first = needle.first, let pattern = needle.baseAddress else {
          return false
        }
        var start = 0
        while haystack.count - start >= needle.count,
          let hit = memchr(base + start, Int32(first), haystack.count - start)
        {
          let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
          guard haystack.count - offset >= needle.count else { return false }
          if memcmp(hit, pattern, needle.count) == 0 { return true }
          start = offset + 1
        }
        return false
      }
    }
  }

  /// Parses the documents of a YAML stream; returns false when none is a report.
  package func parse(_ stream: YAMLStream, into file: inout ParsedGuardrailFile) -> Bool {
    var reports: [(JSONValue, ValuePath, YAMLSourceMap)] = []
    var others: [SourceLocation] = []
    for document in stream.documents {
      let conversion = YAMLConverter().convert(document.root)
      file.diagnostics += conversion.problems.map { Diagnostic(yaml: $0, path: path) }
      let value = conversion.value
      if Self.isReport(value) {
        reports.append((value, ValuePath(), conversion.sourceMap))
      } else if value["kind"]?.stringValue == "List", let items = value["items"]?.arrayValue {
        for (index, item) in items.enumerated() {
          let itemPath = ValuePath([.key("items"), .index(index)])
          if Self.isReport(item) {
            reports.append((item, itemPath, conversion.sourceMap))
          } else {
            others.append(SourceLocation(path: path, position: conversion.sourceMap.position(of: itemPath)))
          }
        }
      } else if !value.isNull {
        others.append(SourceLocation(path: path, position: document.root.start))
      }
    }
    guard !reports.isEmpty else { return false }
    for location in others {
      file.diagnostics.append(
        .warning(
          .policyNotAReport, "document is not a PolicyReport, ClusterPolicyReport or Report; it is ignored",
          at: location))
    }
    for (report, reportPath, sourceMap) in reports {
      parse(report: report, at: reportPath, sourceMap: sourceMap, into: &file)
    }
    return true
  }

  private func parse(
    report: JSONValue, at reportPath: ValuePath, sourceMap: YAMLSourceMap, into file: inout ParsedGuardrailFile
  ) {
    let labels = report["metadata"]?["labels"]
    let annotations = report["metadata"]?["annotations"]
    let engine =
      report["source"]?.stringValue ?? labels?["policy.kubernetes.io/engine"]?.stringValue
      ?? labels?["wgpolicyk8s.io/engine"]?.stringValue ?? labels?["app.kubernetes.io/managed-by"]?.stringValue
    let reportEntity =
      annotations?[SARIFParser.entityProperty]?.stringValue ?? labels?[SARIFParser.entityProperty]?.stringValue
    let namespace = report["metadata"]?["namespace"]?.stringValue
    let scope =
      report["scope"].flatMap { Self.object($0, defaultNamespace: namespace) }
      ?? report["scopeSelector"].flatMap { Self.object(selector: $0, namespace: namespace) }
    for (index, result) in (report["results"]?.arrayValue ?? []).enumerated() {
      let resultPath = ValuePath(reportPath.components + [.key("results"), .index(index)])
      let input = SourceLocation(path: path, position: sourceMap.position(of: resultPath))
      guard let policy = result["policy"]?.stringValue else {
        file.diagnostics.append(.warning(.policyReportShape, "report result has no 'policy'; it is skipped", at: input))
        continue
      }
      let word = result["result"]?.stringValue ?? result["status"]?.stringValue ?? ""
      guard let outcome = GuardrailOutcome(rawValue: word.lowercased()) else {
        file.diagnostics.append(
          .warning(
            .policyReportShape, "report result '\(word)' is not pass, fail, warn, error or skip; it is skipped",
            at: input))
        continue
      }
      let rule = result["rule"]?.stringValue
      let tool = result["source"]?.stringValue ?? engine ?? "policyreport"
      file.noteTool(tool)
      let severityWord = result["severity"]?.stringValue ?? result["properties"]?["severity"]?.stringValue
      var objects = (result["resources"]?.arrayValue ?? []).compactMap { Self.object($0, defaultNamespace: nil) }
      if objects.isEmpty,
        let selected = result["resourceSelector"].flatMap({ Self.object(selector: $0, namespace: namespace) })
      {
        objects = [selected]
      }
      if objects.isEmpty, let scope { objects = [scope] }
      let finding = GuardrailFinding(
        tool: tool, ruleId: rule.map { "\(policy)/\($0)" } ?? policy, ruleName: rule, result: outcome,
        severity: severityWord.flatMap(GuardrailSeverity.init(word:)) ?? .fallback(for: outcome),
        message: result["message"]?.stringValue ?? result["description"]?.stringValue ?? "", input: input,
        entityRef: result["properties"]?[SARIFParser.entityProperty]?.stringValue ?? reportEntity)
      if objects.isEmpty {
        file.findings.append(finding)
      }
      for object in objects {
        var one = finding
        one.kubernetes = [object]
        file.findings.append(one)
      }
    }
  }

  /// The object a label selector picks, known by its label, when it selects by
  /// `backstage.io/kubernetes-id`.
  package static func object(selector: JSONValue, namespace: String?) -> KubernetesObject? {
    guard let id = selector["matchLabels"]?[KubernetesObject.kubernetesIdLabel]?.stringValue else { return nil }
    return KubernetesObject(kind: "", namespace: namespace ?? "", name: "", kubernetesId: id)
  }

  /// An ObjectReference as a Kubernetes object, if it names one.
  package static func object(_ reference: JSONValue, defaultNamespace: String?) -> KubernetesObject? {
    guard let name = reference["name"]?.stringValue else { return nil }
    return KubernetesObject(
      kind: reference["kind"]?.stringValue ?? "",
      namespace: reference["namespace"]?.stringValue ?? defaultNamespace ?? "",
      name: name)
  }
}
