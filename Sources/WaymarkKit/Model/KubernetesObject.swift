/// A Kubernetes object a finding is about, for mapping by `backstage.io/kubernetes-id`.
public struct KubernetesObject: Sendable, Hashable {
  /// `Deployment`, `Pod`, … (empty when unknown).
  public var kind: String
  /// The namespace (empty for cluster-scoped or unknown).
  public var namespace: String
  /// The object's name.
  public var name: String

  /// Creates a reference.
  public init(kind: String, namespace: String, name: String) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
  }
}
