import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP server of `waymark serve` (FlyingFox over non-blocking sockets): it answers with
/// `PreviewHandler` and keeps the build events' connections alive with a heartbeat.
public actor PreviewServer {
  /// Why the server could not start (the port is taken, the address is not this machine's).
  public struct Failure: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var description: String
  }

  private let server: HTTPServer
  private let hub: PreviewHub
  private let address: ListenAddress
  private var running: Task<Void, Never>?
  private var heartbeat: Task<Void, Never>?

  /// How often idle event streams get a comment, so closed pages' connections are noticed.
  public static let heartbeatInterval = Duration.seconds(15)

  /// A server for `siteFolder` on `address` and `port` (0: any free port).
  public init(address: ListenAddress, port: UInt16, siteFolder: String, hub: PreviewHub) throws(Failure) {
    do {
      server = HTTPServer(
        address: try address.socketAddress(port: port), timeout: 30, logger: .disabled,
        handler: PreviewHandler(
          siteFolder: siteFolder, hub: hub, allowedHosts: PreviewHandler.allowedHosts(for: address)))
    } catch {
      throw Failure(description: "cannot listen on \(address.host): \(error.localizedDescription)")
    }
    self.hub = hub
    self.address = address
  }

  /// Starts listening; returns the site's URL (with the port chosen when 0 was asked).
  public func start() async throws(Failure) -> String {
    let (failures, failure) = AsyncStream.makeStream(of: String.self)
    let server = self.server
    running = Task {
      do {
        try await server.run()
      } catch {
        failure.yield(error.localizedDescription)
      }
      failure.finish()
    }
    do {
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.waitUntilListening(timeout: 30) }
        group.addTask {
          for await reason in failures { throw Failure(description: reason) }
          throw Failure(description: "the server stopped")
        }
        try await group.next()
        group.cancelAll()
      }
    } catch let error as Failure {
      throw Failure(description: "cannot listen on \(address.host): \(error.description)")
    } catch {
      throw Failure(description: "cannot listen on \(address.host): \(error.localizedDescription)")
    }
    let hub = self.hub
    heartbeat = Task {
      while !Task.isCancelled {
        try? await Task.sleep(for: Self.heartbeatInterval)
        await hub.heartbeat()
      }
    }
    guard case .some(let bound) = await server.listeningAddress else { return address.url(port: 0) }
    switch bound {
    case .ip4(_, let port), .ip6(_, let port): return address.url(port: port)
    case .unix: return address.url(port: 0)
    }
  }

  /// Ends every event stream and stops listening.
  public func stop() async {
    heartbeat?.cancel()
    await hub.close()
    await server.stop(timeout: 1)
    await running?.value
  }
}
