import StructuredData
import Testing
import WaymarkLoading
import WaymarkModel
import YAML

/// The folders Software Templates fetch their content from, and skeleton detection (issue 21).
@Suite struct TemplateContentFoldersTests {
  func document(_ path: String, _ yaml: String) throws -> CatalogDocument {
    let root = try #require(YAMLLoader().load(bytes: Array(yaml.utf8)).documents.first?.root)
    let conversion = YAMLConverter().convert(root)
    return CatalogDocument(path: path, index: 0, line: 1, value: conversion.value, sourceMap: conversion.sourceMap)
  }

  static let template = """
    apiVersion: scaffolder.backstage.io/v1beta3
    kind: Template
    metadata: {name: service}
    spec:
      steps:
        - {id: base, action: fetch:template, input: {url: ./skeleton}}
        - {id: docs, action: fetch:plain, input: {url: ../shared/content, targetPath: docs}}
        - {id: lang, action: fetch:template, input: {url: "./langs/${{ parameters.lang }}/src"}}
        - {id: remote, action: fetch:template, input: {url: "https://github.com/acme/skeletons/tree/main/go"}}
        - {id: self, action: fetch:plain, input: {url: ./}}
        - {id: file, action: fetch:template:file, input: {url: ./files/README.md, targetPath: README.md}}
        - {id: publish, action: publish:github, input: {url: ./not-fetched}}
    """

  @Test func relativeFetchURLsResolveBesideTheTemplateFile() throws {
    let folders = TemplateContentFolders.folders(in: [try document("templates/service/template.yaml", Self.template)])
    #expect(
      folders == [
        "templates/service/files/README.md", "templates/service/langs", "templates/service/skeleton",
        "templates/shared/content",
      ])
    #expect(TemplateContentFolders.contains(folders, "templates/service/skeleton/catalog-info.yaml"))
    #expect(!TemplateContentFolders.contains(folders, "templates/service/skeleton-old/catalog-info.yaml"))
    #expect(!TemplateContentFolders.contains(folders, "templates/service/template.yaml"))
  }

  @Test func onlyScaffolderTemplatesCount() throws {
    let component = Self.template.replacingOccurrences(of: "kind: Template", with: "kind: Component")
    #expect(TemplateContentFolders.folders(in: [try document("templates/service/template.yaml", component)]).isEmpty)
  }

  @Test func aTemplateWithPlaceholdersInItsStepsIsNoSkeletonButAComponentWithOneIs() {
    func skeleton(_ text: String) -> Bool {
      let stream = YAMLLoader().load(bytes: Array(text.utf8))
      let values = stream.documents.map { YAMLConverter().convert($0.root).value }
      return TemplateSkeletonDetector.holdsPlaceholders(Array(text.utf8))
        && TemplateSkeletonDetector.skeletonDiagnostic(path: "x.yaml", stream: stream, values: values) != nil
    }
    #expect(!skeleton(Self.template))
    #expect(skeleton("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${{ values.name }}\n"))
    #expect(skeleton("kind: Component\nmetadata:\n  {%- if values.x %}\n  name: a\n  {%- endif %}\n"))
    #expect(!skeleton("kind: Component\nmetadata:\n  name: a\n  description: costs $5 {not a placeholder}\n"))
  }
}
