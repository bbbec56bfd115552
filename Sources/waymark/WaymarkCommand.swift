import ArgumentParser
import Foundation
import WaymarkModel

/// `waymark`: builds a static developer portal from a git repository of catalog files.
struct WaymarkCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "waymark",
    abstract: "Build a static developer portal from Backstage catalog files, docs, events and policies.",
    version: WaymarkVersion.current,
    subcommands: [
      BuildCommand.self, CheckCommand.self, ServeCommand.self, FetchCommand.self, TestPoliciesCommand.self,
      ExplainCommand.self, InitCommand.self,
    ])
}
