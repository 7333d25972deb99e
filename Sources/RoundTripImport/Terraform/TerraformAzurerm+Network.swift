import RoundTripCore

private let properties = JSONPointer.root / "properties"

/// Virtual networks, subnets, peerings, route tables, NAT gateways and the associations that join them.
extension TerraformAzurerm {
    static func virtualNetwork(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties
        var subnets: [JSONNode] = []
        for block in b.blocks(s, "subnet", p / "subnets", recordUnknown: false) {
            let name = block.string("name") ?? "subnet\(subnets.count)"
            let id = block.string("id") ?? b.id + "/subnets/" + name
            if b.declaredSeparately(id) { continue }
            let sp = p / "subnets" / subnets.count / "properties"
            let props = b.object(
                [
                    "addressPrefix": b.value(block, "address_prefix", sp / "addressPrefix"),
                    "addressPrefixes": b.value(block, "address_prefixes", sp / "addressPrefixes"),
                    "networkSecurityGroup": b.id(block, "security_group", sp / "networkSecurityGroup"),
                    "routeTable": b.id(block, "route_table_id", sp / "routeTable"),
                    "defaultOutboundAccess": b.value(block, "default_outbound_access_enabled", sp / "defaultOutboundAccess"),
                    "privateEndpointNetworkPolicies": endpointPolicies(b, block, sp),
                ], at: block.values, keepEmpty: true)
            subnets.append(
                b.object(
                    ["name": b.text(name, at: block.values), "id": b.text(id, at: block.values), "properties": props], at: block.values)
                    ?? block.values)
        }
        let props = b.object(
            [
                "addressSpace": b.object(
                    ["addressPrefixes": b.value(s, "address_space", p / "addressSpace" / "addressPrefixes")], at: s.values),
                "dhcpOptions": b.object(["dnsServers": b.value(s, "dns_servers", p / "dhcpOptions" / "dnsServers")], at: s.values),
                "subnets": subnets.isEmpty ? nil : .make(.array(subnets), at: s["subnet"] ?? s.values),
            ], at: s.values, keepEmpty: true)
        return b.finish(type: "Microsoft.Network/virtualNetworks", name: s.string("name") ?? b.resource.name, properties: props)
    }

    static func subnet(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties
        let services = s["service_endpoints"]?.array?.compactMap { node in b.object(["service": node], at: node) }
        var delegations: [JSONNode] = []
        for block in s.blocks("delegation") {
            let service = block.blocks("service_delegation").first
            delegations.append(
                b.object(
                    [
                        "name": block["name"],
                        "properties": b.object(["serviceName": service?["name"]], at: block.values),
                    ], at: block.values, keepEmpty: true) ?? block.values)
        }
        if let node = s["private_link_service_network_policies_enabled"] {
            b.translator.skip(
                b.index, what: "private_link_service_network_policies_enabled",
                "network policies for private link services are not modelled",
                node: node, pointer: s.pointer / "private_link_service_network_policies_enabled")
        }
        let props = b.object(
            [
                "addressPrefixes": b.value(s, ["address_prefixes", "address_prefix"], p / "addressPrefixes"),
                "serviceEndpoints": services.map { .make(.array($0), at: s["service_endpoints"] ?? s.values) },
                "delegations": delegations.isEmpty ? nil : .make(.array(delegations), at: s["delegation"] ?? s.values),
                "defaultOutboundAccess": b.value(s, "default_outbound_access_enabled", p / "defaultOutboundAccess"),
                "privateEndpointNetworkPolicies": endpointPolicies(b, s, p),
            ], at: s.values, keepEmpty: true)
        return b.finish(
            type: "Microsoft.Network/virtualNetworks/subnets", name: s.string("name") ?? b.resource.name, properties: props)
    }

    /// `private_endpoint_network_policies` (azurerm 4.x) or `private_endpoint_network_policies_enabled` (3.x, a
    /// boolean) as ARM's `privateEndpointNetworkPolicies`.
    static func endpointPolicies(_ b: ARMBuild, _ s: TerraformScope, _ p: JSONPointer) -> JSONNode? {
        if let node = b.value(s, "private_endpoint_network_policies", p / "privateEndpointNetworkPolicies") { return node }
        return b.value(s, "private_endpoint_network_policies_enabled", p / "privateEndpointNetworkPolicies") { node in
            node.bool.map { b.text($0 ? "Enabled" : "Disabled", at: node) }
        }
    }

    static func peering(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties
        let props = b.object(
            [
                "remoteVirtualNetwork": b.id(s, "remote_virtual_network_id", p / "remoteVirtualNetwork"),
                "allowVirtualNetworkAccess": b.value(s, "allow_virtual_network_access", p / "allowVirtualNetworkAccess"),
                "allowForwardedTraffic": b.value(s, "allow_forwarded_traffic", p / "allowForwardedTraffic"),
                "allowGatewayTransit": b.value(s, "allow_gateway_transit", p / "allowGatewayTransit"),
                "useRemoteGateways": b.value(s, "use_remote_gateways", p / "useRemoteGateways"),
            ], at: s.values, keepEmpty: true)
        return b.finish(
            type: "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", name: s.string("name") ?? b.resource.name,
            properties: props)
    }

