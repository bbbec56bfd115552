/// The delivery dashboard (`dora.html`), written when the site has event exports.
package struct DeliveryPage: Codable, Sendable, TemplateDescribed {
  package var dora: DeliveryDashboard

  package static let keyMeanings = ["dora": "The dashboard: the organisation's tiles, the roll-up tables, the tickets."]
}
