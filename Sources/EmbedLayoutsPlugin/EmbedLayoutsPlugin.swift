import Foundation
import PackagePlugin

/// Generates `EmbeddedLayouts.swift` from the package's top-level `layouts/` folder, so the
/// default theme travels inside the `waymark` binary and an installed copy works anywhere.
@main
struct EmbedLayoutsPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let layouts = context.package.directoryURL.appending(path: "layouts")
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLayouts.swift")
    var inputs: [URL] = []
    if let walker = FileManager.default.enumerator(at: layouts, includingPropertiesForKeys: [.isRegularFileKey]) {
      for case let url as URL in walker
      where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        inputs.append(url)
      }
    }
    return [
      .buildCommand(
        displayName: "Embedding the default layouts",
        executable: try context.tool(named: "LayoutEmbedder").url,
        arguments: [layouts.path, output.path],
        inputFiles: inputs.sorted { $0.path < $1.path },
        outputFiles: [output])
    ]
  }
}
