import Testing
import WaymarkModel

/// `Array.concurrentlyInSlices`: every element in exactly one slice, the results in slice order.
@Suite struct ConcurrentSlicesTests {
  @Test func slicesCoverTheArrayInOrder() async {
    let numbers = Array(0..<1_000)
    let slices = await numbers.concurrentlyInSlices(minimumSlice: 10, slicesPerCore: 4) { Array($0) }
    #expect(slices.flatMap { $0 } == numbers)
    #expect(slices.dropLast().allSatisfy { $0.count == slices[0].count && $0.count >= 10 })
  }

  @Test func aShortArrayIsOneSliceAndAnEmptyOneNone() async {
    #expect(await [1, 2, 3].concurrentlyInSlices(minimumSlice: 256) { $0.reduce(0, +) } == [6])
    #expect(await [Int]().concurrentlyInSlices { $0.count }.isEmpty)
  }

  @Test func theSlicesOfAnArrayNotStartingAtZeroAreItsOwn() async {
    let letters = Array("abcdefghij".map(String.init))
    let joined = await letters.concurrentlyInSlices(minimumSlice: 3, slicesPerCore: 8) { $0.joined() }
    #expect(joined.joined() == "abcdefghij")
    #expect(joined.allSatisfy { !$0.isEmpty })
  }
}
