import StructuredData
import WaymarkLoading
import WaymarkModel

/// Validates one catalog document in Backstage's order and makes its reference.
///
/// Unlike Backstage, which stops at the first error, every step runs as long as the entity's
/// reference can be formed, so one build reports all of an entity's problems; each step skips
/// what an earlier step already reported.
public struct EntityValidator: Sendable {
  /// Creates a validator.
  public init() {}

  /// Validates `document` through `last` (the whole order by default); nil when the entity
  /// cannot be part of the catalog (no reference, or a reserved kind Backstage does not have).
  public func validate(
    _ document: CatalogDocument, through last: EntityValidationStep = .kind, into diagnostics: inout [Diagnostic]
  ) -> ValidatedEntity? {
    let source = EntitySource(path: document.path, line: document.line, sourceMap: document.sourceMap)
    var reporter = EntityProblemReporter(source: source, documentIndex: document.index)
    defer { diagnostics += reporter.diagnostics }
    guard let ref = EntityEnvelopeValidator().validate(document.value, into: &reporter) else { return nil }
    reporter.ref = ref
    let members = document.value.objectValue ?? [:]
    let schemaValidator = EntitySchemaValidator()
    if last >= .schema { schemaValidator.validateSchema(members, into: &reporter) }
    if last >= .rootFields { schemaValidator.validateRootFields(members, into: &reporter) }
    if last >= .fieldFormat { EntityFieldValidator().validate(members, into: &reporter) }
    // An entity whose reference Backstage would reject cannot be referenced reliably; keep it out.
    let unusable =
      last >= .fieldFormat
      && !(EntityFieldFormat.isValidObjectName(.string(ref.name))
        && EntityFieldFormat.isValidNamespace(.string(ref.namespace))
        && EntityFieldFormat.isValidKind(.string(ref.kind)))
    guard last >= .kind else { return unusable ? nil : ValidatedEntity(ref: ref, schema: nil) }
    let specType = document.value.value(at: ["spec", "type"])?.stringValue
    switch EntityKindSchema.lookup(
      apiVersion: document.value["apiVersion"]?.stringValue ?? "", kind: ref.kind, specType: specType)
    {
    case .custom:
      return unusable ? nil : ValidatedEntity(ref: ref, schema: nil)
    case .unknown(let message, let field):
      reporter.error(.catalogUnknownKind, message, at: ValuePath(keys: field))
      return nil
    case .builtin(let schema):
      if members["spec"].map({ $0.objectValue != nil }) ?? true {
        schema.validate(spec: members["spec"], into: &reporter)
      }
      return unusable ? nil : ValidatedEntity(ref: ref, schema: schema)
    }
  }
}
