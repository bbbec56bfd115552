import Foundation

/// `string.format(list)` from the strings extension: `%s %d %f %e %b %o %x %X` and `%%`,
/// with an optional precision (`%.2f`), as cel-go's version 4 formatter behaves.
enum CELStringFormatter {
  static func format(_ template: String, _ arguments: [CELValue]) -> CELValue {
    var output = ""
    var scalars = template.unicodeScalars[...]
    var argumentIndex = 0
    while let scalar = scalars.popFirst() {
      guard scalar == "%" else {
        output.unicodeScalars.append(scalar)
        continue
      }
      if scalars.first == "%" {
        scalars.removeFirst()
        output += "%"
        continue
      }
      var precision: Int?
      if scalars.first == "." {
        scalars.removeFirst()
        let digits = scalars.prefix { ("0"..."9").contains($0) }
        scalars.removeFirst(digits.count)
        precision = Int(String(String.UnicodeScalarView(digits))) ?? Int.max
        // A precision in the millions would build a huge string before any cost check sees it.
        guard let requested = precision, requested <= 1_000 else {
          return .failure("could not parse formatting clause: precision above 1000")
        }
      }
      guard let verb = scalars.popFirst() else {
        return .failure("could not parse formatting clause: missing verb")
      }
      guard "sdfeboxX".unicodeScalars.contains(verb) else {
        return .failure("could not parse formatting clause: unrecognized formatting clause \"\(verb)\"")
      }
      guard argumentIndex < arguments.count else {
        return .failure("index \(argumentIndex) out of range")
      }
      let argument = arguments[argumentIndex]
      argumentIndex += 1
      switch clause(verb, precision, argument) {
      case .success(let text): output += text
      case .failure(let error): return .error(error)
      }
    }
    return .string(output)
  }

  private static func clause(_ verb: Unicode.Scalar, _ precision: Int?, _ value: CELValue)
    -> Result<String, CELEvaluationError>
  {
    func refuse(_ message: String) -> Result<String, CELEvaluationError> {
      .failure(CELEvaluationError("error during formatting: \(message), was given \(value.celType.name)"))
    }
    switch verb {
    case "s":
      return .success(plain(value))
    case "d":
      switch value {
      case .int(let number): return .success(String(number))
      case .uint(let number): return .success(String(number))
      case .double(let number) where !number.isFinite: return .success(plain(value))
      default: return refuse("decimal clause can only be used on integers")
      }
    case "f", "e":
      let number: Double
      switch value {
      case .double(let double): number = double
      case .int(let integer): number = Double(integer)
      case .uint(let integer): number = Double(integer)
      default:
        return refuse(
          verb == "f"
            ? "fixed-point clause can only be used on doubles" : "scientific clause can only be used on doubles")
      }
      if !number.isFinite { return .success(plain(.double(number))) }
      return .success(String(format: "%.\(precision ?? 6)\(verb)", number))
    case "b":
      switch value {
      case .int(let number): return .success(radix(number, 2))
      case .uint(let number): return .success(String(number, radix: 2))
      case .bool(let flag): return .success(flag ? "1" : "0")
      default: return refuse("only integers and bools can be formatted as binary")
      }
    case "o":
      switch value {
      case .int(let number): return .success(radix(number, 8))
      case .uint(let number): return .success(String(number, radix: 8))
      default: return refuse("octal clause can only be used on integers")
      }
    default:
      let uppercase = verb == "X"
      let text: String
      switch value {
      case .int(let number): text = radix(number, 16)
      case .uint(let number): text = String(number, radix: 16)
      case .string(let string): text = hex(Array(string.utf8))
      case .bytes(let bytes): text = hex(bytes)
      default: return refuse("only integers, byte buffers, and strings can be formatted as hex")
      }
      return .success(uppercase ? text.uppercased() : text)
    }
  }

  private static func radix(_ number: Int64, _ base: Int) -> String {
    (number < 0 ? "-" : "") + String(number.magnitude, radix: base)
  }

  private static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  /// The `%s` rendering: strings and bytes bare, containers with their elements rendered alike,
  /// map entries sorted by rendered key.
  static func plain(_ value: CELValue) -> String {
    switch value {
    case .string(let text): return text
    case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
    case .double(let number):
      if number.isNaN { return "NaN" }
      if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
      return CELNumberFormatter.shortest(number)
    case .list(let elements): return "[" + elements.map(plain).joined(separator: ", ") + "]"
    case .map(let map):
      let entries = map.entries.map { (key: plain($0.key.value), value: plain($0.value)) }
      return "{" + entries.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    case .timestamp(let time): return time.description
    case .duration(let span): return span.description
    case .type(let type): return type.name
    case .uint(let number): return String(number)
    default: return value.description
    }
  }
}
