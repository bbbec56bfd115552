import StructuredData
import Testing

@testable import YAML

@Suite struct YAMLConverterTests {
  private func position(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
  }

  private func convert(_ text: String) throws -> YAMLConversion {
    let stream = YAMLLoader().load(text)
    #expect(stream.problems == [])
    return try #require(stream.documents.first).converted()
  }

  private func value(_ text: String) throws -> JSONValue {
    let conversion = try convert(text)
    #expect(conversion.problems == [])
    return conversion.value
  }

  @Test func catalogEntity() throws {
    let text = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: payments
        tags: [go, "3"]
        annotations:
          github.com/project-slug: acme/payments
      spec:
        type: service
        replicas: 3
        ratio: 0.5
        public: false
        retired: ~
        lifecycle: 'production'
        description: |
          Line one.
          Line two.
      """
    let expected: JSONValue = [
      "apiVersion": "backstage.io/v1alpha1",
      "kind": "Component",
      "metadata": [
        "name": "payments", "tags": ["go", "3"], "annotations": ["github.com/project-slug": "acme/payments"],
      ],
      "spec": [
        "type": "service", "replicas": 3, "ratio": 0.5, "public": false, "retired": nil, "lifecycle": "production",
        "description": "Line one.\nLine two.",
      ],
    ]
    #expect(try value(text) == expected)
  }

  @Test func quotedAndBlockScalarsAreAlwaysStrings() throws {
    let text = "a: '1'\nb: \"true\"\nc: |-\n  null\nd: >-\n  0x1F\ne: 'yes'\nf: yes\ng: on\n"
    #expect(try value(text) == ["a": "1", "b": "true", "c": "null", "d": "0x1F", "e": "yes", "f": "yes", "g": "on"])
  }

  @Test func emptyValuesAreNull() throws {
    #expect(try value("a:\nb: \nc: []\nd: {}\n") == ["a": nil, "b": nil, "c": [], "d": [:]])
  }

  @Test func coreSchemaTags() throws {
    let text = """
      str: !!str 12
      int: !!int "12"
      hex: !!int 0x10
      float: !!float 1
      floatText: !!float "-.inf"
      bool: !!bool "false"
      null: !!null ""
      map: !!map {a: 1}
      seq: !!seq [1]
      nonSpecific: ! 12
      quotedNull: !!null "~"
      """
    let value = try value(text)
    #expect(value["str"] == "12")
    #expect(value["int"] == 12)
    #expect(value["hex"] == 16)
    #expect(value["float"] == .double(1))
    #expect(value["floatText"] == .double(-.infinity))
    #expect(value["bool"] == false)
    #expect(value["null"] == .null)
    #expect(value["map"] == ["a": 1])
    #expect(value["seq"] == [1])
    #expect(value["nonSpecific"] == "12")
    #expect(value["quotedNull"] == .null)
  }

  @Test func valuesThatDoNotFitTheirTag() throws {
    let conversion = try convert(
      "a: !!int 1.5\nb: !!bool yes\nc: !!null x\nd: !!float abc\ne: !!map x\nf: !!str {k: v}\ng: !!seq {k: v}\n")
    #expect(conversion.problems.map(\.code) == Array(repeating: .badTaggedValue, count: 7))
    #expect(conversion.problems.map(\.severity) == Array(repeating: .error, count: 7))
    #expect(
      conversion.problems.map(\.message) == [
        "'1.5' is not a valid !!int", "'yes' is not a valid !!bool", "'x' is not a valid !!null",
        "'abc' is not a valid !!float",
        "a scalar cannot be tagged !!map", "a mapping cannot be tagged !!str", "a mapping cannot be tagged !!seq",
      ])
    #expect(conversion.problems.map(\.position) == (1...7).map { position($0, 4) })
    #expect(conversion.value["a"] == "1.5")
    #expect(conversion.value["f"] == ["k": "v"])
  }

  @Test func unknownTagsAreWarningsAndReadAsStrings() throws {
    let conversion = try convert("a: !foo 12\nb: !!binary aGVsbG8=\nc: !!set {x}\nd: !<tag:example.com,2000:x> [1]\n")
    #expect(conversion.problems.map(\.code) == Array(repeating: .unknownTag, count: 4))
    #expect(conversion.problems.map(\.severity) == Array(repeating: .warning, count: 4))
    #expect(
      conversion.problems.map(\.message) == [
        "unknown tag '!foo'; read as a string", "unknown tag '!!binary'; read as a string",
        "unknown tag '!!set'; read as an untagged mapping",
        "unknown tag 'tag:example.com,2000:x'; read as an untagged sequence",
      ])
    #expect(conversion.problems.map(\.position) == [position(1, 4), position(2, 4), position(3, 4), position(4, 4)])
    #expect(!conversion.hasErrors)
    #expect(conversion.value == ["a": "12", "b": "aGVsbG8=", "c": ["x": nil], "d": [1]])
  }

  @Test func singleMergeKey() throws {
    let text = "base: &base\n  owner: team-a\n  type: service\nentity:\n  <<: *base\n  type: website\n"
    #expect(try value(text)["entity"] == ["owner": "team-a", "type": "website"])
  }

  @Test func mergeListPrecedence() throws {
    let text = """
      a: &a {x: a, y: a}
      b: &b {x: b, y: b, z: b}
      c:
        w: own
        y: own
        <<: [*a, *b]
      """
    #expect(try value(text)["c"] == ["w": "own", "x": "a", "y": "own", "z": "b"])
  }

  @Test func explicitKeysWinWhereverTheMergeKeyIs() throws {
    #expect(try value("a: &a {k: merged}\nb:\n  k: own\n  <<: *a\n")["b"] == ["k": "own"])
    #expect(try value("a: &a {k: merged}\nb:\n  <<: *a\n  k: own\n")["b"] == ["k": "own"])
  }

  @Test func nestedMergeKeys() throws {
    let text = "a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, z: 3}\n"
    #expect(try value(text)["c"] == ["x": 1, "y": 2, "z": 3])
  }

  @Test func inlineMergeMappingAndQuotedMergeKey() throws {
    #expect(try value("a:\n  <<: {x: 1}\n  y: 2\n")["a"] == ["x": 1, "y": 2])
    #expect(try value("a: {\"<<\": {x: 1}}\n")["a"] == ["<<": ["x": 1]])
  }

  @Test func mergeOfNonMappingIsAProblem() throws {
    let conversion = try convert("a: &s [1]\nb:\n  <<: *s\n  c: 1\nd:\n  <<: [{x: 1}, 2]\n")
    #expect(conversion.problems.map(\.code) == [.merge, .merge])
    #expect(conversion.problems.map(\.position) == [position(3, 7), position(6, 16)])
    #expect(
      conversion.problems.first?.message == "a merge key '<<' takes a mapping or a sequence of mappings, not a scalar")
    #expect(conversion.value["d"] == ["x": 1])
  }

  @Test func duplicateKeyNamesBothPositions() throws {
    let conversion = try convert("name: first\nother: 1\nname: second\n")
    #expect(conversion.problems.count == 1)
    let problem = try #require(conversion.problems.first)
    #expect(problem.code == .duplicateKey)
    #expect(problem.severity == .error)
    #expect(problem.position == position(3, 1))
    #expect(problem.message == "duplicate key 'name' at 3:1; it first appears at 1:1")
    #expect(problem.notes == [YAMLNote(message: "'name' first appears here", position: position(1, 1))])
    #expect(conversion.value["name"] == "first")
  }

  @Test func keysDifferingOnlyInQuotingAreDuplicates() throws {
    let conversion = try convert("{1: a, \"1\": b}")
    #expect(conversion.problems.map(\.code) == [.duplicateKey])
    #expect(conversion.problems.first?.position == position(1, 8))
  }

  @Test func problemsRepeatedByAliasesAreReportedOnce() throws {
    let conversion = try convert("a: &x {k: 1, k: 2}\nb: *x\nc: *x\n")
    #expect(conversion.problems.map(\.code) == [.duplicateKey])
    #expect(conversion.problems.first?.position == position(1, 14))
  }

  @Test func complexKeysAreAProblem() throws {
    let conversion = try convert("? [a, b]\n: 1\nok: 2\n")
    #expect(conversion.problems.map(\.code) == [.complexKey])
    #expect(conversion.problems.first?.message == "a mapping key must be a scalar, not a sequence")
    #expect(conversion.problems.first?.position == position(1, 3))
    #expect(conversion.value == ["ok": 2])
  }

  @Test func nonStringKeysKeepTheirText() throws {
    #expect(try value("1: a\ntrue: b\n0x10: c\n") == ["1": "a", "true": "b", "0x10": "c"])
  }

  @Test func everyProblemCode() {
    let cases: [(YAMLProblem.Code, String)] = [
      (.syntax, "a: [1\n"),
      (.duplicateKey, "a: 1\na: 2\n"),
      (.aliasLimit, "a: &a [1, 2]\nb: [*a, *a, *a]\n"),
      (.tooDeep, "[[[[1]]]]\n"),
      (.unknownTag, "a: !nope 1\n"),
      (.unknownAnchor, "a: *nope\n"),
      (.merge, "a:\n  <<: 1\n"),
      (.complexKey, "? {a: 1}\n: 2\n"),
      (.badTaggedValue, "a: !!int x\n"),
    ]
    let loader = YAMLLoader(limits: YAMLLoader.Limits(maximumDepth: 3, maximumExpandedNodes: 8))
    for (code, text) in cases {
      let stream = loader.load(text)
      let problems = stream.problems + stream.documents.flatMap { $0.converted().problems }
      #expect(problems.map(\.code) == [code], "\(text)")
    }
  }
}
