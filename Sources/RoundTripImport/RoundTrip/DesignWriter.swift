import RoundTripCore

/// Writes a ``Design`` as RoundTrip YAML (`apiVersion: roundtrip/v1`): deterministic, in the design's order, every
/// imported element preceded by a comment naming the resource it came from, so a reviewer can trace it and add flows.
///
/// What it writes reads back (``DesignReader``) to the same design: `roundtrip import` relies on that.
public enum DesignWriter {
    /// The YAML text of a design.
    ///
    /// - Parameter header: comment lines for the top of the file (where it was imported from).
    public static func yaml(_ design: Design, header: [String] = []) -> String {
        var w = Writer()
        for line in header { w.out.comment(line, indent: 0) }
        w.out.field("apiVersion", DesignReader.apiVersion, indent: 0)
        w.out.field("name", YAMLEmitter.scalar(design.name), indent: 0)
        if let description = design.description { w.out.field("description", YAMLEmitter.scalar(description), indent: 0) }
        w.out.field("region", YAMLEmitter.scalar(design.region), indent: 0)
        w.options(design.options)
        w.publicIPs(design.publicIPAddresses)
        w.vnets(design.virtualNetworks)
        w.peerings(design.virtualNetworkPeerings)
        w.routeTables(design.routeTables)
        w.natGateways(design.natGateways)
        w.gateways(design.virtualNetworkGateways)
        w.onPremises(design.onPremisesNetworks)
        w.loadBalancers(design.loadBalancers)
        w.ipGroups(design.ipGroups)
        w.firewallPolicies(design.firewallPolicies)
        w.firewalls(design.azureFirewalls)
        w.appGateways(design.applicationGateways)
        w.workloads(design.workloads)
        w.clusters(design.kubernetesClusters)
        w.endpoints(design.endpoints)
        w.serviceTags(design.serviceTags)
        w.securityGroups(design.networkSecurityGroups)
        w.applicationSecurityGroups(design.applicationSecurityGroups)
        w.bastions(design.bastionHosts)
        w.flows(design.flows)
        w.assertions(design.assertions)
        w.accepted(design.accepted)
        return w.out.text
    }
}

/// The writer's state: the emitter, and one method per section (this file: network; the other: devices and flows).
struct Writer {
    var out = YAMLEmitter()

    /// Starts a list element: the resource comment, then `- name: …`.
    mutating func element(_ name: String, _ source: SourceMap, indent: Int) {
        if let id = source.element.resourceID { out.comment(id, indent: indent) }
        out.field("name", YAMLEmitter.scalar(name), indent: indent, dash: true)
    }

    /// A section header (`key:`) when the list is not empty.
    mutating func section<T>(_ key: String, _ list: [T], indent: Int = 0) -> Bool {
        guard !list.isEmpty else { return false }
        out.open(key, indent: indent)
        return true
    }

    mutating func options(_ o: AnalysisOptions) {
        let defaults = AnalysisOptions()
        guard o != defaults else { return }
        out.open("options", indent: 0)
        if o.strictForwardedTraffic != defaults.strictForwardedTraffic {
            out.field("strictForwardedTraffic", "\(o.strictForwardedTraffic)", indent: 2)
        }
        if o.allowPrivateDnat != defaults.allowPrivateDnat { out.field("allowPrivateDnat", "\(o.allowPrivateDnat)", indent: 2) }
        if o.appGatewayPrivateDeployment != defaults.appGatewayPrivateDeployment {
            out.field("appGatewayPrivateDeployment", "\(o.appGatewayPrivateDeployment)", indent: 2)
        }
        if o.loadBalancerReplyTranslation != defaults.loadBalancerReplyTranslation {
            out.field("loadBalancerReplyTranslation", o.loadBalancerReplyTranslation.rawValue, indent: 2)
        }
    }

    mutating func publicIPs(_ list: [PublicIPSpec]) {
        guard section("publicIPAddresses", list) else { return }
        for ip in list {
            element(ip.name, ip.source, indent: 2)
            if ip.isPrefix {
                out.field("ipPrefix", ip.prefix.description, indent: 4)
            } else {
                out.field("ipAddress", ip.prefix.network.description, indent: 4)
            }
        }
    }

    mutating func vnets(_ list: [VirtualNetworkSpec]) {
        guard section("virtualNetworks", list) else { return }
        for vnet in list {
            element(vnet.name, vnet.source, indent: 2)
            out.field("addressSpace", YAMLEmitter.sequence(vnet.addressSpace.map(\.description)), indent: 4)
            guard section("subnets", vnet.subnets, indent: 4) else { continue }
            for subnet in vnet.subnets {
                element(subnet.name, subnet.source, indent: 6)
                out.field("addressPrefix", subnet.addressPrefix.description, indent: 8)
                if let table = subnet.routeTable { out.field("routeTable", YAMLEmitter.scalar(table), indent: 8) }
                if let nat = subnet.natGateway { out.field("natGateway", YAMLEmitter.scalar(nat), indent: 8) }
                if !subnet.defaultOutboundAccess { out.field("defaultOutboundAccess", "false", indent: 8) }
                if let nsg = subnet.networkSecurityGroup { out.field("networkSecurityGroup", YAMLEmitter.scalar(nsg), indent: 8) }
                if subnet.privateEndpointNetworkPolicies != .disabled {
                    out.field("privateEndpointNetworkPolicies", subnet.privateEndpointNetworkPolicies.rawValue, indent: 8)
                }
            }
        }
    }

