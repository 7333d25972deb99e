/// Internet egress (N4), the Internet, on-premises networks and VPN/ExpressRoute gateways.
extension TraceRun {

    /// Internet egress from a subnet: the outbound precedence of N4 (NAT gateway > instance PIP > LB outbound >
    /// default outbound), after a UDR already decided the packet goes to the Internet.
    mutating func egress(subnet: Int, sender: Sender, _ packet: Packet, decision: Decision) -> Step {
        if !packet.source.isPrivate || isPublicIPOwned(packet.source) {
            return .internet(packet)
        }
        switch sender {
        case .firewall(let f, _):
            return dropHere(
                sender.node, packet, .noRoute,
                .firewallNoSNATToInternet(firewall: f, source: packet.source, destination: packet.destination),
                decision: decision)
        case .appGateway(let g, _):
            guard let fe = t.appGateways[g].frontends.first(where: \.isPublic) else {
                return dropHere(
                    sender.node, packet, .noRoute,
                    .appGatewayNoPublicFrontend(gateway: g))
            }
            var hop = Hop(direction: direction, node: sender.node, packet: packet, decision: decision)
            hop.rewrites = [
                Rewrite(
                    field: .source, kind: .snat, beforeAddress: packet.source, beforePort: packet.sourcePort, afterAddress: fe.address,
                    afterPort: packet.sourcePort)
            ]
            var out = packet
            out.source = fe.address
            guard record(hop) else { return .stop }
            return .internet(out)
        case .gateway(let g):
            return dropHere(
                .vnetGateway(g), packet, .noRoute, .gatewayPrivateSourceToInternet(gateway: g),
                decision: decision)
        case .nic(let w, let address):
            let workload = t.workloads[w]
            if packet.source != address {
                return dropHere(
                    sender.node, packet, .noRoute,
                    .forwardedWithoutSNAT(workload: w, source: packet.source, address: address),
                    decision: decision)
            }
            let device: Device
            let translatedAddress: IPv4Address
            let via: Decision
            let candidates: [IPv4Address]
            switch t.outboundPath(of: w, address: address) {
            case .blocked(let c):
                return dropHere(sender.node, packet, .denied, .clusterOutboundBlocked(cluster: c), decision: decision)
            case .none:
                return dropHere(sender.node, packet, .noRoute, .noOutboundPath(workload: w, subnet: workload.subnet), decision: decision)
            case .natGateway(let n):
                device = .natGateway(n)
                candidates = t.natGateways[n].addresses
                translatedAddress = candidates[0]
                via = .natGateway(n)
            case .instancePublicIP:
                device = .instancePublicIP(workload: w)
                translatedAddress = workload.publicIP.map { t.publicIPs[$0].prefix.network } ?? address
                candidates = [translatedAddress]
                via = .instancePublicIP(workload: w)
            case .loadBalancerOutbound(let lb, let rule):
                let fes = t.loadBalancers[lb].outboundRules[rule].frontends
                device = .loadBalancerOutbound(lb: lb, frontend: fes[0])
                candidates = fes.map { t.loadBalancers[lb].frontends[$0].address }
                translatedAddress = candidates[0]
                via = .outboundRule(lb: lb, rule: rule)
            case .defaultOutbound:
                device = .defaultOutbound(subnet: workload.subnet)
                translatedAddress = Packet.defaultOutboundAddress
                candidates = []
                via = .defaultOutboundAccess(subnet: workload.subnet)
                let warning = TraceReason.defaultOutboundAccess(workload: w)
                if !warnings.contains(warning) { warnings.append(warning) }
            }
            var out = packet
            out.source = translatedAddress
            var hop = Hop(direction: direction, node: t.node(of: device), packet: packet, decision: via)
            hop.rewrites = [
                Rewrite(
                    field: .source, kind: .snat, beforeAddress: packet.source, beforePort: packet.sourcePort, afterAddress: out.source,
                    afterPort: out.sourcePort)
            ]
            hop.session = SessionEvent(device: device, kind: .created)
            if candidates.count > 1 {
                hop.note = .snatAddressChoice(addresses: candidates)
            }
            guard record(hop) else { return .stop }
            sessions.open(Session(device: device, original: packet, translated: out, stateful: device.isStateful))
            if direction == .forward { egress = candidates.isEmpty ? [translatedAddress] : candidates }
            return .internet(out)
        }
    }

    func isPublicIPOwned(_ address: IPv4Address) -> Bool { t.addresses.publicOwner(of: address) != nil }

