// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "RoundTrip",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RoundTripCore", targets: ["RoundTripCore"]),
        .library(name: "RoundTripImport", targets: ["RoundTripImport"]),
        .library(name: "RoundTripReport", targets: ["RoundTripReport"]),
        .library(name: "RoundTripGraphviz", targets: ["RoundTripGraphviz"]),
        .executable(name: "roundtrip", targets: ["roundtrip"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "RoundTripCore"),
        .target(
            name: "RoundTripImport",
            dependencies: ["RoundTripCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "RoundTripReport", dependencies: ["RoundTripCore"]),
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        .target(name: "RoundTripGraphviz", dependencies: ["CGraphviz"]),
        .executableTarget(
            name: "roundtrip",
            dependencies: [
                "RoundTripCore", "RoundTripImport", "RoundTripReport", "RoundTripGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "RoundTripTestSupport",
            dependencies: ["RoundTripCore", "RoundTripImport"],
            path: "Tests/RoundTripTestSupport"
        ),
        .testTarget(
            name: "RoundTripCoreTests",
            dependencies: ["RoundTripCore", "RoundTripImport", "RoundTripTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RoundTripImportTests",
            dependencies: ["RoundTripImport", "RoundTripTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RoundTripReportTests",
            dependencies: ["RoundTripReport", "RoundTripImport", "RoundTripTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "RoundTripGraphvizTests", dependencies: ["RoundTripGraphviz", "RoundTripReport", "RoundTripTestSupport"]),
        .testTarget(name: "roundtripTests", dependencies: ["roundtrip", "RoundTripTestSupport"]),
    ]
)
