import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

/// Terraform plans and states (`terraform show -json`) translated to ARM-shaped resources.
@Suite("Terraform plan reader")
struct TerraformTests {
    static let folder = "Tests/RoundTripImportTests/Fixtures/terraform"

    static func read(_ name: String) throws -> (resources: [AzureResource], notes: [ImportSummary.Note]) {
        let path = "\(folder)/\(name)"
        return try TerraformPlanReader.read(Data(contentsOf: TestFiles.url(path)), file: path)
    }

    static func resource(_ resources: [AzureResource], _ type: String, _ name: String) throws -> AzureResource {
        try #require(resources.first { $0.type == type && $0.name == name }, "\(type) \(name)")
    }

    static func value(_ resource: AzureResource, _ pointer: String) -> JSONNode? {
        JSONPointer(pointer).flatMap { JSONNode(.object(resource.properties), line: 0, column: 0, offset: 0)[$0] }
    }

    @Test("hub-spoke (azurerm 3.x): key properties of each translated resource")
    func hubSpoke() throws {
        let (resources, _) = try Self.read("hub-spoke.plan.json")
        let vnets = "Microsoft.Network/virtualNetworks"
        // (type, name, pointer into properties, expected string or number text or bool)
        let table: [(String, String, String, String)] = [
            (vnets, "hub-vnet", "/addressSpace/addressPrefixes/0", "10.0.0.0/16"),
            (vnets, "spoke1-vnet", "/addressSpace/addressPrefixes/0", "10.1.0.0/16"),
            (vnets, "spoke2-vnet", "/addressSpace/addressPrefixes/0", "10.2.0.0/16"),
            (vnets + "/subnets", "AzureFirewallSubnet", "/addressPrefixes/0", "10.0.1.0/26"),
            (vnets + "/subnets", "GatewaySubnet", "/routeTable/id", "/providers/Microsoft.Network/routeTables/gateway-rt"),
            (vnets + "/subnets", "shared", "/routeTable/id", "/providers/Microsoft.Network/routeTables/spoke-rt"),
            (vnets + "/virtualNetworkPeerings", "spoke1-to-hub", "/useRemoteGateways", "true"),
            (vnets + "/virtualNetworkPeerings", "spoke1-to-hub", "/remoteVirtualNetwork/id", "/virtualNetworks/hub-vnet"),
            (vnets + "/virtualNetworkPeerings", "hub-to-spoke2", "/allowGatewayTransit", "true"),
            (vnets + "/virtualNetworkPeerings", "hub-to-spoke2", "/remoteVirtualNetwork/id", "/virtualNetworks/spoke2-vnet"),
            ("Microsoft.Network/routeTables", "spoke-rt", "/disableBgpRoutePropagation", "true"),
            ("Microsoft.Network/routeTables", "spoke-rt", "/routes/0/properties/nextHopIpAddress", "10.0.1.4"),
            ("Microsoft.Network/routeTables/routes", "spoke1-via-firewall", "/addressPrefix", "10.1.0.0/16"),
            ("Microsoft.Network/routeTables/routes", "shared-via-firewall", "/nextHopType", "VirtualAppliance"),
            ("Microsoft.Network/publicIPAddresses", "hub-fw-pip", "/ipAddress", "20.50.100.10"),
            ("Microsoft.Network/azureFirewalls", "hub-fw", "/ipConfigurations/0/properties/privateIPAddress", "10.0.1.4"),
            (
                "Microsoft.Network/azureFirewalls", "hub-fw", "/ipConfigurations/0/properties/publicIPAddress/id",
                "/publicIPAddresses/hub-fw-pip"
            ),
            ("Microsoft.Network/azureFirewalls", "hub-fw", "/networkRuleCollections/0/properties/rules/2/name", "azure-to-onprem"),
            (
                "Microsoft.Network/azureFirewalls", "hub-fw", "/applicationRuleCollections/0/properties/rules/0/protocols/0/protocolType",
                "Https"
            ),
            ("Microsoft.Network/virtualNetworkGateways", "hub-vpngw", "/gatewayType", "Vpn"),
            ("Microsoft.Network/virtualNetworkGateways", "hub-vpngw", "/ipConfigurations/0/properties/subnet/id", "/subnets/GatewaySubnet"),
            ("Microsoft.Network/localNetworkGateways", "datacenter", "/localNetworkAddressSpace/addressPrefixes/0", "192.168.0.0/16"),
            ("Microsoft.Network/connections", "hub-vpngw-to-datacenter", "/localNetworkGateway2/id", "/localNetworkGateways/datacenter"),
            ("Microsoft.Network/networkInterfaces", "spoke1-vm-nic", "/ipConfigurations/0/properties/privateIPAddress", "10.1.1.4"),
            (
                "Microsoft.Network/networkInterfaces", "spoke2-vm-nic", "/ipConfigurations/0/properties/subnet/id",
                "/spoke2-vnet/subnets/workload"
            ),
            ("Microsoft.Network/networkInterfaces", "spoke2-vm-nic", "/virtualMachine/id", "/virtualMachines/spoke2-vm"),
            (
                "Microsoft.Compute/virtualMachines", "spoke1-vm", "/networkProfile/networkInterfaces/0/id",
                "/networkInterfaces/spoke1-vm-nic"
            ),
            (
                "Microsoft.Compute/virtualMachines", "shared-dns", "/networkProfile/networkInterfaces/0/id",
                "/networkInterfaces/shared-dns-nic"
            ),
        ]
        for (type, name, pointer, expected) in table {
            let resource = try Self.resource(resources, type, name)
            let node = try #require(Self.value(resource, pointer), "\(name) \(pointer)")
            let text = node.string ?? node.numberText ?? node.bool.map(String.init) ?? "?"
            #expect(text == expected || (expected.hasPrefix("/") && text.hasSuffix(expected)), "\(name) \(pointer): \(text)")
        }
        // The spoke subnets exist once each, with their route table joined through references (ids unknown).
        let workloads = resources.filter { $0.type == vnets + "/subnets" && $0.name == "workload" }
        #expect(workloads.count == 2)
        for subnet in workloads {
            #expect(Self.value(subnet, "/routeTable/id")?.string?.hasSuffix("/routeTables/spoke-rt") == true, "\(subnet.id)")
        }
        // Inline hub subnets that azurerm_subnet resources also declare are not repeated on the VNet.
        #expect(Self.value(try Self.resource(resources, vnets, "hub-vnet"), "/subnets") == nil)
    }

