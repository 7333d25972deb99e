import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

/// Azure resource JSON: every shape reads, the samples expressed as Azure JSON give the samples' verdicts, notes
/// carry resource ids and locations, and malformed input is a located error.
@Suite("Azure resource JSON")
struct AzureJSONTests {
    static let folder = "Tests/RoundTripImportTests/Fixtures/azure-json"

    static func input(_ name: String) throws -> (Data, String) {
        let path = "\(folder)/\(name)"
        return (try Data(contentsOf: TestFiles.url(path)), path)
    }

    static func verdicts(_ design: Design) throws -> [String: Verdict] {
        let report = Checker.check(try Topology.compile(design))
        return Dictionary(uniqueKeysWithValues: report.results.map { ($0.flow.name, $0.trace.verdict) })
    }

    @Test(
        "a sample as Azure JSON plus its flows gives the sample's verdicts",
        arguments: [
            ("hub-spoke.rest.json", "hub-spoke.overlay.yaml", "samples/hub-spoke.yaml"),
            ("udr-firewall.az.json", "udr-firewall.overlay.yaml", "samples/udr-firewall.yaml"),
        ])
    func samplesMatch(export: String, overlay: String, sample: String) throws {
        let imported = try DesignImporter.importDesign(inputs: [try Self.input(export), try Self.input(overlay)])
        let expected = try Self.verdicts(try TestFiles.design(sample))
        let actual = try Self.verdicts(imported)
        #expect(!expected.isEmpty)
        #expect(actual == expected)
        let report = Checker.check(try Topology.compile(imported))
        #expect(report.failedExpectations.isEmpty)
        #expect(imported.importSummary?.inputs.map(\.form) == ["azure-json"])
    }

    @Test("the hub-spoke export maps every element, named after its resource, located at its resource")
    func hubSpokeElements() throws {
        let (data, file) = try Self.input("hub-spoke.rest.json")
        let design = try DesignImporter.importDesign(data, file: file)
        #expect(DesignImporter.detect(data, file: file).format == .azureJSON)
        #expect(design.virtualNetworks.map(\.name) == ["hub-vnet", "spoke1-vnet", "spoke2-vnet"])
        #expect(Set(design.virtualNetworkPeerings.map(\.name)) == ["hub-to-spoke1", "hub-to-spoke2", "spoke1-to-hub", "spoke2-to-hub"])
        #expect(design.routeTables.first { $0.name == "gateway-rt" }?.routes.count == 3)
        #expect(design.onPremisesNetworks.map(\.name) == ["datacenter"])
        #expect(design.virtualNetworkGateways.map(\.subnet) == ["hub-vnet/GatewaySubnet"])
        #expect(design.workloads.map(\.name).sorted() == ["shared-dns", "spoke1-vm", "spoke2-vm"])
        let firewall = try #require(design.azureFirewalls.first)
        #expect(firewall.publicIPAddresses == ["hub-fw-pip"])
        #expect(firewall.applicationRuleCollections.first?.rules.first?.protocols.map(\.description) == ["Https:443"])
        let subnet = try #require(design.virtualNetworks.first?.subnets.first { $0.name == "GatewaySubnet" })
        #expect(subnet.routeTable == "gateway-rt")
        #expect(subnet.source.element.resourceID?.hasSuffix("/subnets/GatewaySubnet") == true)
        #expect(subnet.source.element.jsonPointer == "/value/1/properties/subnets/1")
        #expect(subnet.source.element.line > 1)
        let summary = try #require(design.importSummary)
        #expect(summary.read["Microsoft.Network/virtualNetworks"] == 3)
        #expect(summary.read["Microsoft.Network/routeTables/routes"] == 3)
    }

    @Test("skipped types and properties carry the resource id and location")
    func notesAreLocated() throws {
        let (data, file) = try Self.input("hub-spoke.rest.json")
        let summary = try #require(try DesignImporter.importDesign(data, file: file).importSummary)
        #expect(summary.read["Microsoft.Network/networkSecurityGroups"] == 1)
        // The NSG and its association are read, with their locations.
        let design = try DesignImporter.importDesign(data, file: file)
        let nsg = try #require(design.networkSecurityGroups.first)
        #expect(nsg.name == "shared-nsg" && nsg.source.element.resourceID?.hasSuffix("/networkSecurityGroups/shared-nsg") == true)
        #expect(nsg.source.element.file == file && nsg.source.element.line > 0 && nsg.source.element.jsonPointer != nil)
        let subnet = try #require(design.virtualNetworks.first { $0.name == "hub-vnet" }?.subnets.first { $0.name == "shared" })
        #expect(subnet.networkSecurityGroup == "shared-nsg")
        let property = try #require(subnet.source.fields["networkSecurityGroup"])
        #expect(property.resourceID?.hasSuffix("/subnets/shared") == true)
        #expect(property.jsonPointer == "/value/1/properties/subnets/2/properties/networkSecurityGroup")
        for note in summary.skipped + summary.unknown {
            #expect(note.location.file == file && note.location.line > 0 && note.location.resourceID != nil)
        }
    }

