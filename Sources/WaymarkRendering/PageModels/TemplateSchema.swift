/// The shape of a template model as the layouts see it: which keys an object has, which are
/// lists and of what, which are optional. Derived from the model types by `TemplateSchemaReader`.
package indirect enum TemplateSchema: Sendable, Equatable {
  /// A string, number or flag: printed, or tested by a section.
  case value(String)
  /// A list; a section over it renders once per element.
  case list(TemplateSchema)
  /// An object with the given keys.
  case object(TemplateObjectSchema)
  /// Data whose keys are not fixed (a JSON API value): any key is accepted.
  case open
  /// A list of the enclosing type named here (a tree, such as nested navigation).
  case recursive(String)

  /// The schema inside a section over a key of this schema: a list's element, else itself.
  package var sectionScope: TemplateSchema {
    if case .list(let element) = self { return element }
    return self
  }
}

/// An object's keys, in declaration order, each with its schema and meaning.
package struct TemplateObjectSchema: Sendable, Equatable {
  /// One key.
  package struct Field: Sendable, Equatable {
    package var key: String
    package var schema: TemplateSchema
    package var optional: Bool
    package var meaning: String
  }

  /// The Swift type's name.
  package var typeName: String
  package var fields: [Field]

  /// The field named `key`, if any.
  package func field(_ key: String) -> Field? {
    fields.first { $0.key == key }
  }
}

/// A model type that explains its keys for the manual.
package protocol TemplateDescribed {
  /// Each key's meaning, one line.
  static var keyMeanings: [String: String] { get }
}
