import RoundTripCore

private let properties = JSONPointer.root / "properties"

/// Load balancers with their pools, rules and probes, and Application Gateways.
extension TerraformAzurerm {
    /// Copies attributes to ARM member names (`[(armName, terraformName)]`), recording unknown ones.
    static func copy(_ b: ARMBuild, _ s: TerraformScope, _ pairs: [(String, String)], _ p: JSONPointer) -> JSONObject {
        var object = JSONObject()
        for (armKey, key) in pairs {
            if let node = b.value(s, key, p / armKey) { object.set(armKey, node) }
        }
        return object
    }

    /// `{name, id, properties}` of a child element (`…/frontendIPConfigurations/name`).
    static func element(_ b: ARMBuild, _ s: TerraformScope, parent: String, segment: String, _ props: JSONObject) -> JSONNode {
        let name = s.string("name") ?? segment
        return b.object(
            [
                "name": b.text(name, at: s.values), "id": b.text("\(parent)/\(segment)/\(name)", at: s.values),
                "properties": .make(.object(props), at: s.values),
            ], at: s.values)
    }

    /// `{"id": "{parent}/{segment}/{name}"}` for a name attribute, or nil when absent.
    static func childReference(_ b: ARMBuild, _ s: TerraformScope, _ key: String, parent: String, segment: String) -> JSONNode? {
        guard let name = s[key], let text = name.string, !text.isEmpty else { return nil }
        return b.object(["id": b.text("\(parent)/\(segment)/\(text)", at: name)], at: name)
    }

    static func loadBalancer(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties / "frontendIPConfigurations"
        var frontends: [JSONNode] = []
        for block in b.blocks(s, "frontend_ip_configuration", p) {
            let fp = p / frontends.count / "properties"
            var props = copy(
                b, block, [("privateIPAddress", "private_ip_address"), ("privateIPAllocationMethod", "private_ip_address_allocation")],
                fp)
            for (armKey, key) in [
                ("subnet", "subnet_id"), ("publicIPAddress", "public_ip_address_id"), ("publicIPPrefix", "public_ip_prefix_id"),
            ] {
                if let reference = b.id(block, key, fp / armKey) { props.set(armKey, reference) }
            }
            frontends.append(element(b, block, parent: b.id, segment: "frontendIPConfigurations", props))
        }
        let props = b.object(
            ["frontendIPConfigurations": .make(.array(frontends), at: s["frontend_ip_configuration"] ?? s.values)], at: s.values)
        let sku = b.object(["name": s["sku"], "tier": s["sku_tier"]], at: s.values)
        return b.finish(type: "Microsoft.Network/loadBalancers", name: name(b), properties: props, top: ["sku": sku])
    }

    /// Merges a pool, rule, NAT rule, outbound rule or probe into its load balancer.
    static func mergeLoadBalancerChild(_ b: ARMBuild) {
        let s = b.root
        guard let id = b.translator.armIDs[b.index], let (balancer, segment, _) = AzureResourceIDKey.split(id) else {
            _ = associationID(b, "loadbalancer_id")
            return
        }
        let p = properties
        var props: JSONObject
        let frontend = childReference(b, s, "frontend_ip_configuration_name", parent: balancer, segment: "frontendIPConfigurations")
        switch b.resource.type {
        case "azurerm_lb_rule":
            props = copy(
                b, s,
                [
                    ("protocol", "protocol"), ("frontendPort", "frontend_port"), ("backendPort", "backend_port"),
                    ("enableFloatingIP", s["floating_ip_enabled"] != nil ? "floating_ip_enabled" : "enable_floating_ip"),
                    ("disableOutboundSnat", "disable_outbound_snat"), ("idleTimeoutInMinutes", "idle_timeout_in_minutes"),
                    ("loadDistribution", "load_distribution"),
                ], p)
            if let pools = b.ids(s, "backend_address_pool_ids", p / "backendAddressPools") {
                props.set("backendAddressPools", pools)
                if let first = pools.array?.first { props.set("backendAddressPool", first) }
            }
            if let probe = b.id(s, "probe_id", p / "probe") { props.set("probe", probe) }
        case "azurerm_lb_nat_rule":
            props = copy(
                b, s,
                [
                    ("protocol", "protocol"), ("frontendPort", "frontend_port"), ("backendPort", "backend_port"),
                    ("frontendPortRangeStart", "frontend_port_start"), ("frontendPortRangeEnd", "frontend_port_end"),
                    ("enableFloatingIP", s["floating_ip_enabled"] != nil ? "floating_ip_enabled" : "enable_floating_ip"),
                ], p)
            if let pool = b.id(s, "backend_address_pool_id", p / "backendAddressPool") { props.set("backendAddressPool", pool) }
        case "azurerm_lb_outbound_rule":
            props = copy(
                b, s,
                [
                    ("protocol", "protocol"), ("allocatedOutboundPorts", "allocated_outbound_ports"),
                    ("idleTimeoutInMinutes", "idle_timeout_in_minutes"), ("enableTcpReset", "tcp_reset_enabled"),
                ], p)
            let frontends = s.blocks("frontend_ip_configuration").compactMap {
                childReference(b, $0, "name", parent: balancer, segment: "frontendIPConfigurations")
            }
            props.set("frontendIPConfigurations", .make(.array(frontends), at: s.values))
            if let pool = b.id(s, "backend_address_pool_id", p / "backendAddressPool") { props.set("backendAddressPool", pool) }
        case "azurerm_lb_probe":
            props = copy(
                b, s,
                [
                    ("protocol", "protocol"), ("port", "port"), ("requestPath", "request_path"),
                    ("intervalInSeconds", "interval_in_seconds"), ("numberOfProbes", "number_of_probes"),
                ], p)
        default:
            props = JSONObject()
        }
        if let frontend { props.set("frontendIPConfiguration", frontend) }
        let node = b.object(
            [
                "name": b.text(name(b), at: s.values), "id": b.text(id, at: s.values),
                "properties": .make(.object(props), at: s.values),
            ], at: s.values)
        let found = b.translator.modify(balancer) { resource in
            resource.properties.append(segment, node, at: node)
            for (pointer, reason) in b.unknown { resource.unknown["/properties/\(segment)/\(b.resource.address)\(pointer)"] = reason }
        }
        if !found {
            b.translator.skip(b.index, what: b.resource.type, "the load balancer \(balancer) is not in the plan; left out")
        }
    }

