import RoundTripCore

/// The azurerm resource types RoundTrip translates, their ARM types and how their ids are formed.
enum TerraformAzurerm {
    /// What becomes of a resource type.
    enum Role {
        /// Emitted as an ARM resource of its own.
        case emit
        /// Merged into the ARM resource it belongs to (a load balancer's rules, a classic firewall rule collection).
        case merge
        /// An association: sets a reference on the resources it names.
        case associate
        /// Read but not part of the design, with the reason given in the note.
        case ignore(String)
    }

    /// How a child resource's id is formed from its parent.
    enum Parent {
        /// The parent is named by an attribute (`virtual_network_name`) in the same resource group.
        case name(String, type: String)
        /// The parent's id is an attribute (`loadbalancer_id`).
        case id(String)
    }

    /// One resource type.
    struct Kind {
        var armType: String?
        var role: Role
        var parent: Parent?
        /// 0 for top-level resources; children after their parents.
        var depth: Int
    }

    static func top(_ type: String) -> Kind { Kind(armType: type, role: .emit, parent: nil, depth: 0) }
    static func child(_ type: String, _ parent: Parent, role: Role = .emit, depth: Int = 1) -> Kind {
        Kind(armType: type, role: role, parent: parent, depth: depth)
    }
    static let association = Kind(armType: nil, role: .associate, parent: nil, depth: 0)

    private static let vnets = "Microsoft.Network/virtualNetworks"
    private static let firewalls = "Microsoft.Network/azureFirewalls"

    /// The translated types.
    static let kinds: [String: Kind] = [
        "azurerm_resource_group": Kind(
            armType: nil, role: .ignore("resource group: holds resources, no network behaviour of its own"), parent: nil, depth: 0),
        "azurerm_virtual_network": top(vnets),
        "azurerm_subnet": child(vnets + "/subnets", .name("virtual_network_name", type: vnets)),
        "azurerm_virtual_network_peering": child(vnets + "/virtualNetworkPeerings", .name("virtual_network_name", type: vnets)),
        "azurerm_route_table": top("Microsoft.Network/routeTables"),
        "azurerm_route": child(
            "Microsoft.Network/routeTables/routes", .name("route_table_name", type: "Microsoft.Network/routeTables")),
        "azurerm_subnet_route_table_association": association,
        "azurerm_subnet_nat_gateway_association": association,
        "azurerm_subnet_network_security_group_association": association,
        "azurerm_network_interface": top("Microsoft.Network/networkInterfaces"),
        "azurerm_network_interface_backend_address_pool_association": association,
        "azurerm_network_interface_application_gateway_backend_address_pool_association": association,
        "azurerm_network_interface_security_group_association": association,
        "azurerm_network_interface_application_security_group_association": association,
        "azurerm_linux_virtual_machine": top("Microsoft.Compute/virtualMachines"),
        "azurerm_windows_virtual_machine": top("Microsoft.Compute/virtualMachines"),
        "azurerm_virtual_machine": top("Microsoft.Compute/virtualMachines"),
        "azurerm_public_ip": top("Microsoft.Network/publicIPAddresses"),
        "azurerm_public_ip_prefix": top("Microsoft.Network/publicIPPrefixes"),
        "azurerm_lb": top("Microsoft.Network/loadBalancers"),
        "azurerm_lb_backend_address_pool": child(
            "Microsoft.Network/loadBalancers/backendAddressPools", .id("loadbalancer_id"), role: .merge),
        "azurerm_lb_backend_address_pool_address": child(
            "Microsoft.Network/loadBalancers/backendAddressPools/loadBalancerBackendAddresses", .id("backend_address_pool_id"),
            role: .merge, depth: 2),
        "azurerm_lb_rule": child("Microsoft.Network/loadBalancers/loadBalancingRules", .id("loadbalancer_id"), role: .merge),
        "azurerm_lb_nat_rule": child("Microsoft.Network/loadBalancers/inboundNatRules", .id("loadbalancer_id"), role: .merge),
        "azurerm_lb_outbound_rule": child("Microsoft.Network/loadBalancers/outboundRules", .id("loadbalancer_id"), role: .merge),
        "azurerm_lb_probe": child("Microsoft.Network/loadBalancers/probes", .id("loadbalancer_id"), role: .merge),
        "azurerm_firewall": top(firewalls),
        "azurerm_firewall_network_rule_collection": child(
            firewalls + "/networkRuleCollections", .name("azure_firewall_name", type: firewalls), role: .merge),
        "azurerm_firewall_application_rule_collection": child(
            firewalls + "/applicationRuleCollections", .name("azure_firewall_name", type: firewalls), role: .merge),
        "azurerm_firewall_nat_rule_collection": child(
            firewalls + "/natRuleCollections", .name("azure_firewall_name", type: firewalls), role: .merge),
        "azurerm_firewall_policy": top("Microsoft.Network/firewallPolicies"),
        "azurerm_firewall_policy_rule_collection_group": child(
            "Microsoft.Network/firewallPolicies/ruleCollectionGroups", .id("firewall_policy_id")),
        "azurerm_ip_group": top("Microsoft.Network/ipGroups"),
        "azurerm_application_gateway": top("Microsoft.Network/applicationGateways"),
        "azurerm_nat_gateway": top("Microsoft.Network/natGateways"),
        "azurerm_nat_gateway_public_ip_association": association,
        "azurerm_nat_gateway_public_ip_prefix_association": association,
        "azurerm_virtual_network_gateway": top("Microsoft.Network/virtualNetworkGateways"),
        "azurerm_local_network_gateway": top("Microsoft.Network/localNetworkGateways"),
        "azurerm_virtual_network_gateway_connection": top("Microsoft.Network/connections"),
        "azurerm_kubernetes_cluster": top("Microsoft.ContainerService/managedClusters"),
        "azurerm_kubernetes_cluster_node_pool": child(
            "Microsoft.ContainerService/managedClusters/agentPools", .id("kubernetes_cluster_id"), role: .merge),
        "azurerm_network_security_group": top("Microsoft.Network/networkSecurityGroups"),
        "azurerm_network_security_rule": child(
            "Microsoft.Network/networkSecurityGroups/securityRules",
            .name("network_security_group_name", type: "Microsoft.Network/networkSecurityGroups")),
        "azurerm_application_security_group": top("Microsoft.Network/applicationSecurityGroups"),
        "azurerm_private_endpoint": top("Microsoft.Network/privateEndpoints"),
        "azurerm_bastion_host": top("Microsoft.Network/bastionHosts"),
    ]

