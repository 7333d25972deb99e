import RoundTripCore

private let properties = JSONPointer.root / "properties"

/// Network interfaces, virtual machines, public IPs, AKS clusters, private endpoints, Bastion and security groups.
extension TerraformAzurerm {
    /// The name of a resource: its `name` value, else its Terraform name.
    static func name(_ b: ARMBuild) -> String { b.root.string("name") ?? b.resource.name }

    /// `ip_configuration` blocks as ARM `ipConfigurations` (`{name, id, properties}`), with the members `extra`
    /// adds to each block's properties.
    static func ipConfigurations(
        _ b: ARMBuild, _ s: TerraformScope, _ p: JSONPointer, key: String = "ip_configuration",
        extra: (TerraformScope, JSONPointer) -> KeyValuePairs<String, JSONNode?> = { _, _ in [:] }
    ) -> JSONNode? {
        var configurations: [JSONNode] = []
        for (position, block) in b.blocks(s, key, p).enumerated() {
            let name = block.string("name") ?? "ipconfig\(position)"
            let cp = p / position / "properties"
            var props =
                b.object(
                    [
                        "privateIPAddress": b.value(block, "private_ip_address", cp / "privateIPAddress"),
                        "privateIPAllocationMethod": block["private_ip_address_allocation"],
                        "privateIPAddressVersion": block["private_ip_address_version"],
                        "subnet": b.id(block, "subnet_id", cp / "subnet"),
                        "publicIPAddress": b.id(block, "public_ip_address_id", cp / "publicIPAddress"),
                        "primary": block["primary"],
                    ], at: block.values, keepEmpty: true)?.object ?? JSONObject()
            for (member, node) in extra(block, cp) { if let node { props.set(member, node) } }
            configurations.append(
                b.object(
                    [
                        "name": b.text(name, at: block.values), "id": b.text(b.id + "/ipConfigurations/" + name, at: block.values),
                        "properties": .make(.object(props), at: block.values),
                    ], at: block.values))
        }
        return configurations.isEmpty ? nil : .make(.array(configurations), at: s[key] ?? s.values)
    }

    static func networkInterface(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties
        let props = b.object(
            [
                "ipConfigurations": ipConfigurations(b, s, p / "ipConfigurations"),
                "enableIPForwarding": b.value(s, ["ip_forwarding_enabled", "enable_ip_forwarding"], p / "enableIPForwarding"),
                "enableAcceleratedNetworking": b.value(
                    s, ["accelerated_networking_enabled", "enable_accelerated_networking"], p / "enableAcceleratedNetworking"),
                "dnsSettings": b.object(["dnsServers": s["dns_servers"]], at: s.values),
            ], at: s.values, keepEmpty: true)
        return b.finish(type: "Microsoft.Network/networkInterfaces", name: name(b), properties: props)
    }

    static func virtualMachine(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties / "networkProfile" / "networkInterfaces"
        var interfaces = b.ids(s, "network_interface_ids", p)?.array ?? []
        let primary = s.string("primary_network_interface_id")
        for position in interfaces.indices {
            guard var object = interfaces[position].object else { continue }
            let isPrimary = primary.map { object["id"]?.string?.lowercased() == $0.lowercased() } ?? (position == 0)
            object.set("properties", b.object(["primary": .make(.bool(isPrimary), at: interfaces[position])], at: interfaces[position]))
            interfaces[position] = .make(.object(object), at: interfaces[position])
        }
        let props = b.object(
            [
                "hardwareProfile": b.object(["vmSize": s["size"] ?? s["vm_size"]], at: s.values),
                "networkProfile": b.object(
                    ["networkInterfaces": .make(.array(interfaces), at: s["network_interface_ids"] ?? s.values)], at: s.values),
            ], at: s.values, keepEmpty: true)
        return b.finish(type: "Microsoft.Compute/virtualMachines", name: name(b), properties: props)
    }

