import ArgumentParser
import Foundation
import WaymarkKit
import WaymarkServe

/// `waymark serve`: builds into a private preview folder, serves it, rebuilds on every change and
/// reloads the open pages; the published output is never written.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Build, serve the portal on this machine, and rebuild and reload open pages on every change.",
    discussion: """
      The site is built into .waymark/serve/site under the root, never into the output folder. \
      After a build with errors the last good site stays up, with its diagnostics over every page.
      """)

  @OptionGroup var site: SiteOptions

  @Option(name: .long, help: "The address to listen on; anything but a loopback address lets other machines in.")
  var host = "127.0.0.1"

  @Option(name: .long, help: "The port to listen on (0: any free port).")
  var port = 8000

  @Flag(name: .long, help: "Watch by polling instead of inotify (for folders mounted from another machine).")
  var poll = false

  @Flag(name: .long, help: "Print nothing but the address, diagnostics and failures.")
  var quiet = false

  @Flag(name: .long, help: "Make unknown event types and malformed event records errors.")
  var strict = false

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port (0 to 65535)") }
    guard ListenAddress(host) != nil else {
      throw ValidationError("--host '\(host)' is not an IP address (e.g. 127.0.0.1 or ::1) or localhost")
    }
  }

  func run() async throws {
    let terminal = TerminalReporter(quiet: quiet)
    guard let address = ListenAddress(host) else { throw ValidationError("--host '\(host)' is not an IP address") }
    if !address.isLoopback {
      terminal.warning(
        "--host \(host) is not a loopback address: anyone who can reach this machine can read the portal; "
          + "the preview server has no authentication and no TLS")
    }
    var options = BuildOptions(
      root: site.rootURL, baseURL: "/", asOf: site.asOfTimestamp, writesOutput: true, baseline: site.baselineURL,
      progress: terminal.progress)
    options.strict = strict
    // Rebuilds after an edit take what did not change from the cache beside the preview folder.
    options.cache = .besideOutput
    let session: PreviewSession
    let url: String
    do {
      session = try PreviewSession(
        options: options, address: address, port: UInt16(port), method: poll ? .polling(.milliseconds(500)) : .native)
      url = try await session.server.start()
    } catch {
      terminal.failure(error.description)
      throw ExitCode(ExitStatus.environment)
    }
    terminal.always("serving \(url) (Ctrl-C to stop); the output folder is not written")
    let stopped = StoppedBy()
    await Interruption.run {
      let usage = await session.run(
        started: { how, warning in terminal.watching(how, warning) }, progress: terminal.progress,
        report: { outcome in terminal.rebuilt(outcome, serving: true) },
        shown: { pages in terminal.shownEarly(pages) })
      await stopped.set(usage)
    }
    await session.server.stop()
    if let usage = await stopped.failure { throw ValidationError(usage.description) }
  }
}

/// The first build's usage failure, carried out of the interruptible work.
actor StoppedBy {
  private(set) var failure: BuildFailure?

  func set(_ failure: BuildFailure?) {
    self.failure = failure
  }
}