    @Test("child modules and indexes: addresses, synthesized ids, source locations")
    func modules() throws {
        let (resources, notes) = try Self.read("hub-spoke.plan.json")
        let spoke = try Self.resource(resources, "Microsoft.Network/virtualNetworks", "spoke1-vnet")
        #expect(
            spoke.id
                == "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub-spoke/providers/Microsoft.Network/virtualNetworks/spoke1-vnet"
        )
        #expect(spoke.source.jsonPointer == "/planned_values/root_module/child_modules/0/resources/0")
        #expect(spoke.source.resourceID == spoke.id && spoke.source.line > 1 && spoke.region == "westeurope")
        let subnet = try #require(resources.first { $0.id.hasSuffix("spoke2-vnet/subnets/workload") })
        #expect(subnet.source.jsonPointer == "/planned_values/root_module/child_modules/1/resources/1")
        let hub = try Self.resource(resources, "Microsoft.Network/virtualNetworks", "hub-vnet")
        #expect(hub.id.hasPrefix("/subscriptions/6f1c2a4e-"))
        let routes = resources.filter { $0.type == "Microsoft.Network/routeTables/routes" }
        #expect(routes.map(\.name) == ["shared-via-firewall", "spoke1-via-firewall", "spoke2-via-firewall"])
        #expect(routes.allSatisfy { $0.id.contains("/routeTables/gateway-rt/routes/") })
        #expect(notes.contains { $0.resource == "azurerm_resource_group.hub" })
        #expect(subnet.properties["privateEndpointNetworkPolicies"]?.string == "Enabled")
    }

    @Test("udr-firewall (azurerm 4.x): AKS, classic rule collections, bgp_route_propagation_enabled")
    func udrFirewall() throws {
        let (resources, _) = try Self.read("udr-firewall.plan.json")
        let table = try Self.resource(resources, "Microsoft.Network/routeTables", "firewall-routetable")
        #expect(Self.value(table, "/disableBgpRoutePropagation")?.bool == false)
        #expect(Self.value(table, "/routes/1/properties/addressPrefix")?.string == "20.229.246.163/32")
        let subnet = try Self.resource(resources, "Microsoft.Network/virtualNetworks/subnets", "aks-subnet")
        #expect(Self.value(subnet, "/routeTable/id")?.string?.hasSuffix("/firewall-routetable") == true)
        #expect(Self.value(subnet, "/defaultOutboundAccess")?.bool == true)
        let firewall = try Self.resource(resources, "Microsoft.Network/azureFirewalls", "hub-firewall")
        let collections = try #require(Self.value(firewall, "/applicationRuleCollections")?.array)
        #expect(collections.compactMap { $0["name"]?.string } == ["aksfwar", "dockerhub-registry", "ifconfig"])
        #expect(Self.value(firewall, "/networkRuleCollections/0/properties/rules/2/destinationFqdns/0")?.string == "ntp.ubuntu.com")
        #expect(Self.value(firewall, "/applicationRuleCollections/0/properties/rules/0/fqdnTags/0")?.string == "AzureKubernetesService")
        let cluster = try Self.resource(resources, "Microsoft.ContainerService/managedClusters", "aks-udr")
        #expect(Self.value(cluster, "/networkProfile/outboundType")?.string == "userDefinedRouting")
        #expect(Self.value(cluster, "/networkProfile/networkPlugin")?.string == "azure")
        #expect(Self.value(cluster, "/agentPoolProfiles/0/vnetSubnetID")?.string?.hasSuffix("/subnets/aks-subnet") == true)
        #expect(cluster.unknown["/properties/networkProfile/podCidr"]?.hasPrefix("known after apply") == true)
    }

    @Test("state: load balancer parts, NAT gateway, NSG associations and an unknown type")
    func state() throws {
        let (resources, notes) = try Self.read("state.json")
        let balancer = try Self.resource(resources, "Microsoft.Network/loadBalancers", "app-lb")
        #expect(Self.value(balancer, "/frontendIPConfigurations/0/properties/privateIPAddress")?.string == "10.5.1.10")
        #expect(Self.value(balancer, "/backendAddressPools/0/name")?.string == "app-pool")
        #expect(Self.value(balancer, "/loadBalancingRules/0/properties/backendPort")?.int == 8443)
        #expect(
            Self.value(balancer, "/loadBalancingRules/0/properties/frontendIPConfiguration/id")?.string?.hasSuffix(
                "/frontendIPConfigurations/frontend") == true)
        #expect(Self.value(balancer, "/probes/0/properties/port")?.int == 8443)
        let nic = try Self.resource(resources, "Microsoft.Network/networkInterfaces", "app-nic")
        #expect(Self.value(nic, "/enableIPForwarding")?.bool == true)
        #expect(
            Self.value(nic, "/ipConfigurations/0/properties/loadBalancerBackendAddressPools/0/id")?.string?.hasSuffix("/app-pool") == true)
        let nat = try Self.resource(resources, "Microsoft.Network/natGateways", "app-nat")
        #expect(Self.value(nat, "/publicIpPrefixes/0/id")?.string?.hasSuffix("/nat-prefix") == true)
        let subnet = try Self.resource(resources, "Microsoft.Network/virtualNetworks/subnets", "app")
        #expect(Self.value(subnet, "/natGateway/id")?.string?.hasSuffix("/app-nat") == true)
        #expect(Self.value(subnet, "/networkSecurityGroup/id")?.string?.hasSuffix("/app-nsg") == true)
        let nsg = try Self.resource(resources, "Microsoft.Network/networkSecurityGroups", "app-nsg")
        #expect(Self.value(nsg, "/securityRules/0/properties/destinationPortRange")?.string == "443")
        #expect(notes.contains { $0.resource == "azurerm_dns_zone.internal" && $0.reason == "resource type not translated" })
        #expect(!notes.contains { $0.resource == "azurerm_subnet_network_security_group_association.app" })
        let dns = try #require(notes.first { $0.resource == "azurerm_dns_zone.internal" })
        #expect(dns.location.jsonPointer == "/values/root_module/resources/13" && dns.location.line > 1)
    }

    @Test("after_unknown: unknown values are recorded with their pointers, never guessed")
    func afterUnknown() throws {
        let path = "\(Self.folder)/edge-cases.plan.json"
        let result = try TerraformPlanReader.readDetailed(Data(contentsOf: TestFiles.url(path)), file: path)
        let pip = try Self.resource(result.resources, "Microsoft.Network/publicIPAddresses", "edge-pip")
        #expect(Self.value(pip, "/ipAddress") == nil)
        #expect(pip.unknown["/properties/ipAddress"] == "known after apply (azurerm_public_ip.dynamic.ip_address)")
        #expect(result.unknown.contains { $0.resource == "azurerm_public_ip.dynamic" && $0.what == "ip_address" })
        let nic = try Self.resource(result.resources, "Microsoft.Network/networkInterfaces", "edge-nic")
        #expect(nic.unknown["/properties/ipConfigurations/0/properties/privateIPAddress"]?.hasPrefix("known after apply") == true)
        // Unknown ids that configuration references name are joined to the synthesized ids.
        #expect(
            Self.value(nic, "/ipConfigurations/0/properties/subnet/id")?.string?.hasSuffix("/virtualNetworks/edge-vnet/subnets/edge")
                == true)
        #expect(
            Self.value(nic, "/ipConfigurations/0/properties/publicIPAddress/id")?.string?.hasSuffix("/publicIPAddresses/edge-pip") == true)
        // An association whose subnet comes from a module output cannot be joined: an unknown note, not a guess.
        let association = try #require(result.unknown.first { $0.resource == "azurerm_subnet_route_table_association.elsewhere" })
        #expect(association.what == "subnet_id" && association.reason.contains("left out"))
        #expect(result.skipped.contains { $0.resource == "data.azurerm_virtual_network.existing" && $0.reason.hasPrefix("data source") })
        #expect(result.skipped.contains { $0.resource == "azurerm_private_dns_zone.internal" })
    }

    @Test("errors are located: unsupported format, truncated file, wrong types")
    func errors() throws {
        let cases: [(String, Int, Int, String)] = [
            (
                #"{"format_version": "2.0", "terraform_version": "2.0.0", "planned_values": {}}"#, 1, 20,
                "unsupported Terraform JSON format_version '2.0'"
            ),
            (#"{"format_version": 1.2}"#, 1, 20, "format_version must be a string"),
            ("{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\"resources\": [", 1, 76, "end of input"),
            (
                "{\"format_version\": \"1.2\",\n \"planned_values\": {\"root_module\": {\"resources\": {}}}}", 2, 50,
                "resources must be an array"
            ),
            (
                "{\"format_version\": \"1.2\", \"values\": {\"root_module\": {\"resources\": [{\"address\": \"a.b\", \"type\": 3, \"name\": \"b\"}]}}}",
                1, 95, "'type' must be a string"
            ),
            ("[1]", 1, 1, "a Terraform plan or state is a JSON object"),
            (#"{"something": "else"}"#, 1, 1, "not a Terraform plan or state"),
        ]
        for (text, line, column, message) in cases {
            do {
                _ = try TerraformPlanReader.read(Data(text.utf8), file: "plan.json")
                Issue.record("accepted: \(text)")
            } catch {
                let diagnostic = try #require(error.diagnostics.first)
                #expect((diagnostic.location.line, diagnostic.location.column) == (line, column), "\(text): \(diagnostic)")
                #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
                #expect(diagnostic.location.file == "plan.json")
            }
        }
    }

    @Test("looksLikeTerraform: plans and states, not ARM or RoundTrip JSON")
    func detection() throws {
        let yes = [
            #"{"format_version": "1.2", "terraform_version": "1.9.5"}"#, #"{"planned_values": {}}"#, #"{"values": {"root_module": {}}}"#,
        ]
        let no = [#"{"resources": []}"#, #"{"apiVersion": "roundtrip/v1"}"#, "[]", #"{"values": []}"#]
        for text in yes { #expect(TerraformPlanReader.looksLikeTerraform(try JSONParser.parse(text, file: "t.json")), "\(text)") }
        for text in no { #expect(!TerraformPlanReader.looksLikeTerraform(try JSONParser.parse(text, file: "t.json")), "\(text)") }
    }
}