    /// Sets `virtualMachine.id` on each network interface of a virtual machine, as ARM reports it.
    static func linkVirtualMachine(_ b: ARMBuild) {
        guard let machine = b.translator.emitted(b.id) else { return }
        let interfaces = machine.properties["networkProfile"]?["networkInterfaces"]?.array ?? []
        for interface in interfaces {
            guard let id = interface["id"]?.string else { continue }
            let reference = b.object(["id": b.text(b.id, at: interface)], at: interface)
            b.translator.modify(id) { $0.properties.set("virtualMachine", reference) }
        }
    }

    static func publicIP(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties
        let props = b.object(
            [
                "ipAddress": b.value(s, "ip_address", p / "ipAddress"),
                "publicIPAllocationMethod": s["allocation_method"],
                "publicIPAddressVersion": s["ip_version"],
                "publicIPPrefix": b.id(s, "public_ip_prefix_id", p / "publicIPPrefix"),
                "idleTimeoutInMinutes": s["idle_timeout_in_minutes"],
            ], at: s.values, keepEmpty: true)
        if s["ip_address"] == nil, s.isUnknown("ip_address") {
            b.translator.unknownNote(
                b.index, what: "ip_address",
                "\(TerraformTranslator.afterApply): Azure assigns the address when the public IP is created", node: s.values,
                pointer: s.pointer / "ip_address")
        }
        let sku = b.object(["name": s["sku"], "tier": s["sku_tier"]], at: s.values)
        return b.finish(type: "Microsoft.Network/publicIPAddresses", name: name(b), properties: props, top: ["sku": sku])
    }

    static func publicIPPrefix(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let props = b.object(
            [
                "prefixLength": s["prefix_length"],
                "ipPrefix": b.value(s, "ip_prefix", properties / "ipPrefix"),
                "publicIPAddressVersion": s["ip_version"],
            ], at: s.values, keepEmpty: true)
        let sku = b.object(["name": s["sku"]], at: s.values)
        return b.finish(type: "Microsoft.Network/publicIPPrefixes", name: name(b), properties: props, top: ["sku": sku])
    }

    /// An AKS node pool (`default_node_pool` or `azurerm_kubernetes_cluster_node_pool`) as an agent pool profile.
    static func agentPool(_ b: ARMBuild, _ s: TerraformScope, _ p: JSONPointer, mode: String?) -> JSONNode {
        b.object(
            [
                "name": s["name"],
                "count": s["node_count"],
                "vmSize": s["vm_size"],
                "mode": s["mode"] ?? mode.map { b.text($0, at: s.values) },
                "vnetSubnetID": b.idString(s, "vnet_subnet_id", p / "vnetSubnetID"),
                "podSubnetID": b.idString(s, "pod_subnet_id", p / "podSubnetID"),
            ], at: s.values, keepEmpty: true) ?? s.values
    }

    static func kubernetesCluster(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties
        let pools = s.blocks("default_node_pool").enumerated().map { position, block in
            agentPool(b, block, p / "agentPoolProfiles" / position, mode: "System")
        }
        let network = s.blocks("network_profile").first
        let np = p / "networkProfile"
        let profile = network.flatMap { n in
            b.object(
                [
                    "networkPlugin": n["network_plugin"],
                    "networkPluginMode": n["network_plugin_mode"],
                    "networkPolicy": n["network_policy"],
                    "networkDataplane": n["network_data_plane"],
                    "outboundType": n["outbound_type"],
                    "loadBalancerSku": n["load_balancer_sku"],
                    "podCidr": b.value(n, "pod_cidr", np / "podCidr"),
                    "serviceCidr": b.value(n, "service_cidr", np / "serviceCidr"),
                    "dnsServiceIP": b.value(n, "dns_service_ip", np / "dnsServiceIP"),
                ], at: n.values, keepEmpty: true)
        }
        let props = b.object(
            [
                "agentPoolProfiles": pools.isEmpty ? nil : .make(.array(pools), at: s["default_node_pool"] ?? s.values),
                "networkProfile": profile,
                "dnsPrefix": s["dns_prefix"],
                "apiServerAccessProfile": b.object(["enablePrivateCluster": s["private_cluster_enabled"]], at: s.values),
            ], at: s.values, keepEmpty: true)
        return b.finish(type: "Microsoft.ContainerService/managedClusters", name: name(b), properties: props)
    }

