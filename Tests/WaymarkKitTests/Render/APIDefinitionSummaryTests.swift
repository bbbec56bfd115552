import Testing
import WaymarkRendering

@Suite struct APIDefinitionSummaryTests {
  @Test func readsOpenAPIOperations() {
    let summary = APIDefinitionSummary(
      type: "openapi",
      definition: """
        openapi: 3.0.3
        paths:
          /payments/{id}:
            parameters: [{name: id, in: path}]
            get: {summary: Read a payment, parameters: [{name: expand, in: query}]}
            delete: {operationId: cancelPayment}
          /health:
            get: {}
        """)
    #expect(
      summary.operations.map { "\($0.method) \($0.path) \($0.summary) [\($0.parameters.joined(separator: ", "))]" } == [
        "GET /health  []", "GET /payments/{id} Read a payment [id (path), expand (query)]",
        "DELETE /payments/{id} cancelPayment [id (path)]",
      ])
  }

  @Test func readsAsyncAPIChannelsGRPCServicesAndGraphQLFields() {
    let async = APIDefinitionSummary(
      type: "asyncapi",
      definition: "asyncapi: 2.6.0\nchannels:\n  parcel.scanned:\n    description: A scan\n    subscribe: {}\n")
    #expect(async.channels == [.init(name: "parcel.scanned", actions: ["subscribe"], description: "A scan")])
    let grpc = APIDefinitionSummary(
      type: "grpc",
      definition: "syntax = \"proto3\";\nservice Labels {\n  rpc Print (PrintRequest) returns (PrintReply);\n}\n")
    #expect(grpc.services == [.init(name: "Labels", methods: ["Print (PrintRequest) returns (PrintReply)"])])
    let graphql = APIDefinitionSummary(
      type: "graphql", definition: "type Query {\n  parcel(id: ID!): Parcel\n}\ntype Parcel {\n  id: ID\n}\n")
    #expect(graphql.fields == ["Query.parcel"])
  }
}