    @Test("a REST API example reads its 200 body")
    func restExample() throws {
        let (data, file) = try Self.input("shape-rest-example.json")
        #expect(DesignImporter.detect(data, file: file).format == .azureJSON)
        let design = try DesignImporter.importDesign(data, file: file)
        #expect(design.virtualNetworks.first?.subnets.map(\.addressPrefix.description) == ["10.9.1.0/24"])
        #expect(design.virtualNetworks.first?.source.element.jsonPointer == "/responses/200/body")
    }

    @Test("a list response reads its values and notes the nextLink and the unallocated public IP")
    func nextLink() throws {
        let (data, file) = try Self.input("shape-nextlink.json")
        let design = try DesignImporter.importDesign(data, file: file)
        #expect(design.virtualNetworks.count == 1 && design.publicIPAddresses.isEmpty)
        let summary = try #require(design.importSummary)
        #expect(summary.skipped.contains { $0.what == "nextLink" && $0.location.jsonPointer == "/nextLink" })
        let unknown = try #require(summary.unknown.first)
        #expect(unknown.resource.hasSuffix("/publicIPAddresses/shape-pip") && unknown.what == "properties.ipAddress")
    }

    @Test("a Resource Graph result with lower-case types and ids in any case reads")
    func resourceGraph() throws {
        let (data, file) = try Self.input("shape-resource-graph.json")
        #expect(DesignImporter.detect(data, file: file).format == .azureJSON)
        let design = try DesignImporter.importDesign(data, file: file)
        #expect(design.virtualNetworks.first?.subnets.first?.routeTable == "shape-rt")
        #expect(design.routeTables.first?.routes.first?.nextHopType == .internet)
        #expect(design.importSummary?.read["Microsoft.Network/routeTables"] == 1)
    }

    @Test("az output with flattened properties reads")
    func flattened() throws {
        let (data, file) = try Self.input("shape-az-flattened.json")
        let design = try DesignImporter.importDesign(data, file: file)
        let vnet = try #require(design.virtualNetworks.first)
        #expect(vnet.addressSpace.map(\.description) == ["10.9.0.0/16"] && vnet.subnets.map(\.name) == ["app"])
        #expect(vnet.subnets.first?.source.fields["addressPrefix"]?.jsonPointer == "/subnets/0/addressPrefix")
    }

    @Test("lower-case types, resourcegroups ids, separate subnets and a NIC without a VM")
    func lowercase() throws {
        let (data, file) = try Self.input("shape-lowercase.json")
        let design = try DesignImporter.importDesign(data, file: file)
        #expect(design.virtualNetworks.first?.subnets.map(\.name) == ["app"])
        let nic = try #require(design.workloads.first)
        #expect(nic.name == "app-nic" && nic.subnet == "shape-vnet/app" && nic.ipAddresses.map(\.description) == ["10.9.1.10"])
        let summary = try #require(design.importSummary)
        #expect(summary.unknown.contains { $0.what == "properties.ipConfigurations" && $0.resource.contains("/bastionhosts/") })
    }

    @Test("load balancer pools from NIC back-references and App Gateway routing rules, ids in any case")
    func devices() throws {
        let overlay = """
            apiVersion: roundtrip/v1
            name: devices
            flows:
              - { name: to-lb, from: internet, to: lb/fe, port: 80, expect: symmetric }
              - { name: to-agw, from: internet, to: agw/l80, port: 80, expect: symmetric }
            """
        let design = try DesignImporter.importDesign(inputs: [try Self.input("devices.rest.json"), (Data(overlay.utf8), "o.yaml")])
        let balancer = try #require(design.loadBalancers.first)
        #expect(balancer.backendAddressPools.first?.members == ["web-nic"])
        #expect(balancer.loadBalancingRules.first?.backendAddressPool == "pool")
        #expect(balancer.loadBalancingRules.first?.protocolType == .tcp && balancer.loadBalancingRules.first?.backendPort == 80)
        let listener = try #require(design.applicationGateways.first?.httpListeners.first)
        #expect(listener.frontendIPConfiguration == "pub" && listener.port == 80 && listener.backendPort == 8080)
        #expect(listener.backendAddressPool == "web")
        #expect(Checker.check(try Topology.compile(design)).failedExpectations.isEmpty)
    }

