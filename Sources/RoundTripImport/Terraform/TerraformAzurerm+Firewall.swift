import RoundTripCore

private let properties = JSONPointer.root / "properties"

/// Azure Firewall with classic rule collections, firewall policies, IP groups and VPN gateways.
extension TerraformAzurerm {
    static func firewall(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties
        let management = s.blocks("management_ip_configuration").first.map { block in
            element(
                b, block, parent: b.id, segment: "managementIpConfiguration",
                {
                    var props = JSONObject()
                    if let subnet = b.id(block, "subnet_id", p / "managementIpConfiguration" / "properties" / "subnet") {
                        props.set("subnet", subnet)
                    }
                    if let address = b.id(block, "public_ip_address_id", p / "managementIpConfiguration" / "properties" / "publicIPAddress")
                    {
                        props.set("publicIPAddress", address)
                    }
                    return props
                }())
        }
        if s["virtual_hub"]?.array?.isEmpty == false {
            b.translator.skip(b.index, what: "virtual_hub", "firewalls in a Virtual WAN hub are not modelled", node: s["virtual_hub"])
        }
        let props = b.object(
            [
                "sku": b.object(["name": s["sku_name"], "tier": s["sku_tier"]], at: s.values),
                "ipConfigurations": ipConfigurations(b, s, p / "ipConfigurations"),
                "managementIpConfiguration": management,
                "firewallPolicy": b.id(s, "firewall_policy_id", p / "firewallPolicy"),
                // Empty when a firewall policy sets the mode.
                "threatIntelMode": s["threat_intel_mode"].flatMap { $0.string?.isEmpty == true ? nil : $0 },
            ], at: s.values, keepEmpty: true)
        return b.finish(type: "Microsoft.Network/azureFirewalls", name: name(b), properties: props)
    }

    /// Merges a classic `azurerm_firewall_{network,application,nat}_rule_collection` into its firewall.
    static func mergeRuleCollection(_ b: ARMBuild) {
        let s = b.root
        guard let id = b.translator.armIDs[b.index], let (firewall, segment, _) = AzureResourceIDKey.split(id) else { return }
        let rp = properties / "rules"
        var rules: [JSONNode] = []
        for (position, rule) in b.blocks(s, "rule", rp).enumerated() {
            let p = rp / position
            var object: JSONObject
            switch b.resource.type {
            case "azurerm_firewall_application_rule_collection":
                object = copy(
                    b, rule,
                    [
                        ("name", "name"), ("description", "description"), ("sourceAddresses", "source_addresses"),
                        ("sourceIpGroups", "source_ip_groups"), ("targetFqdns", "target_fqdns"), ("fqdnTags", "fqdn_tags"),
                    ], p)
                object.set("protocols", .make(.array(protocols(b, rule, "protocolType")), at: rule.values))
            case "azurerm_firewall_nat_rule_collection":
                object = copy(
                    b, rule,
                    [
                        ("name", "name"), ("description", "description"), ("protocols", "protocols"),
                        ("sourceAddresses", "source_addresses"),
                        ("sourceIpGroups", "source_ip_groups"), ("destinationAddresses", "destination_addresses"),
                        ("destinationPorts", "destination_ports"), ("translatedAddress", "translated_address"),
                        ("translatedPort", "translated_port"),
                    ], p)
            default:
                object = copy(
                    b, rule,
                    [
                        ("name", "name"), ("description", "description"), ("protocols", "protocols"),
                        ("sourceAddresses", "source_addresses"),
                        ("sourceIpGroups", "source_ip_groups"), ("destinationAddresses", "destination_addresses"),
                        ("destinationIpGroups", "destination_ip_groups"), ("destinationFqdns", "destination_fqdns"),
                        ("destinationPorts", "destination_ports"),
                    ], p)
            }
            rules.append(.make(.object(object), at: rule.values))
        }
        var props = copy(b, s, [("priority", "priority")], properties)
        if let action = s["action"] { props.set("action", b.object(["type": action], at: action)) }
        props.set("rules", .make(.array(rules), at: s["rule"] ?? s.values))
        let collection = element(b, s, parent: firewall, segment: segment, props)
        let found = b.translator.modify(firewall) { resource in
            resource.properties.append(segment, collection, at: collection)
            for (pointer, reason) in b.unknown { resource.unknown["/properties/\(segment)/\(b.resource.address)\(pointer)"] = reason }
        }
        if !found { b.translator.skip(b.index, what: b.resource.type, "the firewall \(firewall) is not in the plan; left out") }
    }

