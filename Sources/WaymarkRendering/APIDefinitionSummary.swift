import Foundation
import StructuredData
import YAML

/// What an API definition offers, for the API page: OpenAPI operations, AsyncAPI channels,
/// gRPC services and GraphQL root fields, read from `spec.definition`.
public struct APIDefinitionSummary: Sendable, Hashable {
  /// One OpenAPI operation.
  public struct Operation: Sendable, Hashable {
    /// `GET`, `POST`, …
    public var method: String
    /// The path template.
    public var path: String
    /// The summary, if any.
    public var summary: String
    /// Parameter names with where they go: `id (path)`.
    public var parameters: [String]
  }

  /// One AsyncAPI channel.
  public struct Channel: Sendable, Hashable {
    /// The channel name.
    public var name: String
    /// `publish`, `subscribe`, `send`, `receive`.
    public var actions: [String]
    /// The description, if any.
    public var description: String

    /// Creates a value from each stored property.
    package init(name: String, actions: [String], description: String) {
      self.name = name
      self.actions = actions
      self.description = description
    }
  }

  /// One gRPC service and its methods (`Charge(ChargeRequest) returns (ChargeReply)`).
  public struct Service: Sendable, Hashable {
    /// The service name.
    public var name: String
    /// Its methods as written.
    public var methods: [String]

    /// Creates a value from each stored property.
    package init(name: String, methods: [String]) {
      self.name = name
      self.methods = methods
    }
  }

  /// OpenAPI operations, in path then method order.
  public var operations: [Operation] = []
  /// AsyncAPI channels, by name.
  public var channels: [Channel] = []
  /// gRPC services.
  public var services: [Service] = []
  /// GraphQL `Query`/`Mutation`/`Subscription` fields: `Query.artist`.
  public var fields: [String] = []

  package static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

  /// Reads `definition` according to the API's `spec.type` (`openapi`, `asyncapi`, `grpc`, `graphql`).
  public init(type: String, definition: String) {
    switch type.lowercased() {
    case "openapi", "asyncapi":
      guard let root = YAMLLoader().load(definition).documents.first?.root else { return }
      let value = YAMLConverter().convert(root).value
      if type.lowercased() == "openapi" { readOpenAPI(value) } else { readAsyncAPI(value) }
    case "grpc": readProto(definition)
    case "graphql": readGraphQL(definition)
    default: break
    }
  }

  private mutating func readOpenAPI(_ value: JSONValue) {
    for (path, item) in (value["paths"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
      let shared = item["parameters"]?.arrayValue ?? []
      for method in Self.methods {
        guard let operation = item[method] else { continue }
        let parameters = (shared + (operation["parameters"]?.arrayValue ?? [])).compactMap { parameter -> String? in
          guard let name = parameter["name"]?.stringValue else {
            return parameter["$ref"]?.stringValue.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
          }
          return "\(name) (\(parameter["in"]?.stringValue ?? "?"))"
        }
        operations.append(
          Operation(
            method: method.uppercased(), path: path,
            summary: operation["summary"]?.stringValue ?? operation["operationId"]?.stringValue ?? "",
            parameters: parameters))
      }
    }
  }

  private mutating func readAsyncAPI(_ value: JSONValue) {
    for (name, channel) in (value["channels"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
      let actions = ["publish", "subscribe"].filter { channel[$0] != nil }
      channels.append(
        Channel(
          name: channel["address"]?.stringValue ?? name, actions: actions,
          description: channel["description"]?.stringValue ?? ""))
    }
    // AsyncAPI 3 keeps actions under `operations`.
    for (_, operation) in (value["operations"]?.objectValue ?? [:]) {
      guard let action = operation["action"]?.stringValue, let ref = operation["channel"]?["$ref"]?.stringValue,
        let name = ref.split(separator: "/").last.map(String.init),
        let index = channels.firstIndex(where: { $0.name == name })
      else { continue }
      channels[index].actions.append(action)
    }
  }

  private mutating func readProto(_ text: String) {
    var current: Service?
    for rawLine in text.split(separator: "\n") {
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("service ") {
        if let current { services.append(current) }
        current = Service(name: String(line.dropFirst(8).prefix { $0 != " " && $0 != "{" }), methods: [])
      } else if line.hasPrefix("rpc "), current != nil {
        current?.methods.append(
          String(line.dropFirst(4).prefix { $0 != "{" && $0 != ";" }).trimmingCharacters(in: .whitespaces))
      }
    }
    if let current { services.append(current) }
  }

  private mutating func readGraphQL(_ text: String) {
    var root: String?
    for rawLine in text.split(separator: "\n") {
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("type ") {
        let name = String(line.dropFirst(5).prefix { $0.isLetter || $0.isNumber })
        root = ["Query", "Mutation", "Subscription"].contains(name) ? name : nil
      } else if line.hasPrefix("}") {
        root = nil
      } else if let root, let field = line.split(whereSeparator: { $0 == "(" || $0 == ":" }).first, !line.hasPrefix("#")
      {
        fields.append("\(root).\(field.trimmingCharacters(in: .whitespaces))")
      }
    }
  }
}
