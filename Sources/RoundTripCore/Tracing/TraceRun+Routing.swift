/// Routing out of a subnet: the route lookup (M1), next hops, peerings (P1, P2, P2a) and delivery inside a VNet.
extension TraceRun {

    /// Sends a packet out of a subnet: host NAT for inbound replies, route lookup (M1), then the next hop.
    mutating func send(subnet: Int, sender: Sender, packet: Packet) -> Step {
        touchedSubnets.insert(subnet)
        // G3: a NIC's outbound NSGs run before the route lookup, on the packet as the NIC sends it (before host NAT, G9).
        if case .nic(let w, _) = sender, let stop = checkSecurity(at: w, inbound: false, packet) { return stop }
        let routes = t.effectiveRoutes[subnet]
        // PE8: a private endpoint's replies are routed by the VNet's system routes, never by the subnet's UDRs.
        let systemOnly: Bool
        if case .nic(let w, _) = sender { systemOnly = t.workloads[w].kind == .privateEndpoint } else { systemOnly = false }
        guard let index = systemOnly ? routes.lookupIgnoringUserRoutes(packet.destination) : routes.lookup(packet.destination) else {
            return dropHere(sender.node, packet, .noRoute, .noMatchingRoute(subnet: subnet, destination: packet.destination))
        }
        let route = routes.routes[index]
        let decision = Decision.route(subnet: subnet, index: index)
        var hop = Hop(direction: direction, node: sender.node, packet: packet, decision: decision)
        var out = packet

        // Host NAT (a load balancer's or an instance public IP's) is reversed on the host of the NIC that holds it, and
        // nowhere else (L2, M4): a stateless NVA forwarding the reply does not undo it. By default before the route
        // lookup (L2 corrected, §16 C1); with `azurePath` only when the route is Azure's own.
        if case .nic(let w, _) = sender, let s = sessions.reply(to: packet, where: { isHostNAT($0.device) && $0.host == w }) {
            let session = sessions[s]
            let rewritten = session.original.destination != session.translated.destination
            if route.nextHopType == .virtualAppliance && t.options.loadBalancerReplyTranslation == .azurePath {
                hop.note =
                    rewritten
                    ? .replyNotRestored(original: session.original.destination, device: session.device)
                    : .floatingIPReplyToAppliance(device: session.device)
            } else if !rewritten {
                sessions.touch(s)
            } else {
                let restored = sessions.match(s)
                hop.rewrites.append(
                    Rewrite(
                        field: .source, kind: .unDnat, beforeAddress: out.source, beforePort: out.sourcePort,
                        afterAddress: restored.source, afterPort: restored.sourcePort))
                hop.session = SessionEvent(device: session.device, kind: .matched)
                out = restored
            }
        }
        guard record(hop) else { return .stop }

        switch route.nextHopType {
        case .none:
            return dropHere(
                sender.node, out, .noRoute,
                .nextHopNone(subnet: subnet, route: index, destination: out.destination),
                decision: decision)
        case .vnetLocal:
            let vnet = t.subnets[subnet].vnet
            guard t.vnets[vnet].contains(out.destination) else {
                return dropHere(
                    sender.node, out, .noRoute,
                    .vnetLocalOutsideVNet(subnet: subnet, route: index, destination: out.destination, vnet: vnet),
                    decision: decision)
            }
            return .privateAddress(vnet: vnet, out)
        case .interfaceEndpoint:
            // PE1: straight to the private endpoint, in this VNet or across the direct peering to its VNet.
            guard case .privateEndpoint(_, let v) = route.origin else { return .stop }
            let own = t.subnets[subnet].vnet
            if v != own, let p = t.peerGraph.peering(from: own, to: v), let stop = crossPeering(p, out, sender: sender) { return stop }
            return .privateAddress(vnet: v, out)
        case .vnetPeering:
            guard case .peering(let p) = route.origin else { return .stop }
            if let stop = crossPeering(p, out, sender: sender) { return stop }
            return .privateAddress(vnet: t.peerings[p].to, out)
        case .internet:
            return egress(subnet: subnet, sender: sender, out, decision: decision)
        case .virtualNetworkGateway:
            let gateway: Int?
            if case .gateway(let g, _) = route.origin {
                gateway = g
            } else {
                gateway = t.gateways(reachableFrom: t.subnets[subnet].vnet).first {
                    t.gateways[$0].gatewayType == .vpn
                }
            }
            guard let gateway else {
                return dropHere(
                    sender.node, out, .noRoute,
                    .noVPNGateway(subnet: subnet, route: index, vnet: t.subnets[subnet].vnet),
                    decision: decision)
            }
            return .toGateway(gateway: gateway, out, route: decision)
        case .virtualAppliance:
            guard let ip = route.nextHopIP else { return .stop }
            return toAppliance(ip, from: subnet, sender: sender, out, decision: decision)
        }
    }