    mutating func peerings(_ list: [PeeringSpec]) {
        guard section("virtualNetworkPeerings", list) else { return }
        for p in list {
            element(p.name, p.source, indent: 2)
            out.field("from", YAMLEmitter.scalar(p.from), indent: 4)
            out.field("to", YAMLEmitter.scalar(p.to), indent: 4)
            if !p.allowVirtualNetworkAccess { out.field("allowVirtualNetworkAccess", "false", indent: 4) }
            if p.allowForwardedTraffic { out.field("allowForwardedTraffic", "true", indent: 4) }
            if p.allowGatewayTransit { out.field("allowGatewayTransit", "true", indent: 4) }
            if p.useRemoteGateways { out.field("useRemoteGateways", "true", indent: 4) }
        }
    }

    mutating func routeTables(_ list: [RouteTableSpec]) {
        guard section("routeTables", list) else { return }
        for table in list {
            element(table.name, table.source, indent: 2)
            if table.disableBgpRoutePropagation { out.field("disableBgpRoutePropagation", "true", indent: 4) }
            guard section("routes", table.routes, indent: 4) else { continue }
            for route in table.routes {
                element(route.name, route.source, indent: 6)
                switch route.addressPrefix {
                case .prefix(let p): out.field("addressPrefix", p.description, indent: 8)
                case .serviceTag(let tag): out.field("addressPrefix", YAMLEmitter.scalar(tag), indent: 8)
                }
                out.field("nextHopType", route.nextHopType.rawValue, indent: 8)
                if let ip = route.nextHopIpAddress { out.field("nextHopIpAddress", ip.description, indent: 8) }
            }
        }
    }

    mutating func natGateways(_ list: [NatGatewaySpec]) {
        guard section("natGateways", list) else { return }
        for nat in list {
            element(nat.name, nat.source, indent: 2)
            out.field("publicIPAddresses", YAMLEmitter.sequence(nat.publicIPAddresses), indent: 4)
            if nat.idleTimeoutInMinutes != 4 { out.field("idleTimeoutInMinutes", "\(nat.idleTimeoutInMinutes)", indent: 4) }
        }
    }

    mutating func gateways(_ list: [GatewaySpec]) {
        guard section("virtualNetworkGateways", list) else { return }
        for g in list {
            element(g.name, g.source, indent: 2)
            out.field("gatewayType", g.gatewayType.rawValue, indent: 4)
            out.field("subnet", YAMLEmitter.scalar(g.subnet), indent: 4)
            if !g.bgpEnabled { out.field("bgpEnabled", "false", indent: 4) }
        }
    }

    mutating func onPremises(_ list: [OnPremisesSpec]) {
        guard section("onPremisesNetworks", list) else { return }
        for n in list {
            element(n.name, n.source, indent: 2)
            out.field("addressPrefixes", YAMLEmitter.sequence(n.addressPrefixes.map(\.description)), indent: 4)
            out.field("gateway", YAMLEmitter.scalar(n.gateway), indent: 4)
            if n.forcedTunnelDefaultRoute { out.field("forcedTunnelDefaultRoute", "true", indent: 4) }
        }
    }

    mutating func endpoints(_ list: [EndpointSpec]) {
        guard section("endpoints", list) else { return }
        for e in list {
            element(e.name, e.source, indent: 2)
            if let ip = e.ipAddress { out.field("ipAddress", ip.description, indent: 4) }
            if let fqdn = e.fqdn { out.field("fqdn", YAMLEmitter.scalar(fqdn), indent: 4) }
            if let network = e.onPremisesNetwork { out.field("onPremisesNetwork", YAMLEmitter.scalar(network), indent: 4) }
        }
    }

    mutating func serviceTags(_ list: [ServiceTagSpec]) {
        guard section("serviceTags", list) else { return }
        for tag in list {
            element(tag.name, tag.source, indent: 2)
            out.field("addressPrefixes", YAMLEmitter.sequence(tag.addressPrefixes.map(\.description)), indent: 4)
        }
    }

    mutating func flows(_ list: [FlowSpec]) {
        guard section("flows", list) else { return }
        for f in list {
            element(f.name, f.source, indent: 2)
            if let d = f.description { out.field("description", YAMLEmitter.scalar(d), indent: 4) }
            out.field("from", YAMLEmitter.scalar(f.from), indent: 4)
            out.field("to", YAMLEmitter.scalar(f.to), indent: 4)
            if let port = f.port { out.field("port", "\(port)", indent: 4) }
            if let port = f.sourcePort { out.field("sourcePort", "\(port)", indent: 4) }
            if f.protocolType != .tcp { out.field("protocol", f.protocolType.rawValue, indent: 4) }
            if let v = f.expect { out.field("expect", v.rawValue, indent: 4) }
            if let at = f.expectDroppedAt { out.field("expectDroppedAt", YAMLEmitter.scalar(at), indent: 4) }
            if let ip = f.expectEgressIP { out.field("expectEgressIP", ip.description, indent: 4) }
        }
    }
}
