import Testing
import WaymarkDocs

@Suite struct ActiveMarkupDetectorTests {
  func first(_ markup: String) -> String? {
    ActiveMarkupDetector().firstActiveConstruct(in: Array(markup.utf8)).map { "\($0.offset) \($0.description)" }
  }

  @Test func findsScriptHandlersAndScriptURLs() {
    #expect(first("<svg><script>x</script></svg>") == "5 a 'script' element")
    #expect(first("<svg><svg:script/></svg>") == "5 a 'script' element")
    #expect(first("<svg onload=alert(1)>") == "5 an 'onload' event handler")
    #expect(first("<svg><g/onclick='x'></g></svg>") == "8 an 'onclick' event handler")
    #expect(first("<a xlink:href=\"java&#x73;cript&colon;x\">") == "3 a 'javascript:' URL in 'xlink:href'")
    #expect(first("<a href=\" \tjavascript:x\">") == "3 a 'javascript:' URL in 'href'")
    #expect(first("<set attributeName=\"href\" to=\"javascript:x\"/>") == "26 a 'javascript:' URL in 'to'")
    #expect(first("<image href=\"data:text/html,x\"/>") == "7 a 'data:' URL in 'href'")
    #expect(first("<svg><foreignObject><div/></foreignObject></svg>") == "5 a 'foreignobject' element")
    #expect(first("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>") == "0 a DOCTYPE internal subset (entities can expand to markup)")
    #expect(first("<html><meta http-equiv=\"refresh\" content=\"0;url=x\">") == "6 a 'meta' refresh")
    #expect(first("<iframe src=x>") == "0 a 'iframe' element")
  }

  @Test func plainPicturesAreNotActive() {
    #expect(first("<?xml version=\"1.0\"?><!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x.dtd\"><svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\" fill=\"red\"/></svg>") == nil)
    #expect(first("<svg><!-- <script>x</script> --><![CDATA[ <script> ]]><text>onload=1 &lt;script&gt;</text></svg>") == nil)
    #expect(first("<svg><image href=\"data:image/png;base64,AAAA\"/><a href=\"https://example.com/\">x</a></svg>") == nil)
    #expect(first("<svg><g opacity=\"0.5\" offset=\"1\" orient=\"auto\"></g></svg>") == nil)
  }
}
