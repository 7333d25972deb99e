// swift-tools-version: 6.0
// libFuzzer targets for RoundTrip's input readers: one executable per reader. Not built in CI; see docs/fuzzing.md
// and scripts/fuzz.sh. Build with `-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library`.
import PackageDescription

let package = Package(
    name: "RoundTripFuzz",
    platforms: [.macOS(.v15)],
    // The package's identity is its folder's name (`main`, a worktree's name, …), so name it here.
    dependencies: [.package(name: "RoundTrip", path: "..")],
    targets: [.target(name: "FuzzDriver")]
        + ["fuzz-json", "fuzz-roundtrip", "fuzz-azure-json", "fuzz-arm", "fuzz-terraform"].map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzDriver",
                .product(name: "RoundTripImport", package: "RoundTrip"),
                .product(name: "RoundTripCore", package: "RoundTrip"),
            ],
            path: "Sources/\(name)"
        )
    }
)
