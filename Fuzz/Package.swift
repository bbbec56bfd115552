// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for Waymark's parsers (Linux), built and run only by `make fuzz`; kept out
// of the root package so `swift build` and `swift test` never see libFuzzer. The build
// (Fuzz/run-fuzzers.sh) instruments every Swift module for coverage and AddressSanitizer:
//   swift build --package-path Fuzz --scratch-path .build-fuzz -c release --sanitize address \
//     -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer -Xlinker -L<clang runtime dir>
// and each fuzzer links libFuzzer without its `main` (see FuzzDriver.swift for why).
let fuzzers: [(product: String, target: String)] = [
  ("fuzz-yaml", "FuzzYAML"),
  ("fuzz-catalog", "FuzzCatalog"),
  ("fuzz-cel", "FuzzCEL"),
  ("fuzz-events", "FuzzEvents"),
  ("fuzz-sarif", "FuzzSARIF"),
  ("fuzz-checkov", "FuzzCheckov"),
  ("fuzz-conftest", "FuzzConftest"),
  ("fuzz-opa", "FuzzOPA"),
  ("fuzz-policyreport", "FuzzPolicyReport"),
  ("fuzz-config", "FuzzSiteConfig"),
  ("fuzz-markdown", "FuzzDocsPage"),
]

let waymark: [Target.Dependency] = [
  .product(name: "WaymarkKit", package: "Waymark"),
  .product(name: "WaymarkModel", package: "Waymark"),
  .product(name: "WaymarkLoading", package: "Waymark"),
  .product(name: "WaymarkCatalog", package: "Waymark"),
  .product(name: "WaymarkDocs", package: "Waymark"),
  .product(name: "WaymarkGuardrails", package: "Waymark"),
  .product(name: "WaymarkDelivery", package: "Waymark"),
  .product(name: "YAML", package: "Waymark"),
  .product(name: "CEL", package: "Waymark"),
  .product(name: "StructuredData", package: "Waymark"),
]

let package = Package(
  name: "WaymarkFuzz",
  platforms: [.macOS(.v15)],
  products: fuzzers.map { .executable(name: $0.product, targets: [$0.target]) },
  dependencies: [.package(name: "Waymark", path: "..")],
  targets: [
    .target(name: "CLibFuzzer"),
    .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"] + waymark),
  ]
    + fuzzers.map { fuzzer in
      .executableTarget(
        name: fuzzer.target, dependencies: ["FuzzSupport"] + waymark,
        linkerSettings: [.linkedLibrary("clang_rt.fuzzer_no_main-x86_64"), .linkedLibrary("stdc++")])
    }
)