    /// `protocol` / `protocols` blocks (`{type, port}`) as ARM `{protocolType, port}`.
    static func protocols(_ b: ARMBuild, _ s: TerraformScope, _ typeKey: String) -> [JSONNode] {
        (s.blocks("protocol") + s.blocks("protocols")).map { block in
            b.object([typeKey: block["type"], "port": block["port"]], at: block.values, keepEmpty: true) ?? block.values
        }
    }

    static func firewallPolicy(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let dns = s.blocks("dns").first
        // Spelled out (not a closure over an optional chain): Swift 6.3's release optimizer trips on that shape here.
        var autoLearn: JSONNode?
        if let node = s["auto_learn_private_ranges_enabled"], let enabled = node.bool {
            autoLearn = b.text(enabled ? "Enabled" : "Disabled", at: node)
        }
        let props = b.object(
            [
                "sku": b.object(["tier": s["sku"]], at: s.values),
                "basePolicy": b.id(s, "base_policy_id", properties / "basePolicy"),
                "threatIntelMode": s["threat_intelligence_mode"],
                "dnsSettings": dns.flatMap { b.object(["enableProxy": $0["proxy_enabled"], "servers": $0["servers"]], at: $0.values) },
                "snat": b.object(
                    [
                        "privateRanges": s["private_ip_ranges"],
                        "autoLearnPrivateRanges": autoLearn,
                    ], at: s.values),
            ], at: s.values, keepEmpty: true)
        return b.finish(type: "Microsoft.Network/firewallPolicies", name: name(b), properties: props)
    }

    static func ruleCollectionGroup(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties / "ruleCollections"
        var collections: [JSONNode] = []
        let kinds = [
            ("network_rule_collection", "FirewallPolicyFilterRuleCollection", "NetworkRule"),
            ("application_rule_collection", "FirewallPolicyFilterRuleCollection", "ApplicationRule"),
            ("nat_rule_collection", "FirewallPolicyNatRuleCollection", "NatRule"),
        ]
        for (key, collectionType, ruleType) in kinds {
            for block in s.blocks(key) {
                let cp = p / collections.count
                var rules: [JSONNode] = []
                for rule in block.blocks("rule") {
                    let rulePointer = cp / "rules" / rules.count
                    var object = copy(
                        b, rule,
                        [
                            ("name", "name"), ("description", "description"), ("ipProtocols", "protocols"),
                            ("sourceAddresses", "source_addresses"), ("sourceIpGroups", "source_ip_groups"),
                            ("destinationAddresses", "destination_addresses"), ("destinationIpGroups", "destination_ip_groups"),
                            ("destinationFqdns", "destination_fqdns"), ("destinationPorts", "destination_ports"),
                            ("translatedAddress", "translated_address"), ("translatedFqdn", "translated_fqdn"),
                            ("translatedPort", "translated_port"), ("fqdnTags", "destination_fqdn_tags"),
                            ("targetUrls", "destination_urls"), ("webCategories", "web_categories"),
                        ], rulePointer)
                    if ruleType == "ApplicationRule" {
                        object.members.removeAll { $0.key == "ipProtocols" || $0.key == "destinationFqdns" }
                        if let fqdns = rule["destination_fqdns"] { object.set("targetFqdns", fqdns) }
                        object.set("protocols", .make(.array(protocols(b, rule, "protocolType")), at: rule.values))
                    }
                    if ruleType == "NatRule", let address = rule["destination_address"] {
                        object.set("destinationAddresses", .make(.array([address]), at: address))
                    }
                    object.set("ruleType", b.text(ruleType, at: rule.values))
                    rules.append(.make(.object(object), at: rule.values))
                }
                var collection = copy(b, block, [("name", "name"), ("priority", "priority")], cp)
                collection.set("ruleCollectionType", b.text(collectionType, at: block.values))
                if let action = block["action"] {
                    let type = ruleType == "NatRule" ? b.text(action.string?.uppercased() ?? "DNAT", at: action) : action
                    collection.set("action", b.object(["type": type], at: action))
                }
                collection.set("rules", .make(.array(rules), at: block.values))
                collections.append(.make(.object(collection), at: block.values))
            }
        }
        let props = b.object(
            ["priority": s["priority"], "ruleCollections": .make(.array(collections), at: s.values)], at: s.values, keepEmpty: true)
        return b.finish(type: "Microsoft.Network/firewallPolicies/ruleCollectionGroups", name: name(b), properties: props)
    }

