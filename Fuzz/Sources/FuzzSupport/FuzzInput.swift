/// The bytes libFuzzer hands to `LLVMFuzzerTestOneInput`, copied into an array.
public enum FuzzInput {
  /// `size` bytes from `data`; libFuzzer may pass a null pointer for the empty input.
  public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// libFuzzer's verdicts: keep an input in the corpus, or leave it out (it was still run).
  public static let keep: CInt = 0
  public static let reject: CInt = -1
}
