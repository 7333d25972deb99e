// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "RoundTrip",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "RoundTripCore", targets: ["RoundTripCore"]),
        .library(name: "RoundTripImport", targets: ["RoundTripImport"]),
        .library(name: "RoundTripReport", targets: ["RoundTripReport"]),
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
        .executableTarget(
            name: "roundtrip",
            dependencies: [
                "RoundTripCore", "RoundTripImport", "RoundTripReport",
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
        .testTarget(name: "RoundTripReportTests", dependencies: ["RoundTripReport", "RoundTripImport", "RoundTripTestSupport"]),
        .testTarget(name: "roundtripTests", dependencies: ["roundtrip", "RoundTripTestSupport"]),
    ]
)
