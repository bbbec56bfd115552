import WaymarkModel

/// Shares one copy of each repeated string (subject ids, event types, environments), and
/// remembers what each event type string means.
///
/// Events of one subject repeat the same few strings thousands of times; sharing their storage
/// keeps the decoded events smaller than the export. One interner per chunk of input, so
/// parallel decoding needs no shared state.
package struct StringInterner {
  private var table: [String: String] = [:]
  private var kinds: [String: DeliveryEvent.Kind?] = [:]

  /// What an event type means, worked out once per type (`resolve`) and remembered.
  package mutating func kind(of type: String, resolve: (String) -> DeliveryEvent.Kind?) -> DeliveryEvent.Kind? {
    if let known = kinds[type] { return known }
    let kind = resolve(type)
    kinds[type] = kind
    return kind
  }

  package mutating func intern(_ text: String) -> String {
    if text.utf8.count <= 15 { return text }  // small strings live inline; nothing to share
    if let shared = table[text] { return shared }
    table[text] = text
    return text
  }

  package mutating func intern(ifPresent text: String?) -> String? {
    text.map { intern($0) }
  }
}