    static func ipGroup(_ b: ARMBuild) -> AzureResource {
        let props = b.object(["ipAddresses": b.value(b.root, "cidrs", properties / "ipAddresses")], at: b.root.values, keepEmpty: true)
        return b.finish(type: "Microsoft.Network/ipGroups", name: name(b), properties: props)
    }

    static func virtualNetworkGateway(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let bgp = s.blocks("bgp_settings").first
        let props = b.object(
            [
                "gatewayType": s["type"],
                "vpnType": s["vpn_type"],
                "sku": b.object(["name": s["sku"], "tier": s["sku"]], at: s.values),
                "activeActive": s["active_active"],
                "enableBgp": s["bgp_enabled"] ?? s["enable_bgp"],
                "ipConfigurations": ipConfigurations(b, s, properties / "ipConfigurations"),
                "bgpSettings": bgp.flatMap { b.object(["asn": $0["asn"], "peerWeight": $0["peer_weight"]], at: $0.values) },
            ], at: s.values, keepEmpty: true)
        return b.finish(type: "Microsoft.Network/virtualNetworkGateways", name: name(b), properties: props)
    }

    static func localNetworkGateway(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties
        let bgp = s.blocks("bgp_settings").first
        let props = b.object(
            [
                "gatewayIpAddress": b.value(s, "gateway_address", p / "gatewayIpAddress"),
                "fqdn": s["gateway_fqdn"],
                "localNetworkAddressSpace": b.object(
                    ["addressPrefixes": b.value(s, "address_space", p / "localNetworkAddressSpace" / "addressPrefixes")], at: s.values),
                "bgpSettings": bgp.flatMap {
                    b.object(
                        ["asn": $0["asn"], "bgpPeeringAddress": $0["bgp_peering_address"], "peerWeight": $0["peer_weight"]], at: $0.values)
                },
            ], at: s.values, keepEmpty: true)
        return b.finish(type: "Microsoft.Network/localNetworkGateways", name: name(b), properties: props)
    }

    static func connection(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties
        let props = b.object(
            [
                "connectionType": s["type"],
                "virtualNetworkGateway1": b.id(s, "virtual_network_gateway_id", p / "virtualNetworkGateway1"),
                "localNetworkGateway2": b.id(s, "local_network_gateway_id", p / "localNetworkGateway2"),
                "virtualNetworkGateway2": b.id(s, "peer_virtual_network_gateway_id", p / "virtualNetworkGateway2"),
                "peer": b.id(s, "express_route_circuit_id", p / "peer"),
                "enableBgp": s["bgp_enabled"] ?? s["enable_bgp"],
                "routingWeight": s["routing_weight"],
            ], at: s.values, keepEmpty: true)
        return b.finish(type: "Microsoft.Network/connections", name: name(b), properties: props)
    }
}