    /// Adds an `azurerm_kubernetes_cluster_node_pool` to its cluster's agent pool profiles.
    static func mergeNodePool(_ b: ARMBuild) {
        guard let cluster = associationID(b, "kubernetes_cluster_id")?.string else { return }
        let pool = agentPool(b, b.root, properties, mode: "User")
        if !b.translator.modify(cluster, { $0.properties.append("agentPoolProfiles", pool, at: pool) }) {
            b.translator.skip(
                b.index, what: "kubernetes_cluster_id", "the cluster \(cluster) is not in the plan; the node pool is left out")
        }
    }

    static func privateEndpoint(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties
        let serviceConnections = s.blocks("private_service_connection")
        let connections = serviceConnections.map { block in
            b.object(
                [
                    "name": block["name"],
                    "properties": b.object(
                        ["privateLinkServiceId": block["private_connection_resource_id"], "groupIds": block["subresource_names"]],
                        at: block.values, keepEmpty: true),
                ], at: block.values, keepEmpty: true) ?? block.values
        }
        var configurations = s.blocks("ip_configuration").map { block in
            b.object(
                [
                    "name": block["name"],
                    "properties": b.object(
                        [
                            "privateIPAddress": block["private_ip_address"], "groupId": block["subresource_name"],
                            "memberName": block["member_name"],
                        ], at: block.values, keepEmpty: true),
                ], at: block.values, keepEmpty: true) ?? block.values
        }
        // Without static ip configurations, the address Azure gave the connection (known once applied).
        if configurations.isEmpty {
            configurations = serviceConnections.compactMap { block in
                block["private_ip_address"].map { address in
                    b.object(["properties": b.object(["privateIPAddress": address], at: address)], at: address)
                }
            }
        }
        let dns = s.blocks("custom_dns_configs").map { block in
            b.object(["fqdn": block["fqdn"], "ipAddresses": block["ip_addresses"]], at: block.values, keepEmpty: true) ?? block.values
        }
        let interfaces = s.blocks("network_interface").compactMap { block in
            block["id"].map { id in b.object(["id": id], at: id) }
        }
        let props = b.object(
            [
                "subnet": b.id(s, "subnet_id", p / "subnet"),
                "customNetworkInterfaceName": s["custom_network_interface_name"],
                "privateLinkServiceConnections": connections.isEmpty ? nil : .make(.array(connections), at: s.values),
                "ipConfigurations": configurations.isEmpty ? nil : .make(.array(configurations), at: s.values),
                "customDnsConfigs": dns.isEmpty ? nil : .make(.array(dns), at: s.values),
                "networkInterfaces": interfaces.isEmpty ? nil : .make(.array(interfaces), at: s.values),
            ], at: s.values, keepEmpty: true)
        return b.finish(type: "Microsoft.Network/privateEndpoints", name: name(b), properties: props)
    }

    static func bastionHost(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let props = b.object(["ipConfigurations": ipConfigurations(b, s, properties / "ipConfigurations")], at: s.values, keepEmpty: true)
        let sku = b.object(["name": s["sku"]], at: s.values)
        return b.finish(type: "Microsoft.Network/bastionHosts", name: name(b), properties: props, top: ["sku": sku])
    }

