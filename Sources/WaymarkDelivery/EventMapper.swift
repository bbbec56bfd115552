import Foundation
import WaymarkModel

/// Decides which catalog Component an event belongs to, in a documented order of precedence:
///
/// 1. an annotation on the entity: `waymark.dev/cdevents-subject` (a comma-separated list of
///    CDEvents subject ids, service ids or purl names) matching the event's subject or purl
///    name, or `github.com/project-slug` matching its repository;
/// 2. the artifact's purl name equal to a component's name;
/// 3. a component's name equal to the subject or repository, or to its last or first `/`-separated
///    part (`service/payments-api`, `acme/payments-api`, `payments-api/ci`).
///
/// Comparisons ignore case. When two components claim the same key, the first by canonical
/// reference wins, so the result never depends on input order.
public struct EventMapper: Sendable {
  /// The components, sorted by reference; events map to their indices.
  public let components: [Entity]
  private let annotatedSubjects: [String: Int]
  private let slugs: [String: Int]
  private let names: [String: Int]

  /// The annotation naming CDEvents subjects or purl names.
  public static let subjectAnnotation = "waymark.dev/cdevents-subject"
  /// The annotation naming a GitHub repository, `owner/name`.
  public static let slugAnnotation = "github.com/project-slug"

  /// Indexes the catalog's components.
  public init(catalog: Catalog) {
    components = catalog.entities.filter { $0.ref.kind.lowercased() == "component" }
    var subjects: [String: Int] = [:]
    var slugs: [String: Int] = [:]
    var names: [String: Int] = [:]
    for (index, entity) in components.enumerated() {
      let annotations = entity.document.value(at: ["metadata", "annotations"])
      for subject in (annotations?[Self.subjectAnnotation]?.stringValue ?? "").split(separator: ",") {
        let key = subject.trimmingCharacters(in: .whitespaces).lowercased()
        if !key.isEmpty, subjects[key] == nil { subjects[key] = index }
      }
      if let slug = annotations?[Self.slugAnnotation]?.stringValue?.trimmingCharacters(in: .whitespaces).lowercased(),
        !slug.isEmpty, slugs[slug] == nil
      {
        slugs[slug] = index
      }
      let name = entity.ref.name.lowercased()
      if names[name] == nil { names[name] = index }
    }
    annotatedSubjects = subjects
    self.slugs = slugs
    self.names = names
  }

  /// The index in `components` of the event's component, or nil when it maps to none.
  public func component(subject: String?, repository: String?, purlName: String?) -> Int? {
    let subject = subject?.lowercased()
    let repository = repository?.lowercased()
    let purl = purlName?.lowercased()
    if let subject, let index = annotatedSubjects[subject] { return index }
    if let purl, let index = annotatedSubjects[purl] { return index }
    if let repository, let index = slugs[repository] { return index }
    if let purl, let index = names[purl] { return index }
    for key in [subject, repository].compactMap({ $0 }) {
      if let index = names[key] { return index }
      let parts = key.split(separator: "/")
      if let last = parts.last, let index = names[String(last)] { return index }
      if let first = parts.first, let index = names[String(first)] { return index }
    }
    return nil
  }

  /// The component of `event`, or nil.
  public func component(of event: DeliveryEvent) -> Int? {
    component(subject: event.subject, repository: event.repository, purlName: event.purlName)
  }
}
