import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

/// Reading deployment templates into resources: the fixtures modelled on samples/hub-spoke.yaml and
/// samples/udr-firewall.yaml, Bicep's symbolic names, unknown values, copy loops, conditions and nested deployments.
@Suite("ARM templates")
struct ARMTemplateTests {
    static let folder = "Tests/RoundTripImportTests/Fixtures/arm"

    static func read(_ name: String, parameters: String? = nil) throws -> (resources: [AzureResource], notes: [ImportSummary.Note]) {
        let data = try Data(contentsOf: TestFiles.url("\(folder)/\(name)"))
        let parameterData = try parameters.map { try Data(contentsOf: TestFiles.url("\(folder)/\($0)")) }
        return try ARMTemplateReader.read(data, file: name, parameters: parameterData, parametersFile: parameters)
    }

    static func read(
        text: String, parameters: String? = nil
    ) throws(DesignError) -> (resources: [AzureResource], notes: [ImportSummary.Note]) {
        try ARMTemplateReader.read(Data(text.utf8), file: "t.json", parameters: parameters.map { Data($0.utf8) }, parametersFile: "p.json")
    }

    /// The error a template gives (nil, with an issue recorded, when it was read).
    static func failure(_ text: String, parameters: String? = nil) -> Diagnostic? {
        do {
            let result = try read(text: text, parameters: parameters)
            Issue.record("read: \(result.resources.map(\.id))")
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    static func resource(_ resources: [AzureResource], _ type: String, _ name: String) throws -> AzureResource {
        try #require(resources.first { $0.type == type && $0.name == name }, "no \(type) \(name)")
    }

    static let rg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"

    @Test("hub-spoke: the resources of samples/hub-spoke.yaml, with the same names and addresses")
    func hubSpoke() throws {
        let (resources, notes) = try Self.read("hub-spoke.json", parameters: "hub-spoke.parameters.json")
        let names = resources.map { "\($0.type.split(separator: "/").last ?? "") \($0.name)" }
        #expect(
            names == [
                "publicIPAddresses hub-fw-pip", "routeTables spoke-rt", "routeTables gateway-rt", "virtualNetworks hub-vnet",
                "virtualNetworkPeerings hub-to-spoke1", "virtualNetworkPeerings hub-to-spoke2", "virtualNetworks spoke1-vnet",
                "virtualNetworks spoke2-vnet", "virtualNetworkPeerings spoke1-to-hub", "virtualNetworkPeerings spoke2-to-hub",
                "azureFirewalls hub-fw", "virtualNetworkGateways hub-vpngw", "localNetworkGateways datacenter",
                "connections hub-vpngw-to-datacenter", "networkInterfaces spoke1-vm-nic", "networkInterfaces spoke2-vm-nic",
                "networkInterfaces shared-dns-nic", "virtualMachines spoke1-vm", "virtualMachines spoke2-vm", "virtualMachines shared-dns",
            ])
        #expect(notes.map(\.reason) == ["condition false"])
        #expect(notes.first?.resource == Self.rg + "Microsoft.Network/bastionHosts/hub-bastion")

        let hub = try Self.resource(resources, "Microsoft.Network/virtualNetworks", "hub-vnet")
        #expect(hub.id == Self.rg + "Microsoft.Network/virtualNetworks/hub-vnet")
        #expect(hub.region == "westeurope")
        #expect(hub.source.jsonPointer == "/resources/3" && hub.source.resourceID == hub.id)
        #expect((hub.source.line, hub.source.column) == (91, 5))
        #expect(hub.properties["addressSpace"]?["addressPrefixes"]?[0]?.string == "10.0.0.0/16")
        let subnets = try #require(hub.properties["subnets"]?.array)
        #expect(subnets.compactMap { $0["name"]?.string } == ["AzureFirewallSubnet", "GatewaySubnet", "shared"])
        #expect(subnets.compactMap { $0["properties"]?["addressPrefix"]?.string } == ["10.0.1.0/26", "10.0.2.0/27", "10.0.3.0/24"])
        #expect(subnets[0]["properties"]?["routeTable"] == nil)
        #expect(subnets[1]["properties"]?["routeTable"]?["id"]?.string == Self.rg + "Microsoft.Network/routeTables/gateway-rt")
        #expect(subnets[2]["properties"]?["routeTable"]?["id"]?.string == Self.rg + "Microsoft.Network/routeTables/spoke-rt")
        // A value computed by an expression stands where the expression does.
        #expect(subnets[0].line > 91 && hub.unknown.isEmpty)

        for (index, spoke) in ["spoke1", "spoke2"].enumerated() {
            let vnet = try Self.resource(resources, "Microsoft.Network/virtualNetworks", "\(spoke)-vnet")
            #expect(vnet.properties["addressSpace"]?["addressPrefixes"]?[0]?.string == "10.\(index + 1).0.0/16")
            #expect(vnet.properties["subnets"]?[0]?["name"]?.string == "workload")
            #expect(vnet.properties["subnets"]?[0]?["properties"]?["addressPrefix"]?.string == "10.\(index + 1).1.0/24")
            let out = try Self.resource(resources, "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "hub-to-\(spoke)")
            #expect(out.id == Self.rg + "Microsoft.Network/virtualNetworks/hub-vnet/virtualNetworkPeerings/hub-to-\(spoke)")
            #expect(out.properties["remoteVirtualNetwork"]?["id"]?.string == Self.rg + "Microsoft.Network/virtualNetworks/\(spoke)-vnet")
            #expect(out.properties["allowGatewayTransit"]?.bool == true && out.properties["allowForwardedTraffic"]?.bool == true)
            let back = try Self.resource(resources, "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "\(spoke)-to-hub")
            #expect(back.id == Self.rg + "Microsoft.Network/virtualNetworks/\(spoke)-vnet/virtualNetworkPeerings/\(spoke)-to-hub")
            #expect(back.properties["useRemoteGateways"]?.bool == true && back.properties["allowGatewayTransit"]?.bool == false)
        }

        let spokeRT = try Self.resource(resources, "Microsoft.Network/routeTables", "spoke-rt")
        #expect(spokeRT.properties["disableBgpRoutePropagation"]?.bool == true)
        #expect(spokeRT.properties["routes"]?[0]?["properties"]?["nextHopIpAddress"]?.string == "10.0.1.4")
        let gatewayRT = try Self.resource(resources, "Microsoft.Network/routeTables", "gateway-rt")
        let routes = try #require(gatewayRT.properties["routes"]?.array)
        #expect(routes.compactMap { $0["name"]?.string } == ["spoke1-via-firewall", "spoke2-via-firewall", "shared-via-firewall"])
        #expect(routes.compactMap { $0["properties"]?["addressPrefix"]?.string } == ["10.1.0.0/16", "10.2.0.0/16", "10.0.3.0/24"])
        #expect(
            routes.allSatisfy {
                $0["properties"]?["nextHopType"]?.string == "VirtualAppliance"
                    && $0["properties"]?["nextHopIpAddress"]?.string == "10.0.1.4"
            })

        let firewall = try Self.resource(resources, "Microsoft.Network/azureFirewalls", "hub-fw")
        let configuration = firewall.properties["ipConfigurations"]?[0]?["properties"]
        #expect(configuration?["privateIPAddress"]?.string == "10.0.1.4")
        #expect(
            configuration?["subnet"]?["id"]?.string == Self.rg + "Microsoft.Network/virtualNetworks/hub-vnet/subnets/AzureFirewallSubnet")
        #expect(configuration?["publicIPAddress"]?["id"]?.string == Self.rg + "Microsoft.Network/publicIPAddresses/hub-fw-pip")
        #expect(
            firewall.properties["networkRuleCollections"]?[0]?["properties"]?["rules"]?[1]?["sourceAddresses"]?[0]?.string
                == "192.168.0.0/16")
        let pip = try Self.resource(resources, "Microsoft.Network/publicIPAddresses", "hub-fw-pip")
        #expect(pip.properties["ipAddress"]?.string == "20.50.100.10" && pip.top["sku"]?["name"]?.string == "Standard")

        let gateway = try Self.resource(resources, "Microsoft.Network/virtualNetworkGateways", "hub-vpngw")
        #expect(gateway.properties["gatewayType"]?.string == "Vpn")
        let site = try Self.resource(resources, "Microsoft.Network/localNetworkGateways", "datacenter")
        #expect(site.properties["localNetworkAddressSpace"]?["addressPrefixes"]?[0]?.string == "192.168.0.0/16")
        #expect(site.source.jsonPointer == "/resources/9/properties/template/resources/0")
        let connection = try Self.resource(resources, "Microsoft.Network/connections", "hub-vpngw-to-datacenter")
        #expect(connection.properties["virtualNetworkGateway1"]?["id"]?.string == gateway.id)
        #expect(connection.properties["localNetworkGateway2"]?["id"]?.string == site.id)

        let nic = try Self.resource(resources, "Microsoft.Network/networkInterfaces", "shared-dns-nic")
        #expect(nic.properties["ipConfigurations"]?[0]?["properties"]?["privateIPAddress"]?.string == "10.0.3.4")
        #expect(
            nic.properties["ipConfigurations"]?[0]?["properties"]?["subnet"]?["id"]?.string == Self.rg
                + "Microsoft.Network/virtualNetworks/hub-vnet/subnets/shared")
        #expect(resources.allSatisfy { $0.unknown.isEmpty })
    }

    @Test("hub-spoke without the parameters file: the password has no value, so it is unknown — recorded, not guessed")
    func hubSpokeDefaults() throws {
        let (resources, _) = try Self.read("hub-spoke.json")
        let vm = try Self.resource(resources, "Microsoft.Compute/virtualMachines", "spoke1-vm")
        #expect(vm.properties["osProfile"]?["adminPassword"] == nil)
        #expect(vm.unknown["/properties/osProfile/adminPassword"]?.contains("parameters('adminPassword')") == true)
        #expect(vm.properties["osProfile"]?["adminUsername"]?.string == "azureuser")
        #expect(resources.count == 20)
    }

    @Test("udr-firewall: the portal's export of samples/udr-firewall.yaml")
    func udrFirewall() throws {
        let (resources, notes) = try Self.read("udr-firewall.json")
        #expect(notes.isEmpty)
        #expect(resources.count == 9)
        let vnet = try Self.resource(resources, "Microsoft.Network/virtualNetworks", "aks-vnet")
        #expect(
            vnet.properties["subnets"]?[0]?["properties"]?["routeTable"]?["id"]?.string == Self.rg
                + "Microsoft.Network/routeTables/firewall-routetable")
        let subnet = try Self.resource(resources, "Microsoft.Network/virtualNetworks/subnets", "AzureFirewallSubnet")
        #expect(subnet.id == Self.rg + "Microsoft.Network/virtualNetworks/aks-vnet/subnets/AzureFirewallSubnet")
        #expect(subnet.properties["addressPrefix"]?.string == "10.42.2.0/24" && subnet.region == nil)
        let route = try Self.resource(resources, "Microsoft.Network/routeTables/routes", "firewall-route-internet")
        #expect(route.properties["nextHopType"]?.string == "Internet" && route.properties["addressPrefix"]?.string == "20.229.246.163/32")
        let firewall = try Self.resource(resources, "Microsoft.Network/azureFirewalls", "hub-firewall")
        #expect(
            firewall.properties["applicationRuleCollections"]?.array?.compactMap { $0["name"]?.string } == [
                "aksfwar", "dockerhub-registry", "ifconfig",
            ])
        let aks = try Self.resource(resources, "Microsoft.ContainerService/managedClusters", "aks-udr")
        #expect(aks.properties["networkProfile"]?["outboundType"]?.string == "userDefinedRouting")
        #expect(
            aks.properties["agentPoolProfiles"]?[0]?["vnetSubnetID"]?.string == Self.rg
                + "Microsoft.Network/virtualNetworks/aks-vnet/subnets/aks-subnet")
        #expect(aks.top["identity"]?["type"]?.string == "SystemAssigned")
    }

    @Test("Bicep's languageVersion 2.0: symbolic names, existing resources, variable loops, user functions, reference()")
    func symbolic() throws {
        let (resources, notes) = try Self.read("symbolic.json")
        #expect(resources.map(\.source.jsonPointer) == ["/resources/rt", "/resources/vnet", "/resources/appSubnetRoute"])
        #expect(notes.map(\.reason) == ["existing resource: referenced, not deployed by the template"])
        let table = try Self.resource(resources, "Microsoft.Network/routeTables", "app-rt")
        #expect(table.properties["routes"]?[0]?["name"]?.string == "to-firewall")
        #expect(table.properties["routes"]?[0]?["properties"]?["nextHopIpAddress"] == nil)
        #expect(table.unknown["/properties/routes/0/properties/nextHopIpAddress"]?.contains("reference('hubFirewall'") == true)
        let vnet = try #require(resources.first { $0.type == "Microsoft.Network/virtualNetworks" })
        #expect(vnet.name.hasPrefix("vnet-") && vnet.name.count == 18)
        #expect(
            vnet.properties["subnets"]?.array?.compactMap { $0["properties"]?["addressPrefix"]?.string } == [
                "10.10.1.0/24", "10.10.2.0/24",
            ])
        let extra = try Self.resource(resources, "Microsoft.Network/virtualNetworks/subnets", "extra")
        // reference() reads what the template sets on the VNet; what Azure would set is unknown.
        #expect(extra.properties["addressPrefix"]?.string == "10.10.9.0/24")
        #expect(extra.properties["natGateway"]?.object?.isEmpty == true)
        #expect(extra.unknown.keys.sorted() == ["/properties/natGateway/id"])
    }

    @Test("reference() and list*() to resources outside the template: unknown, with pointer and expression")
    func unknownReferences() throws {
        let (resources, _) = try Self.read("reference-unknown.json")
        let table = try #require(resources.first)
        #expect(table.properties["routes"]?[0]?["properties"]?["nextHopType"]?.string == "VirtualAppliance")
        #expect(
            table.unknown["/properties/routes/0/properties/nextHopIpAddress"]
                == "[reference(parameters('firewallId'), '2023-09-01').ipConfigurations[0].properties.privateIPAddress]")
        #expect(table.properties["routes"]?[1]?["name"]?.string == "keys")
        #expect(table.unknown["/properties/routes/1/properties/addressPrefix"] != nil)
        #expect(table.unknown["/tags/owner"] != nil && table.top["tags"]?["fixed"]?.string == "yes")
        #expect(table.unknown.count == 3)
    }

    @Test("a linked template is noted and passed over; the rest is read")
    func linked() throws {
        let (resources, notes) = try Self.read("linked.json")
        #expect(resources.map(\.name) == ["hub-vnet"])
        #expect(notes.count == 1)
        #expect(
            notes.first?.reason.contains("linked template") == true
                && notes.first?.reason.contains("https://example.com/templates/spokes.json") == true)
        #expect(notes.first?.location.jsonPointer == "/resources/0")
    }
}
