import CLibFuzzer
import Foundation

/// Starts libFuzzer from a fuzzer's `main.swift`.
///
/// SwiftPM links every executable of a `--sanitize fuzzer` build, the root package's build-tool
/// plugin included, with libFuzzer's own `main`, which clashes with the plugin's; so the fuzzers
/// are ordinary executables, compiled with coverage (`-Xfrontend -sanitize=fuzzer`), linked with
/// libFuzzer without its `main`, and hand their `LLVMFuzzerTestOneInput` to its driver here.
public enum FuzzDriver {
  /// Runs libFuzzer with the process's arguments and `testOneInput` as the target, then exits.
  public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
  }
}