    /// A route's properties (`route` block or `azurerm_route`).
    static func routeProperties(_ b: ARMBuild, _ s: TerraformScope, _ p: JSONPointer) -> JSONNode? {
        b.object(
            [
                "addressPrefix": b.value(s, "address_prefix", p / "addressPrefix"),
                "nextHopType": b.value(s, "next_hop_type", p / "nextHopType"),
                "nextHopIpAddress": b.value(s, "next_hop_in_ip_address", p / "nextHopIpAddress"),
            ], at: s.values, keepEmpty: true)
    }

    static func routeTable(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let p = properties
        var routes: [JSONNode] = []
        for block in b.blocks(s, "route", p / "routes", recordUnknown: false) {
            let name = block.string("name") ?? "route\(routes.count)"
            let id = b.id + "/routes/" + name
            if b.declaredSeparately(id) { continue }
            let route = b.object(
                [
                    "name": b.text(name, at: block.values), "id": b.text(id, at: block.values),
                    "properties": routeProperties(b, block, p / "routes" / routes.count / "properties"),
                ], at: block.values)
            routes.append(route ?? block.values)
        }
        let props = b.object(
            [
                "disableBgpRoutePropagation": b.value(s, "disable_bgp_route_propagation", p / "disableBgpRoutePropagation")
                    ?? b.value(s, "bgp_route_propagation_enabled", p / "disableBgpRoutePropagation", map: ARMBuild.negated),
                "routes": .make(.array(routes), at: s["route"] ?? s.values),
            ], at: s.values, keepEmpty: true)
        return b.finish(type: "Microsoft.Network/routeTables", name: s.string("name") ?? b.resource.name, properties: props)
    }

    static func route(_ b: ARMBuild) -> AzureResource {
        b.finish(
            type: "Microsoft.Network/routeTables/routes", name: b.root.string("name") ?? b.resource.name,
            properties: routeProperties(b, b.root, properties))
    }

    static func natGateway(_ b: ARMBuild) -> AzureResource {
        let s = b.root
        let props = b.object(
            ["idleTimeoutInMinutes": b.value(s, "idle_timeout_in_minutes", properties / "idleTimeoutInMinutes")], at: s.values,
            keepEmpty: true)
        let sku = b.object(["name": s["sku_name"]], at: s.values)
        return b.finish(
            type: "Microsoft.Network/natGateways", name: s.string("name") ?? b.resource.name, properties: props, top: ["sku": sku])
    }

    // MARK: associations

    /// The id an association attribute holds (known, or through configuration references), or nil with an unknown
    /// note saying the association is left out.
    static func associationID(_ b: ARMBuild, _ key: String) -> JSONNode? {
        if let node = b.idString(b.root, key, .root) { return node }
        let reason =
            b.root.isUnknown(key)
            ? "\(TerraformTranslator.afterApply) and no configuration reference names a resource of the plan; the association is left out"
            : "absent; the association is left out"
        b.translator.unknownNote(b.index, what: key, reason, node: b.root.values, pointer: b.root.pointer / key)
        return nil
    }

    /// Sets `properties.{property}.id` on the subnet `subnet_id` names: a subnet resource, or an inline subnet of
    /// a virtual network.
    static func associateSubnet(_ b: ARMBuild, key: String, property: String) {
        guard let subnet = associationID(b, "subnet_id"), let subnetID = subnet.string, let target = associationID(b, key)
        else { return }
        let reference = b.object(["id": target], at: target)
        if b.translator.modify(subnetID, { $0.properties.set(property, reference) }) { return }
        if let (vnet, _, name) = AzureResourceIDKey.split(subnetID) {
            var found = false
            b.translator.modify(vnet) { network in
                network.properties.updateElements("subnets") { element in
                    guard let elementName = element["name"]?.string, elementName.lowercased() == name.lowercased() else { return }
                    found = true
                    element.updateObject("properties", at: reference) { $0.set(property, reference) }
                }
            }
            if found { return }
        }
        b.translator.skip(
            b.index, what: "subnet_id", "the subnet \(subnetID) is not in the plan; the association is left out", node: subnet,
            pointer: b.root.pointer / "subnet_id")
    }

    /// Adds a public IP or prefix to the NAT gateway `nat_gateway_id` names.
    static func associateNatGateway(_ b: ARMBuild, key: String, property: String) {
        guard let gateway = associationID(b, "nat_gateway_id"), let gatewayID = gateway.string, let target = associationID(b, key)
        else { return }
        let reference = b.object(["id": target], at: target)
        let found = b.translator.modify(gatewayID) { $0.properties.append(property, reference, at: target) }
        if !found {
            b.translator.skip(
                b.index, what: "nat_gateway_id", "the NAT gateway \(gatewayID) is not in the plan; the association is left out",
                node: gateway, pointer: b.root.pointer / "nat_gateway_id")
        }
    }
}