    /// A packet on the Internet: delivered to the public address's owner, to the client, or to an Internet host.
    mutating func arriveInternet(_ packet: Packet) -> Step {
        // Replies to SNATed outbound flows come back to the translating device — also where Azure picked the address
        // itself (default outbound access, N4, L12), which no element of the design owns.
        if let s = sessions.reply(
            to: packet, where: { if case .onPremisesEdge = $0.device { return true } else { return isOutboundNAT($0.device) } })
        {
            let device = sessions[s].device
            let restored = sessions.match(s)
            var hop = Hop(direction: direction, node: t.node(of: device), packet: packet, decision: .session)
            hop.rewrites = [
                Rewrite(
                    field: .destination, kind: .unSnat, beforeAddress: packet.destination, beforePort: packet.destinationPort,
                    afterAddress: restored.destination, afterPort: restored.destinationPort)
            ]
            hop.session = SessionEvent(device: device, kind: .matched)
            guard record(hop) else { return .stop }
            if case .onPremisesEdge(let n) = device { return .onPremises(n, restored) }
            return deliverToAddress(restored)
        }
        if let owner = t.addresses.publicOwner(of: packet.destination) {
            switch owner {
            case .loadBalancerFrontend(let lb, let fe): return .loadBalancer(lb: lb, frontend: fe, packet, asNextHop: false)
            case .firewall(let f): return .firewallPublic(firewall: f, packet)
            case .appGatewayFrontend(let g, let fe): return .appGateway(gateway: g, frontend: fe, instance: nil, packet)
            case .instancePublicIP(let w):
                let address = t.workloads[w].addresses[0]
                var out = packet
                out.destination = address
                var hop = Hop(
                    direction: direction, node: .nic(workload: w, address: address), packet: packet,
                    decision: .instancePublicIP(workload: w))
                hop.rewrites = [
                    Rewrite(
                        field: .destination, kind: .dnat, beforeAddress: packet.destination, beforePort: packet.destinationPort,
                        afterAddress: address, afterPort: packet.destinationPort)
                ]
                hop.session = SessionEvent(device: .instancePublicIP(workload: w), kind: .created)
                hop.note = .instancePublicIPNAT(workload: w)
                guard record(hop) else { return .stop }
                sessions.open(
                    Session(device: .instancePublicIP(workload: w), original: packet, translated: out, stateful: false, host: w))
                return .nic(workload: w, address: address, out, viaLoadBalancer: nil)
            case .natGateway(let n):
                if direction == .return {
                    return dropHere(
                        .natGateway(n), packet, .asymmetric,
                        .natGatewayNoFlow(natGateway: n),
                        session: SessionEvent(device: .natGateway(n), kind: .missing))
                }
                return dropHere(
                    .natGateway(n), packet, .noRoute,
                    .natGatewayUnsolicitedInbound(natGateway: n))
            }
        }
        if packet.destination.isPrivate {
            return dropHere(.internet, packet, .noRoute, .privateDestinationOnInternet(destination: packet.destination))
        }
        return .delivered(.internetHost(packet.destination), packet)
    }

    /// Delivers a restored reply straight to the NIC that owns its destination (the platform knows the host).
    mutating func deliverToAddress(_ packet: Packet) -> Step {
        if let w = t.addresses.nic(owning: packet.destination) {
            return .nic(workload: w, address: packet.destination, packet, viaLoadBalancer: nil)
        }
        return dropHere(.internet, packet, .noRoute, .noNICOwnsAddress(destination: packet.destination))
    }

    /// A packet in an on-premises network.
    mutating func arriveOnPremises(_ n: Int, _ packet: Packet) -> Step {
        let network = t.onPremises[n]
        if network.addressPrefixes.contains(where: { $0.contains(packet.destination) }) {
            return .delivered(.onPremises(n), packet)
        }
        let gateway = network.gateway
        if t.peerGraph.advertises(packet.destination, gateway: gateway) {
            guard
                record(
                    Hop(
                        direction: direction, node: .onPremises(n), packet: packet, decision: .onPremisesRoute(n),
                        note: .onPremisesRoutesToGateway(network: n, gateway: gateway)))
            else { return .stop }
            return .fromOnPremises(gateway: gateway, packet)
        }
        if !packet.destination.isPrivate {
            // The on-premises edge firewall: stateful, outside the design.
            let device = Device.onPremisesEdge(n)
            if direction == .return {
                return dropHere(
                    .onPremisesEdge(n), packet, .asymmetric,
                    .onPremisesEdgeNoSession(network: n),
                    session: SessionEvent(device: device, kind: .missing))
            }
            // The edge SNATs to its own public address, which the design does not know (§16 D8), and the reply comes
            // back the same way.
            var out = packet
            out.source = Packet.onPremisesEdgeAddress
            var hop = Hop(
                direction: direction, node: .onPremisesEdge(n), packet: packet, session: SessionEvent(device: device, kind: .created),
                note: .forcedTunnelEgress(network: n))
            hop.rewrites = [
                Rewrite(
                    field: .source, kind: .snat, beforeAddress: packet.source, beforePort: packet.sourcePort, afterAddress: out.source,
                    afterPort: out.sourcePort)
            ]
            guard record(hop) else { return .stop }
            sessions.open(Session(device: device, original: packet, translated: out, stateful: true, routeToDevice: lastRoute))
            if direction == .forward && !warnings.contains(.forcedTunnelEgress(network: n)) {
                warnings.append(.forcedTunnelEgress(network: n))
            }
            return .delivered(.internetHost(out.destination), out)
        }
        return dropHere(.onPremises(n), packet, .noRoute, .onPremisesNoRoute(network: n, destination: packet.destination))
    }

    /// A packet handed to a gateway by a route: on to the on-premises network that holds the destination.
    mutating func toGateway(_ g: Int, _ packet: Packet, route: Decision?) -> Step {
        // The gateway's own subnet matters to every packet it handles (R15/R16 findings apply both ways).
        touchedSubnets.insert(t.gateways[g].subnet)
        guard record(Hop(direction: direction, node: .vnetGateway(g), packet: packet)) else { return .stop }
        let networks = t.onPremises.indices.filter { t.onPremises[$0].gateway == g }
        if let n = networks.first(where: { t.onPremises[$0].addressPrefixes.contains { $0.contains(packet.destination) } }) {
            return .onPremises(n, packet)
        }
        if let n = networks.first(where: { t.onPremises[$0].forcedTunnelDefaultRoute }) {
            return .onPremises(n, packet)
        }
        return dropHere(
            .vnetGateway(g), packet, .noRoute, .gatewayNoRoute(gateway: g, destination: packet.destination), cause: route)
    }
}
