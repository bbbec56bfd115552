import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Decides whether a docs SVG image is inert enough to publish, by reading it with a real XML
/// parser (libxml2 through `XMLParser`) and accepting only a whitelist.
///
/// A browser opens an `.svg` file as an XML document, so a file that parses as well-formed UTF-8
/// XML and holds only drawing elements and presentation attributes cannot run script, whatever
/// its bytes look like: no `script`, `foreignObject`, `a`, animation or `image` element, no
/// `on…` attribute, `href` only to a `#fragment`, `url(…)` only to a `#fragment`, no DOCTYPE
/// (entities), no processing instruction but the XML declaration, no encoding but UTF-8. The file
/// is published byte for byte when accepted; anything else is refused with the reason.
package struct SVGAssetChecker: Sendable {
  /// Creates a checker.
  package init() {}

  /// Why a file is refused, and the 1-based line the parser was at (0 when not known).
  package struct Refusal: Sendable, Hashable {
    package var reason: String
    package var line: Int

    /// Creates a value from each stored property.
    package init(reason: String, line: Int) {
      self.reason = reason
      self.line = line
    }
  }

  package static let svgNamespace = "http://www.w3.org/2000/svg"

  package static let elements: Set<String> = [
    "svg", "g", "defs", "title", "desc", "metadata", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "text", "tspan", "textPath", "marker", "linearGradient", "radialGradient", "stop",
    "clipPath", "mask", "pattern", "filter", "feGaussianBlur", "feOffset", "feBlend", "feFlood", "feComposite",
    "feMerge", "feMergeNode", "feColorMatrix", "feDropShadow", "style",
  ]

  package static let attributes: Set<String> = [
    "xmlns", "xmlns:xlink", "version", "id", "class", "style", "width", "height", "x", "y", "x1", "y1", "x2", "y2",
    "cx", "cy", "r", "rx", "ry", "d", "points", "viewBox", "preserveAspectRatio", "transform", "fill", "fill-opacity",
    "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-dasharray",
    "stroke-dashoffset", "stroke-miterlimit", "opacity", "font-family", "font-size", "font-weight", "font-style",
    "text-anchor", "dominant-baseline", "alignment-baseline", "letter-spacing", "dx", "dy", "rotate", "textLength",
    "lengthAdjust", "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight", "markerUnits", "refX",
    "refY", "orient", "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
    "fx", "fy", "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "clip-path", "clip-rule",
    "mask", "maskUnits", "maskContentUnits", "filter", "filterUnits", "primitiveUnits", "in", "in2", "result",
    "stdDeviation", "mode", "operator", "type", "values", "flood-color", "flood-opacity", "visibility", "display",
    "role", "aria-label", "aria-hidden", "aria-labelledby", "aria-describedby", "lang", "xml:lang", "xml:space",
    "href", "xlink:href", "vector-effect", "shape-rendering", "text-rendering", "color", "direction", "writing-mode",
    "baseline-shift", "startOffset", "method", "spacing", "side", "pathLength", "data-name",
  ]

  /// Nil when `bytes` may be published, else why not.
  package func refusal(for bytes: [UInt8]) -> Refusal? {
    if let reason = Self.encodingProblem(bytes) { return Refusal(reason: reason, line: 0) }
    let delegate = SVGWhitelistDelegate()
    let parser = XMLParser(data: Data(bytes))
    parser.shouldProcessNamespaces = true
    parser.shouldResolveExternalEntities = false
    parser.delegate = delegate
    let parsed = parser.parse()
    if let refusal = delegate.refusal { return refusal }
    // `parse()` can return true after an error (corelibs): the error and unclosed elements count.
    guard parsed, parser.parserError == nil, delegate.openElements == 0 else {
      return Refusal(reason: "it is not well-formed XML", line: parser.lineNumber)
    }
    return delegate.sawRoot ? nil : Refusal(reason: "it has no 'svg' root element", line: 0)
  }

  /// Why the bytes' encoding could differ between a browser and the parser: anything but UTF-8
  /// (a UTF-16 byte-order mark, invalid bytes, another declared encoding), or a DOCTYPE.
  package static func encodingProblem(_ bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
      return "it is not UTF-8 (a UTF-16 byte-order mark)"
    }
    guard String(validating: bytes, as: UTF8.self) != nil else { return "it is not valid UTF-8" }
    if bytes.contains(0) { return "it holds NUL bytes" }
    let text = String(decoding: bytes, as: UTF8.self)
    let lowered = text.lowercased()
    if lowered.contains("<!doctype") || lowered.contains("<!entity") {
      return "it has a DOCTYPE (entities can expand to markup)"
    }
    if lowered.hasPrefix("<?xml") || lowered.hasPrefix("\u{FEFF}<?xml") {
      let declaration = lowered.prefix { $0 != ">" }
      if let range = declaration.range(of: "encoding") {
        let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        if !value.hasPrefix("utf-8") { return "it declares an encoding other than UTF-8" }
      }
    }
    return nil
  }

  /// Why one attribute is refused, or nil.
  package static func attributeProblem(_ name: String, value: String, element: String) -> String? {
    guard attributes.contains(name) else { return "an attribute '\(name)' on '\(element)'" }
    if name == "href" || name == "xlink:href", !value.hasPrefix("#") {
      return "an '\(name)' on '\(element)' that is not a '#fragment'"
    }
    if let problem = styleProblem(value) { return "\(problem) in '\(name)' on '\(element)'" }
    return nil
  }

  /// Why a CSS or attribute value is refused: a `url(…)` that is not a `#fragment`, an `@import`.
  package static func styleProblem(_ value: String) -> String? {
    let compact = value.lowercased().filter { !$0.isWhitespace && $0 != "\\" }
    if compact.contains("@import") { return "an '@import'" }
    var rest = Substring(compact)
    while let range = rest.range(of: "url(") {
      let target = rest[range.upperBound...].drop { $0 == "\"" || $0 == "'" }
      if !target.hasPrefix("#") { return "a 'url(…)' that is not a '#fragment'" }
      rest = rest[range.upperBound...]
    }
    return nil
  }
}