    /// A security rule's properties (`security_rule` block or `azurerm_network_security_rule`).
    static func securityRuleProperties(_ b: ARMBuild, _ s: TerraformScope) -> JSONNode? {
        let pairs: [(String, String)] = [
            ("description", "description"), ("priority", "priority"), ("direction", "direction"), ("access", "access"),
            ("protocol", "protocol"), ("sourcePortRange", "source_port_range"), ("sourcePortRanges", "source_port_ranges"),
            ("destinationPortRange", "destination_port_range"), ("destinationPortRanges", "destination_port_ranges"),
            ("sourceAddressPrefix", "source_address_prefix"), ("sourceAddressPrefixes", "source_address_prefixes"),
            ("destinationAddressPrefix", "destination_address_prefix"),
            ("destinationAddressPrefixes", "destination_address_prefixes"),
        ]
        var object = JSONObject()
        for (armKey, key) in pairs {
            guard let node = s[key] else { continue }
            if node.string?.isEmpty == true || node.array?.isEmpty == true { continue }
            object.set(armKey, node)
        }
        for side in ["source", "destination"] {
            let key = "\(side)_application_security_group_ids"
            if let groups = b.ids(s, key, properties / "\(side)ApplicationSecurityGroups"), groups.array?.isEmpty == false {
                object.set("\(side)ApplicationSecurityGroups", groups)
            }
        }
        return .make(.object(object), at: s.values)
    }

    static func networkSecurityGroup(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        var rules: [JSONNode] = []
        for block in b.blocks(s, "security_rule", properties / "securityRules", recordUnknown: false) {
            let name = block.string("name") ?? "rule\(rules.count)"
            let id = b.id + "/securityRules/" + name
            if b.declaredSeparately(id) { continue }
            rules.append(
                b.object(
                    [
                        "name": b.text(name, at: block.values), "id": b.text(id, at: block.values),
                        "properties": securityRuleProperties(b, block),
                    ], at: block.values) ?? block.values)
        }
        let props = b.object(["securityRules": .make(.array(rules), at: s["security_rule"] ?? s.values)], at: s.values)
        return b.finish(type: "Microsoft.Network/networkSecurityGroups", name: name(b), properties: props)
    }

    static func securityRule(_ b: ARMBuild) -> AzureResource {
        b.finish(
            type: "Microsoft.Network/networkSecurityGroups/securityRules", name: name(b), properties: securityRuleProperties(b, b.root))
    }

    static func applicationSecurityGroup(_ b: ARMBuild) -> AzureResource {
        b.finish(type: "Microsoft.Network/applicationSecurityGroups", name: name(b), properties: nil)
    }

    // MARK: network interface associations

    /// The ip configuration `ip_configuration_name` names on the interface `network_interface_id` names gets the
    /// pool `key` names added to its `property` list.
    static func associateInterface(_ b: ARMBuild, key: String, property: String) {
        guard let interface = associationID(b, "network_interface_id"), let interfaceID = interface.string,
            let pool = associationID(b, key)
        else { return }
        let configuration = b.root.string("ip_configuration_name")
        let reference = b.object(["id": pool], at: pool)
        var found = false
        b.translator.modify(interfaceID) { resource in
            resource.properties.updateElements("ipConfigurations") { element in
                guard !found, configuration == nil || element["name"]?.string == configuration else { return }
                found = true
                element.updateObject("properties", at: reference) { $0.append(property, reference, at: pool) }
            }
        }
        if !found {
            b.translator.skip(
                b.index, what: "network_interface_id",
                "the network interface \(interfaceID) (ip configuration \(configuration ?? "?")) is not in the plan; the association is left out",
                node: interface, pointer: b.root.pointer / "network_interface_id")
        }
    }

    /// Sets `networkSecurityGroup.id` on a network interface.
    static func associateInterfaceSecurityGroup(_ b: ARMBuild) {
        guard let interface = associationID(b, "network_interface_id"), let interfaceID = interface.string,
            let group = associationID(b, "network_security_group_id")
        else { return }
        let reference = b.object(["id": group], at: group)
        if !b.translator.modify(interfaceID, { $0.properties.set("networkSecurityGroup", reference) }) {
            b.translator.skip(
                b.index, what: "network_interface_id",
                "the network interface \(interfaceID) is not in the plan; the association is left out",
                node: interface, pointer: b.root.pointer / "network_interface_id")
        }
    }
}
