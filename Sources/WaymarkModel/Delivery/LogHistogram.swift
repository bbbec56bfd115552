import Foundation

/// A mergeable histogram of non-negative durations with a guaranteed relative error: DDSketch's
/// logarithmic buckets.
///
/// A value x > 0 (in hours) falls in bucket ⌈log_γ x⌉ with γ = (1+α)/(1−α), α = 0.01; bucket i
/// covers (γ^(i−1), γ^i] and is represented by 2γ^i/(γ+1), within α of every value in it. Zeros
/// have their own count. Merging adds counts, so a year's percentiles come from its days' buckets.
public struct LogHistogram: Sendable, Hashable {
  /// The relative accuracy α.
  public static let relativeAccuracy = 0.01
  /// γ = (1+α)/(1−α).
  public static let gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)

  /// How many values, zeros included.
  public var count = 0
  /// The exact sum of the values, in milliseconds.
  public var sumMilliseconds: Int64 = 0
  /// How many values were zero.
  public var zeros = 0
  /// Counts by bucket index.
  public var buckets: [Int32: Int] = [:]

  /// Creates an empty histogram.
  public init() {}

  /// The bucket of `value` (> 0).
  public static func index(of value: Double) -> Int32 {
    Int32((Foundation.log(value) / Foundation.log(gamma)).rounded(.up))
  }

  /// The value that stands for bucket `index`.
  public static func representative(of index: Int32) -> Double {
    2 * Foundation.pow(gamma, Double(index)) / (gamma + 1)
  }

  /// Adds `merged`'s counts.
  public mutating func merge(_ other: LogHistogram) {
    count += other.count
    sumMilliseconds += other.sumMilliseconds
    zeros += other.zeros
    buckets.merge(other.buckets, uniquingKeysWith: +)
  }

  /// One value per counted value, ascending: the zeros, then each bucket's representative.
  ///
  /// Percentiles of these are within α of the exact percentiles: the buckets keep the values'
  /// order, and interpolating between two values each within α stays within α.
  public var values: [Double] {
    var values = Array(repeating: 0.0, count: zeros)
    values.reserveCapacity(count)
    for index in buckets.keys.sorted() {
      let value = Self.representative(of: index)
      values += Array(repeating: value, count: buckets[index] ?? 0)
    }
    return values
  }
}
