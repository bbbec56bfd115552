import ArgumentParser
import Foundation

/// The entry point: runs the command and maps every outcome to Waymark's exit codes.
///
/// 0 success, 1 content errors, 2 usage errors, 3 environment failures. ArgumentParser reports
/// usage errors as 64 (EX_USAGE); Waymark promises 2, so they are translated here.
@main
enum WaymarkMain {
  static func main() async {
    do {
      var command = try WaymarkCommand.parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      let code = WaymarkCommand.exitCode(for: error)
      if code == .validationFailure {
        FileHandle.standardError.write(Data((WaymarkCommand.fullMessage(for: error) + "\n").utf8))
        exit(ExitStatus.usage)
      }
      WaymarkCommand.exit(withError: error)
    }
  }
}

/// Waymark's exit codes, a contract CI scripts depend on.
enum ExitStatus {
  static let success: Int32 = 0
  static let contentErrors: Int32 = 1
  static let usage: Int32 = 2
  static let environment: Int32 = 3
}
