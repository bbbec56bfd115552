import Testing
import WaymarkKit
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

/// The word rules shared with `layouts/_assets/search.js` (Tests/Search/test_search_engine.cjs
/// checks the JS against the same cases).
@Suite struct SearchTextTests {
  @Test func wordsAreFoldedAndSplitOnAnythingButLettersAndDigits() {
    #expect(
      SearchText.words(in: "Payments-API v2: a café (ÉTÉ) Straße") == [
        "payments", "api", "v2", "cafe", "ete", "straße",
      ])
    #expect(SearchText.compact("Payments-API") == "paymentsapi")
  }

  /// `words(in:)` cuts the text at ASCII punctuation and spaces and folds only the runs with other
  /// characters: the same words as folding and splitting the whole text by scalars.
  @Test func wordsCutAtASCIIPunctuationAreTheWordsOfTheWholeTextFolded() {
    let texts = [
      "", "a", "ab", "Plain ASCII, with punctuation: yes!", "tab\tand\r\nlines", "x_y-z.w/v",
      "café Straße ÉTÉ naïve résumé", "e\u{301}te\u{300} combining", "Σίσυφος ΣΟΦΙΑ", "İstanbul ǅemal ﬁle",
      "日本語のテキスト 漢字 mixed 語", "emoji 👩‍👩‍👧 family", "a·b · c", "Ａｐｐ full width ０９", "١٢٣ arabic-indic",
      "\u{600}x prepend", "nbsp\u{A0}between", "mark at start \u{301}abc", "K\u{212A}elvin", "a\u{0}b\u{7F}c",
    ]
    for text in texts { #expect(SearchText.words(in: text) == SearchText.foldedWords(in: text), "\(text)") }
  }

  /// Collapsing whitespace by scalars gives what splitting by characters gives, or declines.
  @Test func whitespaceCollapsesAsSplittingByCharactersDoes() {
    let texts = [
      "", "   ", "plain", "  two   words\t\n", "a\r\nb", "nbsp\u{A0}and\u{3000}ideographic\u{2028}line",
      "a · b", "café  Straße", "tab\u{B}vt\u{C}ff\u{85}nel", "\u{1C}\u{1D}\u{1E}\u{1F} unit separators",
      "日本語 テキスト", "👩‍👩‍👧 family  ", "x\u{2000}\u{200A}y\u{202F}z\u{205F}w\u{1680}v",
    ]
    for text in texts {
      let split = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(SearchText.collapsingWhitespace(text) == split, "\(text.unicodeScalars.map(\.value))")
    }
    // A space a mark, joiner or spacing mark extends, or a prepended sign before one: left to characters.
    for text in ["a \u{301}b", "a \u{200D}b", "a \u{903}b", "a\u{600} b", "a \u{1F3FB}", "a\u{D4E} b"] {
      #expect(SearchText.collapsingWhitespace(text) == nil, "\(text.unicodeScalars.map(\.value))")
    }
    // One scalar, one character: its whitespace is the scalar's.
    for value in UInt32(0)...0x3100 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = "a\(Character(scalar))b"
      #expect(
        SearchText.collapsingWhitespace(text)
          == text.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(value)")
    }
  }

  @Test func theStemmerJoinsTheFormsOfAWord() {
    let cases = [
      "deploys": "deploy", "deployed": "deploy", "deploying": "deploy", "deployment": "deploy", "deployments": "deploy",
      "payments": "payment", "shipment": "shipment", "services": "servic", "service": "servic",
      "configuration": "configur", "configure": "configur", "creation": "creat", "created": "creat", "running": "run",
      "policies": "policy", "classes": "class", "status": "status", "v2s": "v2s", "api": "api",
    ]
    for (word, stem) in cases.sorted(by: { $0.key < $1.key }) { #expect(SearchText.stem(word) == stem, "\(word)") }
  }

  @Test func plainTextDropsTagsAndDecodesEntities() {
    #expect(
      SearchText.plainText(fromHTML: "<h1 id=\"a\">Runbook</h1><p>Kafka &amp; <code>k&lt;2</code>&#39;s &bogus</p>")
        == "Runbook Kafka & k<2 's &bogus")
  }

  @Test func plainTextKeepsWhatIsNotAnEntityAsWritten() {
    let cases = [
      "a &amp&lt; b": "a &amp&lt; b",  // the byte ending a name that is not an entity is text
      "x &ab<b>y</b>": "x &ab y",  // unless it opens a tag
      "&#x1F600; &#233;t&#xE9;": "😀 été",
      "&abcdefghij; &abcdefghijk;": "&abcdefghij; &abcdefghijk;",  // ten letters at most
      "caf&é; &": "caf&é; &",
      "<p>Ünïcode &mdash;</p><p>end": "Ünïcode &mdash; end",
      "text <unclosed tag": "text",
    ]
    for (html, text) in cases.sorted(by: { $0.key < $1.key }) {
      #expect(SearchText.plainText(fromHTML: html) == text, "\(html)")
    }
  }

  @Test func asciiWordsAreLowercasedAsTheyAre() {
    #expect(SearchText.words(in: "Deploy API-v2 to EU_West x") == ["deploy", "api", "v2", "to", "eu", "west"])
  }
}

