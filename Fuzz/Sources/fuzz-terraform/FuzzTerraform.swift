import Foundation
import RoundTripCore
import FuzzDriver
import RoundTripImport

/// libFuzzer entry: a Terraform plan or state (TerraformPlanReader.read) through DesignImporter (reader, then
/// AzureDesignBuilder), then the compiler when it builds. A DesignError is fine; a trap is not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    if let design = try? DesignImporter.importDesign(inputs: [(data, "fuzz.json")], format: .terraform) {
        _ = try? Topology.compile(design)
    }
    return 0
}

/// The entry point SwiftPM links as `main` on Linux: libFuzzer's driver with ``fuzz(_:_:)``.
@_cdecl("fuzz_terraform_main")
public func fuzz_terraform_main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
