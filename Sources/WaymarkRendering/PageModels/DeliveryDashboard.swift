/// The delivery dashboard's `dora` key: the organisation's tiles, then a table per roll-up level
/// and the self-service tickets.
package struct DeliveryDashboard: Codable, Sendable, TemplateDescribed {
  /// A table of one roll-up level (groups, domains, systems, components).
  package struct Section: Codable, Sendable, TemplateDescribed {
    package var heading: String
    package var note: String?
    package var rows: [Row]

    package static let keyMeanings = [
      "heading": "`Groups`, `Domains`, `Systems` or `Components`.",
      "note": "Why the table lists only some rows; absent when it lists all.",
      "rows": "One row per entity.",
    ]
  }

  /// One entity's figures.
  package struct Row: Codable, Sendable, TemplateDescribed {
    package var entity: EntityLink
    package var deployments: Int
    package var cells: [Cell]
    package var sparkline: String

    package static let keyMeanings = [
      "entity": "The entity.",
      "deployments": "Its production deployments.",
      "cells": "Frequency, lead time, failure rate, recovery time and rework rate, in that order.",
      "sparkline": "SVG polyline points of weekly deployments.",
    ]
  }

  /// One figure of a row.
  package struct Cell: Codable, Sendable, TemplateDescribed {
    package var value: String
    package var band: String?

    package static let keyMeanings = ["value": "The value, or `no data`.", "band": "Its band; absent when none."]
  }

  /// The self-service table.
  package struct Tickets: Codable, Sendable, TemplateDescribed {
    package var rows: [TicketRow]
    package var unassigned: TemplateScalar

    package static let keyMeanings = [
      "rows": "The organisation, then each team with tickets or a golden-path entity.",
      "unassigned": "Tickets that name no team.",
    ]
  }

  /// One team's (or the organisation's) tickets.
  package struct TicketRow: Codable, Sendable, TemplateDescribed {
    package var name: String?
    package var entity: EntityLink?
    package var created: TemplateScalar
    package var closed: TemplateScalar
    package var open: TemplateScalar
    package var medianToClose: String
    package var types: String
    package var firstGoldenPath: String
    package var perWeekBefore: String
    package var perWeekAfter: String
    package var sparkline: String

    package static let keyMeanings = [
      "name": "`Organisation` on the first row; absent on team rows.",
      "entity": "The team; absent on the organisation's row.",
      "created": "Tickets created in the window.",
      "closed": "Tickets closed.",
      "open": "Tickets still open.",
      "medianToClose": "The median time to close, or `no data`.",
      "types": "Counts by ticket type (`bug 2, feature 1`), or `none`.",
      "firstGoldenPath": "The date of the team's first golden-path entity, or `none`.",
      "perWeekBefore": "Tickets per week before that date, or `no data`.",
      "perWeekAfter": "Tickets per week after it, or `no data`.",
      "sparkline": "SVG polyline points of tickets created per week.",
    ]
  }

  package var report: String
  package var window: String
  package var hasData: Bool
  package var tiles: [DeliveryTiles.Tile]
  package var sparkline: String
  package var weeks: Int
  package var sections: [Section]
  package var tickets: Tickets?
  package var unmappedSubjects: Int
  package var unmappedEvents: Int

  package static let keyMeanings = [
    "report": "The DORA report the bands come from.",
    "window": "The metrics' window.",
    "hasData": "Whether any event counted.",
    "tiles": "The organisation's five metrics.",
    "sparkline": "SVG polyline points of the organisation's weekly deployments.",
    "weeks": "How many weeks the sparkline covers.",
    "sections": "A table per roll-up level that has entities.",
    "tickets": "The self-service table; absent when there are no tickets.",
    "unmappedSubjects": "How many event subjects mapped to no component.",
    "unmappedEvents": "How many events those subjects had.",
  ]
}