@Suite struct FullTextIndexWriterTests {
  let entries = [
    SearchEntry(
      url: "catalog/default/component/payments-api/", kind: "Component", title: "Payments API", owner: "Payments",
      names: ["payments-api", "Payments API"], titleText: "payments-api Payments API", tags: ["kotlin"],
      headings: "Takes card payments.", body: "Component service", excerpt: "Takes card payments."),
    SearchEntry(
      url: "docs/default/component/payments-api/runbook/", kind: "Docs", title: "Runbook · Payments API",
      titleText: "Runbook", headings: "High decline rate", body: "Page the payments on-call via PagerDuty.",
      excerpt: "Page the payments on-call via PagerDuty."),
  ]

  @Test func writesAManifestShardsAndOneFragmentPerEntry() throws {
    let files = FullTextIndexWriter().files(for: entries)
    let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    #expect(
      byPath["search/v2/manifest.json"]
        == #"{"documents":2,"kinds":[["Component",0],["Docs",1]],"shards":"ap ca co de hi ko on pa ra ru se ta th vi","version":2}"#
    )
    // `payment` is in both: the component's title and description (idf 0.18 × (title 9.41 + description 2)
    // × Component prior 1.25 = 2.60) outweigh the runbook's body; names list documents only.
    #expect(
      byPath["search/v2/t/pa.json"] == #"{"=paymentsapi":[0],"page":[1,51],"pagerduty":[1,51],"payment":[0,260,1,13]}"#)
    #expect(
      byPath["search/v2/f/1.json"]
        == #"{"k":"Docs","o":"","t":"Runbook · Payments API","u":"docs/default/component/payments-api/runbook/","x":"Page the payments on-call via PagerDuty."}"#
    )
    #expect(files.count == 1 + 14 + 2)
  }

  @Test func splitsAShardOverBudgetByOneMoreLetter() {
    let many = (0..<40).map {
      SearchEntry(url: "u\($0)", kind: "K", title: "t", titleText: "paper\($0) pasta\($0) pa", body: "")
    }
    let manifest = FullTextIndexWriter(shardBudget: 400).files(for: many).first { $0.path == "search/v2/manifest.json" }
    let shards = manifest.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    // `pa` keeps the two-letter term; the longer ones move to `pap…` and `pas…` shards.
    #expect(shards.contains(#""shards":"pa pap"#))
    #expect(shards.contains(" pas"))
  }

  @Test func cutsLongExcerptsAtAWord() {
    let long = SearchEntry(url: "u", kind: "Docs", title: "t", titleText: "t", excerpt: "alpha beta gamma delta")
    let fragment = FullTextIndexWriter(excerptLimit: 13).files(for: [long]).first { $0.path == "search/v2/f/0.json" }
    #expect(fragment.map { String(decoding: $0.bytes, as: UTF8.self) }?.contains(#""x":"alpha beta""#) == true)
  }
}

@Suite struct FullTextCatalogueTests {
  @Test func theDemoIndexHoldsDocsBodiesAndLLMsText() async throws {
    let result = try await SiteBuilder().build(
      BuildOptions(
        root: TestPaths.repositoryRoot, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"), writesOutput: false))
    let text = { (path: String) in
      result.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
    // `kafka` only appears in the invoice worker's docs body, besides the Kafka entities.
    let kafka = try #require(text("search/v2/t/ka.json") ?? text("search/v2/t/kaf.json"))
    #expect(kafka.contains(#""kafka":["#))
    #expect(result.files.filter { $0.path.hasPrefix("search/v2/") }.allSatisfy { $0.bytes.count < 40_000 })
    let llms = try #require(text("llms.txt"))
    #expect(llms.hasPrefix("# Acme Developer Portal\n\n> A developer portal built by Waymark: "))
    #expect(llms.contains("- [Payments API](docs/default/component/payments-api/): 6 pages, "))
    #expect(llms.contains("- [Catalog](api/catalog.json): "))
  }

  @Test func llmsTextEscapesCatalogText() {
    #expect(LLMsTextRenderer.escaped("[x](javascript:1)\n*b*") == #"\[x\]\(javascript:1\) \*b\*"#)
    #expect(LLMsTextRenderer.escaped("Plain text, café – ünïcode.") == "Plain text, café – ünïcode.")
    #expect(LLMsTextRenderer.escaped("a\r\nb\u{2028}c\u{85}d\u{0B}e|f") == #"a b c d e\|f"#)
    #expect(LLMsTextRenderer.escaped("\u{2026} and \u{00E9}") == "\u{2026} and \u{00E9}")
  }
}
