import Foundation
import RoundTripCore
import FuzzDriver
import RoundTripImport

/// libFuzzer entry: a RoundTrip design (YAML, or JSON when it starts like JSON), then the compiler when it reads.
/// A DesignError is fine; a trap is not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    let file = data.first == UInt8(ascii: "{") ? "fuzz.json" : "fuzz.yaml"
    if let design = try? DesignImporter.importDesign(data, file: file, format: .roundtrip) {
        _ = try? Topology.compile(design)
    }
    return 0
}

/// The entry point SwiftPM links as `main` on Linux: libFuzzer's driver with ``fuzz(_:_:)``.
@_cdecl("fuzz_roundtrip_main")
public func fuzz_roundtrip_main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
