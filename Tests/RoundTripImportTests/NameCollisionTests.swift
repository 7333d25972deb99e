import Foundation
import RoundTripCore
import RoundTripImport
import Testing

/// Azure names are unique only within a resource group (peerings within their VNet); landing-zone templates reuse
/// them in every spoke. The import keeps every resource, qualifies the repeated names, lists each rename, and the
/// design compiles.
@Suite("Import name collisions")
struct NameCollisionTests {
    static func id(_ group: String, _ type: String, _ name: String) -> String {
        "/subscriptions/s1/resourceGroups/\(group)/providers/Microsoft.Network/\(type)/\(name)"
    }

    static func spoke(_ group: String, _ cidr: String) -> String {
        let vnet = id(group, "virtualNetworks", "spoke-vnet")
        let table = id(group, "routeTables", "rt-spoke")
        let hub = id("rg-hub", "virtualNetworks", "hub-vnet")
        return """
            {"id": "\(table)", "name": "rt-spoke", "type": "Microsoft.Network/routeTables", "location": "westeurope",
             "properties": {"routes": []}},
            {"id": "\(vnet)", "name": "spoke-vnet", "type": "Microsoft.Network/virtualNetworks", "location": "westeurope",
             "properties": {"addressSpace": {"addressPrefixes": ["\(cidr)"]},
               "subnets": [{"id": "\(vnet)/subnets/app", "name": "app",
                            "properties": {"addressPrefix": "\(cidr)", "routeTable": {"id": "\(table)"}}}],
               "virtualNetworkPeerings": [{"id": "\(vnet)/virtualNetworkPeerings/to-hub", "name": "to-hub",
                 "properties": {"remoteVirtualNetwork": {"id": "\(hub)"}, "peeringState": "Connected"}}]}}
            """
    }

    @Test("same-named VNets, route tables and peerings in two resource groups are all imported, qualified")
    func qualified() throws {
        let hub = Self.id("rg-hub", "virtualNetworks", "hub-vnet")
        let json = """
            {"value": [
            {"id": "\(hub)", "name": "hub-vnet", "type": "Microsoft.Network/virtualNetworks", "location": "westeurope",
             "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}, "subnets": []}},
            \(Self.spoke("rg-app1", "10.1.0.0/24")),
            \(Self.spoke("rg-app2", "10.2.0.0/24"))
            ]}
            """
        let design = try DesignImporter.importDesign(Data(json.utf8), file: "estate.json")
        #expect(design.virtualNetworks.map(\.name) == ["hub-vnet", "spoke-vnet@rg-app1", "spoke-vnet@rg-app2"])
        #expect(design.routeTables.map(\.name) == ["rt-spoke@rg-app1", "rt-spoke@rg-app2"])
        #expect(design.virtualNetworkPeerings.map(\.name) == ["to-hub@spoke-vnet@rg-app1", "to-hub@spoke-vnet@rg-app2"])
        let subnets = design.virtualNetworks.flatMap { vnet in vnet.subnets.map { "\(vnet.name)/\($0.name)=\($0.routeTable ?? "-")" } }
        #expect(subnets == ["spoke-vnet@rg-app1/app=rt-spoke@rg-app1", "spoke-vnet@rg-app2/app=rt-spoke@rg-app2"])
        let renames = design.importSummary?.skipped.filter { $0.what == "name" } ?? []
        #expect(renames.count == 4)
        #expect(renames.allSatisfy { $0.reason.contains("also named") })
        let topology = try Topology.compile(design)
        #expect(topology.vnets.count == 3)
    }
}