    /// The deepest ``Kind/depth``.
    static let maximumDepth = 2

    // MARK: ids

    /// A resource's ARM id: its `id` value when known, otherwise synthesized from its resource group, parent and
    /// name.
    static func armID(_ translator: TerraformTranslator, _ index: Int, _ kind: Kind) -> String? {
        guard let armType = kind.armType else { return nil }
        let build = ARMBuild(translator, index)
        let scope = build.root
        if let id = scope.string("id"), id.hasPrefix("/") { return id }
        let name = scope.string("name") ?? translator.resources[index].name
        let segment = armType.split(separator: "/").last.map(String.init) ?? armType
        switch kind.parent {
        case nil:
            return group(translator, index) + "/providers/\(armType)/\(name)"
        case .name(let attribute, let parentType):
            let parent = scope.string(attribute) ?? "unknown"
            let group = group(translator, index)
            // A parent in the plan with a known id (an existing VNet that a new subnet joins) gives its id.
            let parentID = translator.resources.indices.first { candidate in
                kinds[translator.resources[candidate].type]?.armType == parentType
                    && translator.resources[candidate].values["name"]?.string?.lowercased() == parent.lowercased()
                    && translator.resources[candidate].values["resource_group_name"]?.string?.lowercased()
                        == scope.string("resource_group_name")?.lowercased()
            }.flatMap { translator.armIDs[$0] }
            return (parentID ?? group + "/providers/\(parentType)/\(parent)") + "/\(segment)/\(name)"
        case .id(let attribute):
            guard let parent = build.idString(scope, attribute, .root)?.string else { return nil }
            return parent + "/\(segment)/\(name)"
        }
    }

    /// `/subscriptions/…/resourceGroups/{resource_group_name}` (the group's name through references when unknown).
    static func group(_ translator: TerraformTranslator, _ index: Int) -> String {
        let scope = ARMBuild(translator, index).root
        var name = scope.string("resource_group_name")
        if name == nil, let target = translator.resolve(scope.references("resource_group_name"), from: index) {
            name = translator.resources[target].values["name"]?.string
        }
        return "/subscriptions/\(TerraformTranslator.placeholderSubscription)/resourceGroups/\(name ?? "unknown")"
    }

    // MARK: dispatch

