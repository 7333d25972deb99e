import Foundation
import RoundTripTestSupport
import Testing

/// The command on Azure resource JSON: several inputs, directories, the import summary, --strict, routes.
extension CommandTests {
    static let azure = "Tests/RoundTripImportTests/Fixtures/azure-json"

    @Test("check reads an Azure export with a flows overlay and prints the import summary on standard error")
    func checkAzureExport() throws {
        let r = try run(["check", "\(Self.azure)/hub-spoke.rest.json", "\(Self.azure)/hub-spoke.overlay.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("6/6 expectations hold"))
        #expect(r.stderr.contains("import: 21 resources read"))
        #expect(r.stderr.contains("3 Microsoft.Network/virtualNetworks"))
        #expect(r.stderr.contains("1 Microsoft.Network/networkSecurityGroups"))
    }

    @Test("--strict makes import skips and unknowns errors with their locations")
    func strictImport() throws {
        let clean = try run(["check", "--strict", "\(Self.azure)/hub-spoke.rest.json", "\(Self.azure)/hub-spoke.overlay.yaml"])
        #expect(clean.status == 0, "\(clean.stderr)")
        let r = try run(["check", "--strict", "\(Self.azure)/shape-lowercase.json"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("shape-lowercase.json:38:3: error: unknown properties.ipConfigurations"))
    }

    @Test("--input-format forces the form; a directory reads its .json files")
    func inputFormatAndDirectory() throws {
        let forced = try run(["check", "--input-format", "roundtrip", "\(Self.azure)/shape-az-flattened.json"])
        #expect(forced.status == 2 && forced.stderr.contains("apiVersion"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-azure-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: TestFiles.url("\(Self.azure)/udr-firewall.az.json"), to: folder.appendingPathComponent("export.json"))
        let r = try run(["check", folder.path, "\(Self.azure)/udr-firewall.overlay.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("4/4 expectations hold"))
    }

    @Test("routes takes the subnet as the last argument or --subnet, after several inputs")
    func routesSeveralInputs() throws {
        let last = try run(["routes", "\(Self.azure)/hub-spoke.rest.json", "\(Self.azure)/hub-spoke.overlay.yaml", "spoke1-vnet/workload"])
        let option = try run(["routes", "--subnet", "spoke1-vnet/workload", "\(Self.azure)/hub-spoke.rest.json"])
        let sample = try run(["routes", "samples/hub-spoke.yaml", "spoke1-vnet/workload"])
        #expect(last.status == 0 && option.status == 0 && sample.status == 0, "\(last.stderr)\(option.stderr)")
        #expect(last.stdout.contains("10.0.1.4") && option.stdout.contains("10.0.1.4"))
        let bundled = try run(["routes", "aks-vnet/aks-subnet"])
        #expect(bundled.status == 0 && bundled.stdout.contains("10.42.2.4"))
    }
}
