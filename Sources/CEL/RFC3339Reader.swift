/// Reads RFC 3339 date-times (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`).
struct RFC3339Reader {
  let bytes: [UInt8]
  var position = 0

  init(_ text: String) {
    bytes = Array(text.utf8)
  }

  mutating func read() -> (seconds: Int64, nanos: Int32)? {
    guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
      let day = number(2), expectAny("Tt"), let hour = number(2), expect(UInt8(ascii: ":")),
      let minute = number(2), expect(UInt8(ascii: ":")), let second = number(2)
    else { return nil }
    guard (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year: year, month: month),
      hour < 24, minute < 60, second < 60
    else { return nil }
    var nanos: Int64 = 0
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      var count = 0
      while position < bytes.count, let digit = digit(at: position) {
        if count < 9 { nanos = nanos * 10 + digit }
        count += 1
        position += 1
      }
      guard count > 0 else { return nil }
      for _ in count..<max(count, 9) { nanos *= 10 }
    }
    guard position < bytes.count else { return nil }
    var offset: Int64 = 0
    switch bytes[position] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      position += 1
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      let sign: Int64 = bytes[position] == UInt8(ascii: "-") ? -1 : 1
      position += 1
      guard let offsetHours = number(2), expect(UInt8(ascii: ":")), let offsetMinutes = number(2),
        offsetHours < 24, offsetMinutes < 60
      else { return nil }
      offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
    default:
      return nil
    }
    guard position == bytes.count else { return nil }
    let days = CivilTime.days(year: year, month: month, day: day)
    return (days * 86_400 + hour * 3600 + minute * 60 + second - offset, Int32(nanos))
  }

  func digit(at index: Int) -> Int64? {
    let byte = bytes[index]
    return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int64(byte - UInt8(ascii: "0")) : nil
  }

  mutating func number(_ width: Int) -> Int64? {
    guard position + width <= bytes.count else { return nil }
    var value: Int64 = 0
    for index in position..<position + width {
      guard let digit = digit(at: index) else { return nil }
      value = value * 10 + digit
    }
    position += width
    return value
  }

  mutating func expect(_ byte: UInt8) -> Bool {
    guard position < bytes.count, bytes[position] == byte else { return false }
    position += 1
    return true
  }

  mutating func expectAny(_ choices: String) -> Bool {
    guard position < bytes.count, choices.utf8.contains(bytes[position]) else { return false }
    position += 1
    return true
  }
}