    /// Adds an `azurerm_lb_backend_address_pool_address` to its pool's `loadBalancerBackendAddresses`.
    static func mergePoolAddress(_ b: ARMBuild) {
        let s = b.root
        guard let pool = associationID(b, "backend_address_pool_id")?.string, let (balancer, _, _) = AzureResourceIDKey.split(pool)
        else { return }
        var props = copy(b, s, [("ipAddress", "ip_address")], properties)
        if let network = b.id(s, "virtual_network_id", properties / "virtualNetwork") { props.set("virtualNetwork", network) }
        let node = b.object(["name": b.text(name(b), at: s.values), "properties": .make(.object(props), at: s.values)], at: s.values)
        var found = false
        b.translator.modify(balancer) { resource in
            resource.properties.updateElements("backendAddressPools") { element in
                guard element["id"]?.string.map(AzureResourceIDKey.normalize) == AzureResourceIDKey.normalize(pool) else { return }
                found = true
                element.updateObject("properties", at: node) { $0.append("loadBalancerBackendAddresses", node, at: node) }
            }
        }
        if !found { b.translator.skip(b.index, what: b.resource.type, "the backend pool \(pool) is not in the plan; left out") }
    }

    static func applicationGateway(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties
        let id = b.id
        func list(_ key: String, _ segment: String, _ build: (TerraformScope, JSONPointer) -> JSONObject) -> JSONNode? {
            let elements = b.blocks(s, key, p / segment).enumerated().map { position, block in
                element(b, block, parent: id, segment: segment, build(block, p / segment / position / "properties"))
            }
            return elements.isEmpty ? nil : .make(.array(elements), at: s[key] ?? s.values)
        }
        let sku = s.blocks("sku").first
        let props = b.object(
            [
                "sku": sku.map {
                    .make(.object(copy(b, $0, [("name", "name"), ("tier", "tier"), ("capacity", "capacity")], p / "sku")), at: $0.values)
                },
                "gatewayIPConfigurations": list("gateway_ip_configuration", "gatewayIPConfigurations") { block, bp in
                    var props = JSONObject()
                    if let subnet = b.id(block, "subnet_id", bp / "subnet") { props.set("subnet", subnet) }
                    return props
                },
                "frontendIPConfigurations": list("frontend_ip_configuration", "frontendIPConfigurations") { block, bp in
                    var props = copy(
                        b, block,
                        [("privateIPAddress", "private_ip_address"), ("privateIPAllocationMethod", "private_ip_address_allocation")], bp)
                    for (armKey, key) in [("subnet", "subnet_id"), ("publicIPAddress", "public_ip_address_id")] {
                        if let reference = b.id(block, key, bp / armKey) { props.set(armKey, reference) }
                    }
                    return props
                },
                "frontendPorts": list("frontend_port", "frontendPorts") { block, bp in copy(b, block, [("port", "port")], bp) },
                "backendAddressPools": list("backend_address_pool", "backendAddressPools") { block, _ in
                    var addresses: [JSONNode] = []
                    for address in block["ip_addresses"]?.array ?? [] { addresses.append(b.object(["ipAddress": address], at: address)) }
                    for fqdn in block["fqdns"]?.array ?? [] { addresses.append(b.object(["fqdn": fqdn], at: fqdn)) }
                    var props = JSONObject()
                    props.set("backendAddresses", .make(.array(addresses), at: block.values))
                    return props
                },
                "backendHttpSettingsCollection": list("backend_http_settings", "backendHttpSettingsCollection") { block, bp in
                    copy(b, block, [("port", "port"), ("protocol", "protocol"), ("hostName", "host_name")], bp)
                },
                "httpListeners": list("http_listener", "httpListeners") { block, bp in
                    var props = copy(b, block, [("protocol", "protocol"), ("hostName", "host_name")], bp)
                    if let frontend = childReference(
                        b, block, "frontend_ip_configuration_name", parent: id, segment: "frontendIPConfigurations")
                    {
                        props.set("frontendIPConfiguration", frontend)
                    }
                    if let port = childReference(b, block, "frontend_port_name", parent: id, segment: "frontendPorts") {
                        props.set("frontendPort", port)
                    }
                    return props
                },
                "requestRoutingRules": list("request_routing_rule", "requestRoutingRules") { block, bp in
                    var props = copy(b, block, [("ruleType", "rule_type"), ("priority", "priority")], bp)
                    for (armKey, key, segment) in [
                        ("httpListener", "http_listener_name", "httpListeners"),
                        ("backendAddressPool", "backend_address_pool_name", "backendAddressPools"),
                        ("backendHttpSettings", "backend_http_settings_name", "backendHttpSettingsCollection"),
                    ] {
                        if let reference = childReference(b, block, key, parent: id, segment: segment) { props.set(armKey, reference) }
                    }
                    return props
                },
                "firewallPolicy": b.id(s, "firewall_policy_id", p / "firewallPolicy"),
            ], at: s.values, keepEmpty: true)
        return b.finish(type: "Microsoft.Network/applicationGateways", name: name(b), properties: props)
    }
}
