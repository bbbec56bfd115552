// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Waymark",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "waymark", targets: ["waymark"]),
    .executable(name: "waymark-bench", targets: ["WaymarkBench"]),
    .library(name: "WaymarkKit", targets: ["WaymarkKit"]),
    .library(name: "WaymarkModel", targets: ["WaymarkModel"]),
    .library(name: "WaymarkLoading", targets: ["WaymarkLoading"]),
    .library(name: "WaymarkCatalog", targets: ["WaymarkCatalog"]),
    .library(name: "WaymarkDocs", targets: ["WaymarkDocs"]),
    .library(name: "WaymarkGuardrails", targets: ["WaymarkGuardrails"]),
    .library(name: "WaymarkDelivery", targets: ["WaymarkDelivery"]),
    .library(name: "WaymarkFetch", targets: ["WaymarkFetch"]),
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
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    // C libraries from Debian, visible only to the engine that wraps each.
    .systemLibrary(
      name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]),
    .systemLibrary(
      name: "CCmarkGFM", path: "Sources/CCmarkGFM", pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

    // Engines: no portal knowledge, reusable alone.
    .target(name: "StructuredData"),
    .target(name: "YAML", dependencies: ["CYAML", "StructuredData"]),
    .target(name: "CEL", dependencies: ["StructuredData"]),
    .target(name: "Markdown", dependencies: ["CCmarkGFM"]),

    // The portal, in layers; a target imports only the layers listed before it.
    // Model: values only (entities, catalog, diagnostics, findings, results, metrics); no disk, no rendering.
    .target(
      name: "WaymarkModel",
      dependencies: ["StructuredData", "YAML", "Markdown", .product(name: "Crypto", package: "swift-crypto")]),
    // Loading: the only layer that reads the disk (files, config, catalog, events, guardrail results, docs, policies).
    .target(
      name: "WaymarkLoading",
      dependencies: [
        "WaymarkModel", "StructuredData", "YAML", "CEL", "Markdown", "CZlib",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // Fetch: `waymark fetch` downloads the URLs the catalog names and is the only writer of the
    // remote cache; only the CLI links it, so a build never touches the network.
    .target(name: "WaymarkFetch", dependencies: ["WaymarkModel", "WaymarkLoading", "StructuredData", "CZlib"]),
    // Stages: one per feature, each with a typed output and its diagnostics.
    .target(name: "WaymarkCatalog", dependencies: ["WaymarkModel", "WaymarkLoading", "StructuredData", "YAML"]),
    .target(
      name: "WaymarkDocs", dependencies: ["WaymarkModel", "WaymarkLoading", "StructuredData", "YAML", "Markdown"]),
    .target(name: "WaymarkGuardrails", dependencies: ["WaymarkModel", "WaymarkLoading", "StructuredData"]),
    .target(name: "WaymarkDelivery", dependencies: ["WaymarkModel", "WaymarkLoading", "StructuredData"]),
    .target(
      name: "WaymarkScorecards",
      dependencies: ["WaymarkModel", "WaymarkLoading", "WaymarkCatalog", "StructuredData", "YAML", "CEL"]),
    .target(name: "WaymarkSecrets", dependencies: ["WaymarkModel", "WaymarkLoading", "StructuredData", "YAML", "CEL"]),
    // Rendering: pages, the JSON API and the search index from the stages' outputs (default theme embedded).
    .target(
      name: "WaymarkRendering",
      dependencies: [
        "WaymarkModel", "WaymarkLoading", "WaymarkCatalog", "WaymarkDocs", "WaymarkGuardrails", "WaymarkDelivery",
        "WaymarkScorecards", "StructuredData", "YAML", "Markdown",
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "OrderedCollections", package: "swift-collections"),
      ],
      plugins: ["EmbedLayoutsPlugin"]),
    // Publishing: the staging folder, the swap, `api/build.json`.
    .target(
      name: "WaymarkPublishing",
      dependencies: [
        "WaymarkModel", "WaymarkLoading", "WaymarkRendering", "StructuredData",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // The build: runs the stages in order (`SiteBuilder.build`).
    .target(
      name: "WaymarkKit",
      dependencies: [
        "WaymarkModel", "WaymarkLoading", "WaymarkCatalog", "WaymarkDocs", "WaymarkGuardrails", "WaymarkDelivery",
        "WaymarkScorecards", "WaymarkSecrets", "WaymarkRendering", "WaymarkPublishing", "StructuredData",
      ]),
    // Serve: `waymark serve` and `build --watch` — the input watcher, the rebuild loop and the
    // preview server (over FlyingFox) that reads only the private preview folder; only the CLI links it.
    .target(
      name: "WaymarkServe",
      dependencies: [
        "WaymarkKit", "WaymarkModel", "WaymarkLoading", "WaymarkRendering", "StructuredData",
        .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
      ]),
    .executableTarget(
      name: "waymark",
      dependencies: [
        "WaymarkKit", "WaymarkModel", "WaymarkLoading", "WaymarkScorecards", "WaymarkRendering", "WaymarkFetch",
        "WaymarkServe",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Bench-only: times one stage in-process for `make bench` (Tests/Bench/run_bench.py).
    .executableTarget(
      name: "WaymarkBench",
      dependencies: [
        "WaymarkKit", "WaymarkModel", "WaymarkLoading", "WaymarkCatalog", "WaymarkDocs", "WaymarkGuardrails",
        "WaymarkDelivery", "WaymarkScorecards", "WaymarkRendering", "WaymarkPublishing", "YAML", "CEL",
        "StructuredData",
      ]),

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
      name: "WaymarkKitTests",
      dependencies: [
        "WaymarkKit", "WaymarkModel", "WaymarkLoading", "WaymarkCatalog", "WaymarkDocs", "WaymarkGuardrails",
        "WaymarkDelivery", "WaymarkScorecards", "WaymarkSecrets", "WaymarkRendering", "WaymarkPublishing",
        "WaymarkTestSupport", "StructuredData", "Markdown", "YAML",
      ],
      exclude: [
        "Build/Snapshots", "Diagnostics/Snapshots", "Evaluate/Snapshots", "Load/Snapshots", "Render/Snapshots",
        "Fixtures",
      ]),
    .testTarget(name: "WaymarkCLITests", dependencies: ["WaymarkTestSupport"]),
    .testTarget(
      name: "WaymarkServeTests",
      dependencies: [
        "WaymarkServe", "WaymarkKit", "WaymarkModel", "WaymarkRendering", "WaymarkTestSupport",
        .product(name: "FlyingFox", package: "FlyingFox"),
      ]),
    .testTarget(
      name: "WaymarkFetchTests",
      dependencies: [
        "WaymarkFetch", "WaymarkKit", "WaymarkLoading", "WaymarkModel", "WaymarkTestSupport", "StructuredData",
      ]),
  ]
)
