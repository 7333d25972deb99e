/// Device behaviours: NICs and NVAs, load balancers, Application Gateways.
extension TraceRun {
    /// A packet at a workload NIC: a reply to a session it keeps, delivery, IP forwarding (R10), or a drop.
    mutating func arriveNIC(_ w: Int, _ address: IPv4Address, _ packet: Packet, via lb: Int?) -> Step {
        let workload = t.workloads[w]
        touchedSubnets.insert(workload.subnet)
        let node = Node.nic(workload: w, address: address)
        let device = Device.nic(workload: w, address: address)
        // A reply to something this NIC translated or keeps state for.
        if let s = sessions.reply(to: packet, where: { $0.device == device }) {
            let restored = sessions.match(s)
            var hop = Hop(
                direction: direction, node: node, packet: packet, decision: .session, session: SessionEvent(device: device, kind: .matched))
            if restored.destination != packet.destination || restored.destinationPort != packet.destinationPort {
                hop.rewrites = [
                    Rewrite(
                        field: .destination, kind: .unSnat, beforeAddress: packet.destination, beforePort: packet.destinationPort,
                        afterAddress: restored.destination, afterPort: restored.destinationPort)
                ]
            }
            guard record(hop) else { return .stop }
            if let pod = t.addresses.pod(at: restored.destination), t.workloads[pod].hostedOn == w {
                return .delivered(.nic(workload: pod, address: restored.destination), restored)
            }
            if restored.destination == address { return .delivered(node, restored) }
            return .send(subnet: workload.subnet, sender: .nic(w, address), packet: restored)
        }
        // G3: the NIC's inbound NSGs run on arrival, unless a stateful NVA drops the reply anyway (G8: M3 wins).
        let statefulMiss = direction == .return && workload.kind == .nva && workload.stateful && packet.destination != address
        if !statefulMiss, let stop = checkSecurity(at: w, inbound: true, packet) { return stop }
        // PE9: a request that reached a private endpoint through a stateful device that did not SNAT it.
        if workload.kind == .privateEndpoint && direction == .forward && packet.destination == address,
            let s = sessions.firstIndex(where: { $0.stateful && $0.original.source == $0.translated.source && $0.device.forwardsTraffic })
        {
            let device = t.node(of: sessions[s].device)
            // The cause to change: the firewall rule that let it through without SNAT, or the route into the NVA.
            let at = forward.firstIndex { $0.node == device }
            var cause = at.flatMap { forward[$0].decision }
            if cause == nil || cause == .session, let at {
                cause = forward[..<at].last { if case .route = $0.decision { return true } else { return false } }?.decision
            }
            return dropHere(device, packet, .asymmetric, .privateEndpointWithoutSNAT(workload: w, device: device), cause: cause)
        }
        if packet.destination == address || (lb != nil && !workload.enableIPForwarding) {
            return .delivered(node, packet)
        }
        if let lb, t.loadBalancers[lb].frontends.contains(where: { $0.address == packet.destination }) {
            // Floating IP: the backend receives the frontend address itself (L7).
            return .delivered(node, packet)
        }
        if let pod = t.addresses.pod(at: packet.destination), t.workloads[pod].hostedOn == w {
            guard record(Hop(direction: direction, node: node, packet: packet, note: .nodeDeliversToPod(pod: pod)))
            else { return .stop }
            return .delivered(.nic(workload: pod, address: packet.destination), packet)
        }
        guard workload.enableIPForwarding else {
            return dropHere(
                node, packet, .denied,
                .ipForwardingDisabled(workload: w, destination: packet.destination))
        }
        let stateful = workload.kind == .nva && workload.stateful
        if stateful {
            if direction == .return {
                return dropHere(
                    node, packet, .asymmetric, .nvaNoSession(workload: w, miss: sessionMiss(packet)),
                    session: SessionEvent(device: device, kind: .missing))
            }
        }
        var out = packet
        var hop = Hop(direction: direction, node: node, packet: packet, note: .ipForwarding(workload: w))
        if workload.snat {
            out.source = address
            hop.rewrites = [
                Rewrite(
                    field: .source, kind: .snat, beforeAddress: packet.source, beforePort: packet.sourcePort, afterAddress: address,
                    afterPort: packet.sourcePort)
            ]
        }
        if stateful || workload.snat {
            hop.session = SessionEvent(device: device, kind: .created)
            sessions.open(Session(device: device, original: packet, translated: out, stateful: stateful, viaLoadBalancer: lb))
        }
        guard record(hop) else { return .stop }
        return .send(subnet: workload.subnet, sender: .nic(w, address), packet: out)
    }

    /// What a stateful device that has no session for the reply `packet` knows.
    func sessionMiss(_ packet: Packet) -> SessionMiss {
        SessionMiss(reply: packet, sentBy: lastRoute, forwardPath: forward.map(\.node))
    }

