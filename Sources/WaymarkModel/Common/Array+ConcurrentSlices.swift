import Foundation

extension Array where Element: Sendable {
  /// `transform` of consecutive slices of the array (about `slicesPerCore` per core, none
  /// shorter than `minimumSlice` but the last), run concurrently: the results in slice order.
  package func concurrentlyInSlices<Result: Sendable>(
    minimumSlice: Int = 256, slicesPerCore: Int = 2, _ transform: @escaping @Sendable (ArraySlice<Element>) -> Result
  ) async -> [Result] {
    guard !isEmpty else { return [] }
    let wanted = ProcessInfo.processInfo.activeProcessorCount * slicesPerCore
    let size = Swift.max(Swift.max(1, minimumSlice), (count + wanted - 1) / wanted)
    let starts = [Int](stride(from: 0, to: count, by: size))
    if starts.count == 1 { return [transform(self[...])] }
    return await withTaskGroup(of: (Int, Result).self) { group in
      for (index, start) in starts.enumerated() {
        let slice = self[start..<Swift.min(count, start + size)]
        group.addTask { (index, transform(slice)) }
      }
      var results: [(Int, Result)] = []
      results.reserveCapacity(starts.count)
      for await result in group { results.append(result) }
      return results.sorted { $0.0 < $1.0 }.map(\.1)
    }
  }
}