/// Walks an SVG's elements for `SVGAssetChecker`, stopping at the first one not on its lists.
private final class SVGWhitelistDelegate: NSObject, XMLParserDelegate {
  var refusal: SVGAssetChecker.Refusal?
  var sawRoot = false
  var openElements = 0
  private var styleDepth = 0
  /// The text of the open `style` element: the parser may hand it over in pieces.
  private var styleText = ""

  func refuse(_ reason: String, _ parser: XMLParser) {
    guard refusal == nil else { return }
    refusal = SVGAssetChecker.Refusal(reason: reason, line: parser.lineNumber)
    parser.abortParsing()
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    openElements += 1
    if !sawRoot {
      sawRoot = true
      guard elementName == "svg" else { return refuse("its root element is '\(elementName)', not 'svg'", parser) }
    }
    guard namespaceURI == SVGAssetChecker.svgNamespace else {
      return refuse("an element '\(qualifiedName ?? elementName)' outside the SVG namespace", parser)
    }
    guard SVGAssetChecker.elements.contains(elementName) else { return refuse("an element '\(elementName)'", parser) }
    if elementName == "style" { styleDepth += 1 }
    for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
      if let problem = SVGAssetChecker.attributeProblem(name, value: value, element: elementName) {
        return refuse(problem, parser)
      }
    }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    openElements -= 1
    guard elementName == "style" else { return }
    styleDepth -= 1
    if let problem = SVGAssetChecker.styleProblem(styleText) { refuse("\(problem) in a 'style' element", parser) }
    styleText = ""
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if styleDepth > 0 { styleText += string }
  }

  func parser(_ parser: XMLParser, foundCDATA block: Data) {
    if styleDepth > 0 { styleText += String(decoding: block, as: UTF8.self) }
  }

  func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
    refuse("a processing instruction '<?\(target)'", parser)
  }

  func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
    refuse("an entity declaration", parser)
  }

  func parser(
    _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?
  ) {
    refuse("an entity declaration", parser)
  }
}
