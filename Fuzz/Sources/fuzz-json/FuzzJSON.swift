import FuzzDriver
import RoundTripImport

/// libFuzzer entry: the strict JSON parser, with and without comments. Any result is fine; a trap is not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = UnsafeBufferPointer(start: start, count: count)
    _ = try? JSONParser.parse(bytes, file: "fuzz.json")
    _ = try? JSONParser.parse(bytes, file: "fuzz.json", allowComments: true)
    return 0
}

/// The entry point SwiftPM links as `main` on Linux: libFuzzer's driver with ``fuzz(_:_:)``.
@_cdecl("fuzz_json_main")
public func fuzz_json_main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
