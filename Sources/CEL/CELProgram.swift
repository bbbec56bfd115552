import StructuredData

/// A compiled CEL expression: compile once, evaluate many times, from any number of tasks.
///
/// ```swift
/// let check = try CELProgram(source: "'pagerduty.com/service-id' in entity.metadata.annotations")
/// let result = check.evaluate(json: ["entity": entityJSON])   // .bool(true) or .error(…)
/// ```
public struct CELProgram: Sendable {
  /// The source text the program was compiled from.
  public let source: String
  /// The options it was compiled with; their budgets apply to every evaluation.
  public let options: CELOptions
  private let root: CELNode
  private let bindingNames: [String]
  /// Whether each binding name is dotted; those are looked up only when the caller binds a dotted name.
  private let bindingNameIsQualified: [Bool]
  private let localCount: Int

  /// Parses and compiles `source`; throws a `CELError` with line and column on invalid source.
  public init(source: String, options: CELOptions = .init()) throws(CELError) {
    var parser = try CELParser(source: source, options: options)
    let expression = try parser.parse()
    var compiler = CELCompiler(options: options, source: source)
    root = try compiler.compile(expression)
    bindingNames = compiler.bindingNames
    bindingNameIsQualified = compiler.bindingNames.map { $0.utf8.contains(UInt8(ascii: ".")) }
    localCount = compiler.localCount
    self.source = source
    self.options = options
  }

  /// The variable names the program may read, as bindings would be keyed (`entity`, `a.b`).
  public var referencedNames: [String] { bindingNames }

  /// Evaluates against `bindings`; failures come back as `.error` values, never as throws.
  public func evaluate(_ bindings: [String: CELValue] = [:]) -> CELValue {
    var bound: [CELValue?] = []
    bound.reserveCapacity(bindingNames.count)
    let hasQualifiedBindings = bindingNameIsQualified.contains(true)
      && bindings.keys.contains { $0.utf8.contains(UInt8(ascii: ".")) }
    for (name, isQualified) in zip(bindingNames, bindingNameIsQualified) {
      bound.append(isQualified && !hasQualifiedBindings ? nil : bindings[name])
    }
    var evaluator = CELEvaluator(bound: bound, localCount: localCount, options: options)
    return evaluator.run(root)
  }

  /// Evaluates against JSON-like bindings, converting only the variables the program reads.
  public func evaluate(json bindings: [String: JSONValue]) -> CELValue {
    var converted: [String: CELValue] = [:]
    for name in bindingNames {
      if let value = bindings[name] { converted[name] = CELValue(value) }
    }
    return evaluate(converted)
  }
}
