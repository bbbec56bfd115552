// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Waymark",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "waymark", targets: ["waymark"]),
    .executable(name: "waymark-bench", targets: ["WaymarkBench"]),
    .library(name: "WaymarkKit", targets: ["WaymarkKit"]),
    .library(name: "YAML", targets: ["YAML"]),
    .library(name: "CEL", targets: ["CEL"]),
    .library(name: "Markdown", targets: ["Markdown"]),
    .library(name: "StructuredData", targets: ["StructuredData"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
  ],
  targets: [
    // C libraries from Debian, visible only to the engine that wraps each.
    .systemLibrary(
      name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]),
    .systemLibrary(
      name: "CCmarkGFM", path: "Sources/CCmarkGFM", pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

    // Engines: no portal knowledge, reusable alone.
    .target(name: "StructuredData"),
    .target(name: "YAML", dependencies: ["CYAML", "StructuredData"]),
    .target(name: "CEL", dependencies: ["StructuredData"]),
    .target(name: "Markdown", dependencies: ["CCmarkGFM"]),

    // The portal: Load → Model → Evaluate → Render → Publish, with Diagnostics beside them.
    .target(
      name: "WaymarkKit",
      dependencies: [
        "StructuredData", "YAML", "CEL", "Markdown",
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "OrderedCollections", package: "swift-collections"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      plugins: ["EmbedLayoutsPlugin"]),
    .executableTarget(
      name: "waymark",
      dependencies: [
        "WaymarkKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Bench-only: times one stage in-process for `make bench` (Tests/Bench/run_bench.py).
    .executableTarget(name: "WaymarkBench", dependencies: ["WaymarkKit", "YAML", "CEL", "StructuredData"]),

    // Embeds the default theme (top-level `layouts/`) into WaymarkKit at build time.
    .executableTarget(name: "LayoutEmbedder"),
    .plugin(
      name: "EmbedLayoutsPlugin", capability: .buildTool(),
      dependencies: ["LayoutEmbedder"], path: "Sources/EmbedLayoutsPlugin"),

    .target(name: "WaymarkTestSupport", dependencies: ["StructuredData"], path: "Tests/WaymarkTestSupport"),
    .testTarget(name: "StructuredDataTests", dependencies: ["StructuredData", "WaymarkTestSupport"]),
    .testTarget(name: "YAMLTests", dependencies: ["YAML", "WaymarkTestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "CELTests", dependencies: ["CEL", "WaymarkTestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "WaymarkTestSupport"]),
    .testTarget(
      name: "WaymarkKitTests", dependencies: ["WaymarkKit", "WaymarkTestSupport"],
      exclude: ["Build/Snapshots", "Diagnostics/Snapshots", "Evaluate/Snapshots", "Load/Snapshots", "Render/Snapshots", "Fixtures"]),
    .testTarget(name: "WaymarkCLITests", dependencies: ["WaymarkTestSupport"]),
  ]
)