    /// A packet at a load balancer frontend (or at an internal LB used as a next hop, HA ports).
    mutating func arriveLoadBalancer(_ l: Int, _ fe: Int, _ packet: Packet, asNextHop: Bool) -> Step {
        let lb = t.loadBalancers[l]
        let node = Node.loadBalancer(lb: l, frontend: fe)
        guard
            let r = lb.rules.firstIndex(where: { rule in
                rule.frontend == fe && rule.protocolType.matches(packet.protocolType)
                    && (rule.isHAPorts || (!asNextHop && rule.frontendPort == packet.destinationPort))
            })
        else {
            let reason =
                asNextHop
                ? TraceReason.loadBalancerNoHAPortsRule(lb: l, frontend: fe)
                : .loadBalancerNoRule(lb: l, frontend: fe, protocolType: packet.protocolType, port: packet.destinationPort)
            return dropHere(node, packet, .noRoute, reason)
        }
        let rule = lb.rules[r]
        let members: [LoadBalancer.Member]
        if let target = rule.target { members = [target] } else { members = rule.pool.map { lb.pools[$0].members } ?? [] }
        guard !members.isEmpty else {
            return dropHere(
                node, packet, .noRoute, .loadBalancerEmptyPool(lb: l, rule: r),
                decision: .loadBalancerRule(lb: l, rule: r))
        }
        // L5, §16 D2: a pool member reaching the frontend it sits behind (hairpin) is not supported.
        if direction == .forward && !asNextHop && !lb.isPublic, members.contains(where: { $0.address == packet.source }),
            case .workload(let w, _) = flow.from
        {
            return dropHere(
                node, packet, .unsupportedConfig, .loadBalancerHairpin(lb: l, member: w, poolSize: members.count),
                decision: .loadBalancerRule(lb: l, rule: r))
        }
        var hop = Hop(direction: direction, node: node, packet: packet, decision: .loadBalancerRule(lb: l, rule: r))
        var member = members[Int(packet.symmetricHash(salt: l) % UInt64(members.count))]
        if direction == .forward, let forced = forcedBackend, let chosen = members.first(where: { $0.address == forced }) {
            member = chosen
        }
        if direction == .forward && forcedBackend == nil && pool == nil && members.count > 1 { pool = members.map(\.address) }
        // A stateful backend already holds this flow: the same LB hashes both directions alike (L9); a different LB
        // (or none) decides independently, so the reply can land on another member.
        if let h = sessions.firstIndex(where: { s in
            guard s.stateful && (s.isReply(packet) || s.original == packet), case .nic(_, let a) = s.device else { return false }
            return members.contains { $0.address == a }
        }), case .nic(_, let holderAddress) = sessions[h].device {
            let holder = sessions[h]
            if holder.viaLoadBalancer == l || members.count == 1 {
                member = members.first { $0.address == holderAddress } ?? member
            } else if let other = members.first(where: { $0.address != holderAddress }) {
                member = other
                hop.note = .loadBalancerIndependentHash(
                    lb: l, otherLB: holder.viaLoadBalancer, reached: other.address, holder: holderAddress)
            }
        }
        var out = packet
        // Addressed to the frontend, every rule DNATs — an HA-ports rule too, keeping the port (L8); used as a next hop,
        // an HA-ports rule forwards the packet unchanged.
        if !rule.enableFloatingIP && !asNextHop {
            out.destination = member.address
            out.destinationPort = rule.isHAPorts ? packet.destinationPort : rule.backendPort
            hop.rewrites = [
                Rewrite(
                    field: .destination, kind: .dnat, beforeAddress: packet.destination, beforePort: packet.destinationPort,
                    afterAddress: out.destination, afterPort: out.destinationPort)
            ]
        }
        let backend = t.addresses.nic(owning: member.address)
        if !asNextHop {
            hop.session = SessionEvent(device: .loadBalancerHost(lb: l, frontend: fe), kind: .created)
            sessions.open(
                Session(device: .loadBalancerHost(lb: l, frontend: fe), original: packet, translated: out, stateful: false, host: backend))
        }
        guard record(hop) else { return .stop }
        if let backend { return .nic(workload: backend, address: member.address, out, viaLoadBalancer: l) }
        return dropHere(
            node, out, .noRoute, .loadBalancerBackendNotNIC(lb: l, address: member.address),
            decision: .loadBalancerRule(lb: l, rule: r))
    }