    @Test("a directory stands for its .json files, sorted")
    func directory() {
        let files = DesignImporter.inputFiles(at: TestFiles.url(Self.folder).path)
        #expect(files.count == 9 && files == files.sorted())
        #expect(files.allSatisfy { $0.hasSuffix(".json") })
    }

    @Test("an element defined by the export and by the overlay is an error naming both places")
    func duplicateNames() throws {
        let overlay = """
            apiVersion: roundtrip/v1
            name: clash
            routeTables:
              - { name: shape-rt }
            """
        let export = try Self.input("shape-resource-graph.json")
        do {
            _ = try DesignImporter.importDesign(inputs: [export, (Data(overlay.utf8), "o.yaml")])
            Issue.record("accepted a name defined twice")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.code == .duplicateName && diagnostic.location.file == "o.yaml")
            #expect(diagnostic.message.contains("shape-resource-graph.json"))
        }
    }

    @Test(
        "malformed Azure JSON is a DesignError with a location",
        arguments: [
            #"{"value": [{"type": "Microsoft.Network/virtualNetworks", "name": "v", "properties": {"#,
            #"{"value": [{"type": "Microsoft.Network/virtualNetworks", "name": "v", "properties": {"addressSpace": {"addressPrefixes": 5}}}]}"#,
            #"{"value": [{"type": "Microsoft.Network/virtualNetworks", "name": "v", "properties": "x"}]}"#,
            #"{"value": [{"type": "Microsoft.Network/virtualNetworks", "name": 7}]}"#,
            #"{"value": {"type": "Microsoft.Network/virtualNetworks"}}"#,
            #"[{"type": "Microsoft.Network/routeTables", "name": "r", "properties": {"routes": [{"name": "a", "properties": {"addressPrefix": "10.0.0.1/8", "nextHopType": "Internet"}}]}}]"#,
            #"[{"type": "Microsoft.Network/routeTables", "name": "r", "properties": {"routes": [{"name": "a", "properties": {"addressPrefix": "10.0.0.0/8", "nextHopType": "Sideways"}}]}}]"#,
            #"[{"type": "Microsoft.Network/loadBalancers", "name": "lb", "properties": {"frontendIPConfigurations": [3]}}]"#,
        ])
    func malformed(text: String) {
        do {
            _ = try DesignImporter.importDesign(Data(text.utf8), file: "bad.json", format: .azureJSON)
            Issue.record("accepted \(text)")
        } catch {
            #expect(!error.diagnostics.isEmpty)
            #expect(error.diagnostics.allSatisfy { $0.location.file == "bad.json" && $0.location.line >= 1 && $0.location.column >= 1 })
        }
    }

    @Test("detection leaves RoundTrip designs and other JSON to the RoundTrip reader")
    func detection() {
        #expect(DesignImporter.detect(Data(#"{"apiVersion": "roundtrip/v1", "name": "x"}"#.utf8), file: "d.json").format == .roundtrip)
        #expect(DesignImporter.detect(Data(#"{"name": "x"}"#.utf8), file: "d.json").format == .roundtrip)
        #expect(DesignImporter.detect(Data(#"[{"type": "microsoft.network/virtualnetworks"}]"#.utf8), file: "d.json").format == .azureJSON)
        #expect(DesignImporter.detect(Data(#"{"count": 0, "data": []}"#.utf8), file: "d.json").format == .azureJSON)
        #expect(
            DesignImporter.detect(Data(#"{"value": [{"type": "Microsoft.Network/virtualNetworks", "#.utf8), file: "d.json").format
                == .azureJSON)
        #expect(InputFormat.azureJSON.description == "Azure resource JSON")
    }

    @Test("resource ids compare without regard to case and know their parent and name")
    func resourceIDs() throws {
        let upper = try #require(
            AzureResourceID("/subscriptions/S/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/hub/subnets/app"))
        let lower = try #require(
            AzureResourceID("/subscriptions/s/resourcegroups/rg/providers/microsoft.network/virtualnetworks/HUB/subnets/APP/"))
        #expect(upper == lower && upper.hashValue == lower.hashValue && upper.normalized == lower.normalized)
        #expect(upper.name == "app" && upper.resourceGroup == "RG" && upper.subscription == "S")
        #expect(upper.type == "Microsoft.Network/virtualNetworks/subnets" && upper.types == ["virtualNetworks", "subnets"])
        #expect(upper.parent?.name == "hub" && upper.parent?.type == "Microsoft.Network/virtualNetworks" && upper.parent?.parent == nil)
        #expect(upper.parent?.child("subnets", "APP") == upper)
        #expect(AzureResourceID("not an id") == nil && AzureResourceID("") == nil)
        #expect(AzureResourceID.sameType("microsoft.network/virtualnetworks", "Microsoft.Network/virtualNetworks"))
    }
}
