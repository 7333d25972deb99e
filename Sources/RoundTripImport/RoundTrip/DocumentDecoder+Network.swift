import Foundation
import RoundTripCore
import Yams

/// Network elements: public IPs, virtual networks and subnets, peerings, route tables, NAT and VPN/ExpressRoute
/// gateways, on-premises networks.
extension DocumentDecoder {
    func publicIP(_ node: Yams.Node) -> PublicIPSpec? {
        guard let (map, name) = element(node, kind: "public IP", allowed: ["name", "ipAddress", "ipPrefix"]) else { return nil }
        switch (map.value("ipAddress"), map.value("ipPrefix")) {
        case (.some, .some), (nil, nil):
            sink.error(.oneOf, node, "public IP '\(name)': give exactly one of ipAddress or ipPrefix")
            return nil
        case (.some, nil):
            guard let address = map.address("ipAddress") else { return nil }
            return PublicIPSpec(name: name, prefix: IPv4Prefix(host: address), isPrefix: false, source: map.source)
        case (nil, .some):
            guard let prefix = map.prefix("ipPrefix") else { return nil }
            return PublicIPSpec(name: name, prefix: prefix, isPrefix: true, source: map.source)
        }
    }

    func vnet(_ node: Yams.Node) -> VirtualNetworkSpec? {
        guard let (map, name) = element(node, kind: "virtual network", allowed: ["name", "addressSpace", "subnets"]) else { return nil }
        _ = map.required("addressSpace")
        let subnets = map.list("subnets").compactMap { subnet($0, vnet: name) }
        return VirtualNetworkSpec(name: name, addressSpace: map.prefixes("addressSpace"), subnets: subnets, source: map.source)
    }

    func subnet(_ node: Yams.Node, vnet: String) -> SubnetSpec? {
        guard
            let (map, name) = element(
                node, kind: "subnet", within: "of '\(vnet)'",
                allowed: [
                    "name", "addressPrefix", "routeTable", "natGateway", "defaultOutboundAccess", "networkSecurityGroup",
                    "privateEndpointNetworkPolicies",
                ])
        else { return nil }
        guard let prefix = map.prefix("addressPrefix", required: true) else { return nil }
        var spec = SubnetSpec(name: name, addressPrefix: prefix, source: map.source)
        spec.routeTable = map.string("routeTable")
        spec.natGateway = map.string("natGateway")
        spec.defaultOutboundAccess = map.bool("defaultOutboundAccess") ?? true
        spec.networkSecurityGroup = map.string("networkSecurityGroup")
        if let policies = map.choice("privateEndpointNetworkPolicies", PrivateEndpointNetworkPolicies.self) {
            spec.privateEndpointNetworkPolicies = policies
        }
        return spec
    }

    func peering(_ node: Yams.Node) -> PeeringSpec? {
        guard
            let (map, name) = element(
                node, kind: "peering",
                allowed: [
                    "name", "from", "to", "allowVirtualNetworkAccess", "allowForwardedTraffic", "allowGatewayTransit", "useRemoteGateways",
                ])
        else { return nil }
        guard let from = map.requiredString("from"), let to = map.requiredString("to") else { return nil }
        var spec = PeeringSpec(name: name, from: from, to: to, source: map.source)
        spec.allowVirtualNetworkAccess = map.bool("allowVirtualNetworkAccess") ?? true
        spec.allowForwardedTraffic = map.bool("allowForwardedTraffic") ?? false
        spec.allowGatewayTransit = map.bool("allowGatewayTransit") ?? false
        spec.useRemoteGateways = map.bool("useRemoteGateways") ?? false
        return spec
    }

    func routeTable(_ node: Yams.Node) -> RouteTableSpec? {
        guard let (map, name) = element(node, kind: "route table", allowed: ["name", "disableBgpRoutePropagation", "routes"]) else {
            return nil
        }
        var spec = RouteTableSpec(name: name, source: map.source)
        spec.disableBgpRoutePropagation = map.bool("disableBgpRoutePropagation") ?? false
        spec.routes = map.list("routes").compactMap { route($0, table: name) }
        return spec
    }

    func route(_ node: Yams.Node, table: String) -> RouteSpec? {
        guard
            let (map, name) = element(
                node, kind: "route", within: "in '\(table)'", allowed: ["name", "addressPrefix", "nextHopType", "nextHopIpAddress"])
        else { return nil }
        guard let prefixNode = map.required("addressPrefix"), let text = map.text(prefixNode, "addressPrefix") else { return nil }
        let destination: RouteSpec.Destination
        let first = text.unicodeScalars.first.map { CharacterSet.decimalDigits.contains($0) } ?? false
        if first {
            guard let prefix = map.parsePrefix(prefixNode, "addressPrefix") else { return nil }
            destination = .prefix(prefix)
        } else {
            destination = .serviceTag(text)
        }
        guard let hop = map.choice("nextHopType", NextHopType.self, required: true) else { return nil }
        let ip = map.address("nextHopIpAddress")
        if map.value("nextHopIpAddress") != nil && ip == nil { return nil }
        return RouteSpec(name: name, addressPrefix: destination, nextHopType: hop, nextHopIpAddress: ip, source: map.source)
    }

    func natGateway(_ node: Yams.Node) -> NatGatewaySpec? {
        guard let (map, name) = element(node, kind: "NAT gateway", allowed: ["name", "publicIPAddresses", "idleTimeoutInMinutes"]) else {
            return nil
        }
        var spec = NatGatewaySpec(name: name, publicIPAddresses: map.strings("publicIPAddresses"), source: map.source)
        spec.idleTimeoutInMinutes = map.int("idleTimeoutInMinutes", range: 4...120) ?? 4
        return spec
    }

    func gateway(_ node: Yams.Node) -> GatewaySpec? {
        guard let (map, name) = element(node, kind: "gateway", allowed: ["name", "gatewayType", "subnet", "bgpEnabled"]) else { return nil }
        guard let type = map.choice("gatewayType", GatewayType.self, required: true), let subnet = map.requiredString("subnet") else {
            return nil
        }
        var spec = GatewaySpec(name: name, gatewayType: type, subnet: subnet, source: map.source)
        spec.bgpEnabled = map.bool("bgpEnabled") ?? true
        return spec
    }

    func onPremises(_ node: Yams.Node) -> OnPremisesSpec? {
        guard
            let (map, name) = element(
                node, kind: "on-premises network", allowed: ["name", "addressPrefixes", "gateway", "forcedTunnelDefaultRoute"])
        else { return nil }
        guard let gateway = map.requiredString("gateway") else { return nil }
        var spec = OnPremisesSpec(name: name, addressPrefixes: map.prefixes("addressPrefixes"), gateway: gateway, source: map.source)
        spec.forcedTunnelDefaultRoute = map.bool("forcedTunnelDefaultRoute") ?? false
        return spec
    }
}
