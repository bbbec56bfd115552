/// A Kubernetes object a finding is about, for mapping by `backstage.io/kubernetes-id`.
public struct KubernetesObject: Sendable, Hashable {
  /// `Deployment`, `Pod`, … (empty when unknown).
  public var kind: String
  /// The namespace (empty for cluster-scoped or unknown).
  public var namespace: String
  /// The object's name (empty when only its labels are known).
  public var name: String
  /// The object's `backstage.io/kubernetes-id` label, when the result carries its labels
  /// (checkov's ids for pod templates, a PolicyReport's `resourceSelector`/`scopeSelector`).
  public var kubernetesId: String?

  /// The label Backstage's Kubernetes plugin finds an entity's objects by.
  public static let kubernetesIdLabel = "backstage.io/kubernetes-id"

  /// Creates a reference.
  public init(kind: String, namespace: String, name: String, kubernetesId: String? = nil) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.kubernetesId = kubernetesId
  }
}
