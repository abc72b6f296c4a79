// swift-tools-version: 6.1
import Foundation
import PackageDescription

let package = Package(
    name: "OfferingAdviser",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "adviser", targets: ["adviser"]),
        .library(name: "AdviserCore", targets: ["AdviserCore"]),
        .library(name: "AdviserExpression", targets: ["AdviserExpression"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The condition language: knows nothing of YAML or offerings.
        .target(name: "AdviserExpression"),
        // Model, loading, checking, engine, balancing, reporting.
        .target(
            name: "AdviserCore",
            dependencies: ["AdviserExpression", .product(name: "Yams", package: "Yams")]
        ),
        // The CLI: thin commands over AdviserCore.
        .executableTarget(
            name: "adviser",
            dependencies: ["AdviserCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Benchmarks, run on demand: `swift run -c release adviser-bench --help`.
        .executableTarget(
            name: "adviser-bench",
            dependencies: ["AdviserCore", "AdviserExpression"],
            path: "Benchmarks/adviser-bench"
        ),
        // Shared by the test targets: temporary workspaces, running the built binary.
        .target(name: "AdviserTestSupport", path: "Tests/AdviserTestSupport"),
        .testTarget(name: "AdviserExpressionTests", dependencies: ["AdviserExpression"]),
        .testTarget(name: "AdviserCoreTests", dependencies: ["AdviserCore", "AdviserTestSupport"]),
        // Runs the real `adviser` binary on real workspaces.
        .testTarget(name: "AdviserEndToEndTests", dependencies: ["adviser", "AdviserTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Fuzz/README.md), declared only when ADVISER_FUZZ is set: an executable without
// `main` links only with -sanitize=fuzzer, so a plain `swift build` must not see them.
// Fuzz/run.sh sets it and builds with `--sanitize=fuzzer --sanitize=address`.
if ProcessInfo.processInfo.environment["ADVISER_FUZZ"] != nil {
    for name in ["ExpressionFuzz", "LoaderFuzz", "ClientLineFuzz"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["AdviserCore"], path: "Fuzz/Targets/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}

// swift-docc-plugin (`swift package generate-documentation`, docs/embedding.md), declared only when
// ADVISER_DOCS is set: a plain build has no use for it, and resolving it fetches two more packages.
if ProcessInfo.processInfo.environment["ADVISER_DOCS"] != nil {
    package.dependencies.append(.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"))
}