    /// The ARM resource for an emitted type; nil (with notes) for the others.
    static func translate(_ translator: TerraformTranslator, _ index: Int, _ kind: Kind) -> AzureResource? {
        let resource = translator.resources[index]
        switch kind.role {
        case .ignore(let reason):
            translator.skip(index, what: resource.type, reason)
            return nil
        case .merge, .associate:
            return nil
        case .emit:
            break
        }
        let build = ARMBuild(translator, index)
        switch resource.type {
        case "azurerm_virtual_network": return virtualNetwork(build)
        case "azurerm_subnet": return subnet(build)
        case "azurerm_virtual_network_peering": return peering(build)
        case "azurerm_route_table": return routeTable(build)
        case "azurerm_route": return route(build)
        case "azurerm_nat_gateway": return natGateway(build)
        case "azurerm_network_interface": return networkInterface(build)
        case "azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_machine":
            return virtualMachine(build)
        case "azurerm_public_ip": return publicIP(build)
        case "azurerm_public_ip_prefix": return publicIPPrefix(build)
        case "azurerm_kubernetes_cluster": return kubernetesCluster(build)
        case "azurerm_private_endpoint": return privateEndpoint(build)
        case "azurerm_bastion_host": return bastionHost(build)
        case "azurerm_network_security_group": return networkSecurityGroup(build)
        case "azurerm_network_security_rule": return securityRule(build)
        case "azurerm_application_security_group": return applicationSecurityGroup(build)
        case "azurerm_lb": return loadBalancer(build)
        case "azurerm_application_gateway": return applicationGateway(build)
        case "azurerm_firewall": return firewall(build)
        case "azurerm_firewall_policy": return firewallPolicy(build)
        case "azurerm_firewall_policy_rule_collection_group": return ruleCollectionGroup(build)
        case "azurerm_ip_group": return ipGroup(build)
        case "azurerm_virtual_network_gateway": return virtualNetworkGateway(build)
        case "azurerm_local_network_gateway": return localNetworkGateway(build)
        case "azurerm_virtual_network_gateway_connection": return connection(build)
        default:
            translator.skip(index, what: resource.type, "resource type not translated")
            return nil
        }
    }

    /// Merges associations and merged children into the resources they name.
    static func merge(_ translator: TerraformTranslator, _ index: Int) {
        let resource = translator.resources[index]
        guard let kind = kinds[resource.type] else { return }
        if kind.armType == "Microsoft.Compute/virtualMachines" {
            linkVirtualMachine(ARMBuild(translator, index))
            return
        }
        switch kind.role {
        case .merge, .associate: break
        case .emit, .ignore: return
        }
        let build = ARMBuild(translator, index)
        switch resource.type {
        case "azurerm_subnet_route_table_association":
            associateSubnet(build, key: "route_table_id", property: "routeTable")
        case "azurerm_subnet_nat_gateway_association":
            associateSubnet(build, key: "nat_gateway_id", property: "natGateway")
        case "azurerm_subnet_network_security_group_association":
            associateSubnet(build, key: "network_security_group_id", property: "networkSecurityGroup")
        case "azurerm_nat_gateway_public_ip_association":
            associateNatGateway(build, key: "public_ip_address_id", property: "publicIpAddresses")
        case "azurerm_nat_gateway_public_ip_prefix_association":
            associateNatGateway(build, key: "public_ip_prefix_id", property: "publicIpPrefixes")
        case "azurerm_network_interface_backend_address_pool_association":
            associateInterface(build, key: "backend_address_pool_id", property: "loadBalancerBackendAddressPools")
        case "azurerm_network_interface_application_gateway_backend_address_pool_association":
            associateInterface(build, key: "backend_address_pool_id", property: "applicationGatewayBackendAddressPools")
        case "azurerm_network_interface_security_group_association":
            associateInterfaceSecurityGroup(build)
        case "azurerm_network_interface_application_security_group_association":
            associateInterface(build, key: "application_security_group_id", property: "applicationSecurityGroups")
        case "azurerm_lb_backend_address_pool_address": mergePoolAddress(build)
        case "azurerm_firewall_network_rule_collection", "azurerm_firewall_application_rule_collection",
            "azurerm_firewall_nat_rule_collection":
            mergeRuleCollection(build)
        case "azurerm_kubernetes_cluster_node_pool": mergeNodePool(build)
        default: mergeLoadBalancerChild(build)
        }
    }
}