    /// A packet at an Application Gateway: a listener on a frontend (proxy, A1), or a reply to an instance.
    mutating func arriveAppGateway(_ g: Int, frontend: Int?, instance: Int?, _ packet: Packet) -> Step {
        let agw = t.appGateways[g]
        touchedSubnets.insert(agw.subnet)
        // Replies to the back-end connection, at an instance (or at the public frontend for public backends).
        if let s = sessions.reply(
            to: packet,
            where: { s in
                guard case .appGateway(let sg, let si) = s.device else { return false }
                return sg == g && (instance == nil || instance == si)
            }), case .appGateway(_, let i) = sessions[s].device
        {
            let restored = sessions.match(s)
            var hop = Hop(
                direction: direction, node: .appGateway(gateway: g, instance: i), packet: packet, decision: .session,
                session: SessionEvent(device: sessions[s].device, kind: .matched))
            hop.rewrites = [
                Rewrite(
                    field: .source, kind: .proxy, beforeAddress: packet.source, beforePort: packet.sourcePort,
                    afterAddress: restored.source, afterPort: restored.sourcePort),
                Rewrite(
                    field: .destination, kind: .proxy, beforeAddress: packet.destination, beforePort: packet.destinationPort,
                    afterAddress: restored.destination, afterPort: restored.destinationPort),
            ]
            hop.note = .appGatewayAnswersClient(gateway: g)
            guard record(hop) else { return .stop }
            return .send(subnet: agw.subnet, sender: .appGateway(g, i), packet: restored)
        }
        if let instance {
            if direction == .return {
                return dropHere(
                    .appGateway(gateway: g, instance: instance), packet, .asymmetric,
                    .appGatewayNoSession(gateway: g, instance: instance, miss: sessionMiss(packet)),
                    session: SessionEvent(device: .appGateway(gateway: g, instance: instance), kind: .missing))
            }
            return dropHere(
                .appGateway(gateway: g, instance: instance), packet, .denied,
                .appGatewayInstanceAddress(gateway: g))
        }
        guard let fe = frontend else { return .stop }
        let node = Node.appGateway(gateway: g, instance: nil)
        guard packet.protocolType == .tcp,
            let l = agw.listeners.firstIndex(where: { $0.frontend == fe && $0.port == packet.destinationPort })
        else {
            if direction == .return {
                return dropHere(
                    node, packet, .asymmetric, .appGatewayNoSession(gateway: g, instance: nil, miss: sessionMiss(packet)))
            }
            return dropHere(
                node, packet, .noRoute,
                .appGatewayNoListener(gateway: g, frontend: fe, port: packet.destinationPort, protocolType: packet.protocolType))
        }
        let listener = agw.listeners[l]
        let pool = agw.pools[listener.pool]
        guard !pool.members.isEmpty else {
            return dropHere(
                node, packet, .noRoute, .appGatewayEmptyPool(gateway: g, pool: listener.pool),
                decision: .appGatewayListener(gateway: g, listener: l))
        }
        let i = Int(packet.symmetricHash(salt: 1000 + g) % UInt64(agw.instanceIPs.count))
        var member = pool.members[Int(packet.symmetricHash(salt: 2000 + g) % UInt64(pool.members.count))]
        if let forced = forcedBackend, let chosen = pool.members.first(where: { $0.address == forced }) { member = chosen }
        if direction == .forward && forcedBackend == nil && self.pool == nil && pool.members.count > 1 {
            self.pool = pool.members.map(\.address)
        }
        let source = member.address.isPrivate ? agw.instanceIPs[i] : (agw.frontends.first(where: \.isPublic)?.address ?? agw.instanceIPs[i])
        let out = Packet(
            source: source, sourcePort: packet.sourcePort, destination: member.address, destinationPort: listener.backendPort,
            protocolType: .tcp)
        var hop = Hop(
            direction: direction, node: .appGateway(gateway: g, instance: i), packet: packet,
            decision: .appGatewayListener(gateway: g, listener: l))
        hop.rewrites = [
            Rewrite(
                field: .source, kind: .proxy, beforeAddress: packet.source, beforePort: packet.sourcePort, afterAddress: out.source,
                afterPort: out.sourcePort),
            Rewrite(
                field: .destination, kind: .proxy, beforeAddress: packet.destination, beforePort: packet.destinationPort,
                afterAddress: out.destination, afterPort: out.destinationPort),
        ]
        hop.session = SessionEvent(device: .appGateway(gateway: g, instance: i), kind: .created)
        hop.note = .appGatewayProxy(gateway: g, instance: i)
        guard record(hop) else { return .stop }
        sessions.open(Session(device: .appGateway(gateway: g, instance: i), original: packet, translated: out, stateful: true))
        return .send(subnet: agw.subnet, sender: .appGateway(g, i), packet: out)
    }
}

extension Array where Element: Hashable {
    /// The elements with consecutive duplicates removed.
    func uniqued() -> [Element] {
        var result: [Element] = []
        for e in self where result.last != e { result.append(e) }
        return result
    }
}

extension Device {
    /// Whether the device forwards other hosts' traffic (a firewall instance or an NVA), as opposed to translating at
    /// a host or the edge.
    var forwardsTraffic: Bool {
        switch self {
        case .firewall, .nic: return true
        default: return false
        }
    }
}