    /// Hands a packet to a VirtualAppliance next hop in the local or a peered VNet (R9).
    mutating func toAppliance(_ ip: IPv4Address, from subnet: Int, sender: Sender, _ packet: Packet, decision: Decision) -> Step {
        let vnet = t.subnets[subnet].vnet
        // The appliance is in the sender's VNet or in a directly connected peer (R9).
        var found: (vnet: Int, peering: Int?)?
        if t.addresses.owner(of: ip, in: vnet) != nil {
            found = (vnet, nil)
        } else {
            for v in t.addresses.vnets(owning: ip) {
                if let p = t.peerGraph.peering(from: vnet, to: v) {
                    found = (v, p)
                    break
                }
            }
        }
        if let (target, peering) = found, let owner = t.addresses.owner(of: ip, in: target) {
            if let peering, let stop = crossPeering(peering, packet, sender: sender) { return stop }
            switch owner {
            case .nic(let w): return .nic(workload: w, address: ip, packet, viaLoadBalancer: nil)
            case .firewallFrontend(let f): return .firewallPrivate(firewall: f, instance: nil, packet)
            case .firewallInstance(let f, let i): return .firewallPrivate(firewall: f, instance: i, packet)
            case .loadBalancerFrontend(let lb, let fe): return .loadBalancer(lb: lb, frontend: fe, packet, asNextHop: true)
            case .appGatewayFrontend, .appGatewayInstance:
                return dropHere(
                    sender.node, packet, .noRoute,
                    .nextHopIsAppGateway(address: ip, route: decision), decision: decision)
            }
        }
        let reason: TraceReason =
            t.isApplianceAddress(ip)
            ? .nextHopUnreachable(address: ip, route: decision, vnet: vnet) : .nextHopNotInDesign(address: ip, route: decision)
        return dropHere(sender.node, packet, .noRoute, reason, decision: decision)
    }

    /// Checks a packet crossing a peering (P2, P2a); returns a stop step if it is dropped.
    mutating func crossPeering(_ p: Int, _ packet: Packet, sender: Sender) -> Step? {
        let peering = t.peerings[p]
        guard let back = peering.reverse else {
            return dropHere(sender.node, packet, .noRoute, .peeringNoReverse(peering: p), decision: .peering(p))
        }
        if !peering.allowVirtualNetworkAccess || !t.peerings[back].allowVirtualNetworkAccess {
            let off = peering.allowVirtualNetworkAccess ? t.peerings[back] : peering
            return dropHere(
                .peering(off.source == peering.source ? p : back), packet, .denied,
                .peeringAccessDisabled(peering: peering.allowVirtualNetworkAccess ? back : p),
                decision: .peering(off.source == peering.source ? p : back))
        }
        // Forwarded traffic: its source is outside the sending VNet and a gateway did not forward it.
        if case .gateway = sender { return nil }
        let fromVNet = t.vnets[peering.from]
        if !fromVNet.contains(packet.source) && !t.peerings[back].allowForwardedTraffic {
            if t.options.strictForwardedTraffic {
                return dropHere(
                    .peering(back), packet, .denied, .forwardedTrafficDenied(peering: back, source: packet.source, vnet: peering.to),
                    decision: .peering(back))
            }
            let warning = TraceReason.forwardedTrafficNotEnforced(peering: back, source: packet.source, vnet: peering.to)
            if !warnings.contains(warning) { warnings.append(warning) }
        }
        return nil
    }

    /// Delivers inside a VNet to whatever owns the destination.
    mutating func arrivePrivate(vnet: Int, _ packet: Packet) -> Step {
        switch t.addresses.owner(of: packet.destination, in: vnet) {
        case .nic(let w): return .nic(workload: w, address: packet.destination, packet, viaLoadBalancer: nil)
        case .loadBalancerFrontend(let lb, let fe): return .loadBalancer(lb: lb, frontend: fe, packet, asNextHop: false)
        case .firewallFrontend(let f): return .firewallPrivate(firewall: f, instance: nil, packet)
        case .firewallInstance(let f, let i): return .firewallPrivate(firewall: f, instance: i, packet)
        case .appGatewayFrontend(let g, let fe): return .appGateway(gateway: g, frontend: fe, instance: nil, packet)
        case .appGatewayInstance(let g, let i): return .appGateway(gateway: g, frontend: nil, instance: i, packet)
        case nil:
            if let pod = t.addresses.pod(at: packet.destination), let host = t.workloads[pod].hostedOn {
                return .nic(workload: host, address: t.workloads[host].addresses[0], packet, viaLoadBalancer: nil)
            }
            return dropHere(.vnet(vnet), packet, .noRoute, .noOwnerInVNet(vnet: vnet, destination: packet.destination))
        }
    }
}
