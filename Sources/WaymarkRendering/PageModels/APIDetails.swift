/// An API entity page's `api` key: the definition and what it declares.
package struct APIDetails: Codable, Sendable, TemplateDescribed {
  /// An OpenAPI operation.
  package struct Operation: Codable, Sendable, TemplateDescribed {
    package var method: String
    package var path: String
    package var summary: String
    package var parameters: String

    package static let keyMeanings = [
      "method": "The HTTP method, upper case.", "path": "The path.", "summary": "The operation's summary.",
      "parameters": "Its parameters' names, comma-separated.",
    ]
  }

  /// An AsyncAPI channel.
  package struct Channel: Codable, Sendable, TemplateDescribed {
    package var name: String
    package var actions: String
    package var description: String

    package static let keyMeanings = [
      "name": "The channel.", "actions": "Its actions, comma-separated.", "description": "Its description.",
    ]
  }

  /// A gRPC service.
  package struct Service: Codable, Sendable, TemplateDescribed {
    package var name: String
    package var methods: [String]

    package static let keyMeanings = ["name": "The service.", "methods": "Its methods."]
  }

  package var definition: String
  package var hasDefinition: Bool
  package var operations: [Operation]
  package var hasOperations: Bool
  package var channels: [Channel]
  package var hasChannels: Bool
  package var services: [Service]
  package var hasServices: Bool
  package var fields: [String]
  package var hasFields: Bool

  package static let keyMeanings = [
    "definition": "`spec.definition` as text.",
    "hasDefinition": "Whether the definition is non-empty.",
    "operations": "OpenAPI operations.",
    "hasOperations": "Whether `operations` is non-empty.",
    "channels": "AsyncAPI channels.",
    "hasChannels": "Whether `channels` is non-empty.",
    "services": "gRPC services.",
    "hasServices": "Whether `services` is non-empty.",
    "fields": "GraphQL query and mutation fields.",
    "hasFields": "Whether `fields` is non-empty.",
  ]
}
