import StructuredData

/// A compiled CEL expression: compile once, evaluate many times, from any number of tasks.
///
/// ```swift
/// let check = try CELProgram(source: "'pagerduty.com/service-id' in entity.metadata.annotations")
/// let result = check.evaluate(json: ["entity": entityJSON])   // .bool(true) or .error(…)
/// ```
///
/// Notes for policy authors:
/// - **Language**: CEL as in cel-spec's langdef, with the strings, math, encoders (`base64`),
///   bindings (`cel.bind`, `cel.block`), optionals (`a.?b`, `orValue`) and two-variable
///   comprehension (`all(k, v, p)`, `transformList`, `transformMap`) extensions, and backquoted field names
///   (`` m.`pagerduty.com/service-id` ``). No protobuf messages. The program itself does not
///   type-check: type errors show at evaluation, as error values, unless `CELChecker` is run
///   first with declarations of the variables.
/// - **JSON numbers**: integral JSON numbers arrive as `int`, others as `double`. Comparisons
///   mix them freely (`entity.spec.replicas >= 2.5`), arithmetic does not: `replicas + 1` works
///   for an integral value, `ratio + 1` fails for a double (write `ratio + 1.0`).
/// - **Missing keys**: `e.f` on a map without `f` is an error, not null. Guard with `has(e.f)`,
///   `'f' in e` or `e.?f.orValue(default)`. `has()` takes only a field selection, so write
///   `'pagerduty.com/service-id' in entity.metadata.annotations` rather than `has(m['k'])`.
/// - **Regular expressions** (`matches`): RE2 syntax, run by ICU through `NSRegularExpression`.
///   Backreferences, lookaround, atomic groups and possessive quantifiers are refused, as RE2
///   refuses them; `(?P<name>…)` works. ICU backtracks where RE2 runs in linear time.
/// - **Limits**: `CELOptions` bounds the steps and comprehension iterations of one evaluation
///   (exceeding them gives an error value that `||` cannot absorb) and the nesting depth of
///   the source (a parse error).
public struct CELProgram: Sendable {
  /// The source text the program was compiled from.
  public let source: String
  /// The options it was compiled with; their budgets apply to every evaluation.
  public let options: CELOptions
  private let root: CELNode
  private let bindingNames: [String]
  private let localCount: Int

  /// Parses and compiles `source`; throws a `CELError` with line and column on invalid source.
  public init(source: String, options: CELOptions = .init()) throws(CELError) {
    var parser = try CELParser(source: source, options: options)
    let expression = try parser.parse()
    var compiler = CELCompiler(options: options, source: source)
    root = try compiler.compile(expression)
    bindingNames = compiler.bindingNames
    localCount = compiler.localCount
    self.source = source
    self.options = options
  }

  /// The variable names the program may read, as bindings would be keyed (`entity`, `a.b`).
  public var referencedNames: [String] { bindingNames }

  /// Evaluates against `bindings`; failures come back as `.error` values, never as throws.
  public func evaluate(_ bindings: [String: CELValue] = [:]) -> CELValue {
    evaluate(CELActivation(bindings))
  }

  /// Evaluates against prepared bindings, the fastest way to run many programs on one input.
  public func evaluate(_ activation: CELActivation) -> CELValue {
    var evaluator = CELEvaluator(activation: activation, localCount: localCount, options: options)
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
