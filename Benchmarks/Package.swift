// swift-tools-version: 6.0
// Benchmarks live in their own package so CI's main build stays fast. Run from the repository root:
//   swift run -c release --package-path Benchmarks render-bench 500
import PackageDescription

let package = Package(
    name: "RoundTripBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "RoundTrip", path: "..")],
    targets: [
        .executableTarget(
            name: "render-bench",
            dependencies: [
                .product(name: "RoundTripCore", package: "RoundTrip"),
                .product(name: "RoundTripImport", package: "RoundTrip"),
                .product(name: "RoundTripReport", package: "RoundTrip"),
                .product(name: "RoundTripGraphviz", package: "RoundTrip"),
            ]
        )
    ]
)
