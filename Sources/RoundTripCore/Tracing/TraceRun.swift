/// The mutable state of one round trip.
struct TraceRun {
    let t: Topology
    let flow: Flow
    var direction = Hop.Direction.forward
    var forward: [Hop] = []
    var reverse: [Hop] = []
    var sessions = SessionTable()
    /// NSG flow records: the packets each NIC's NSGs let through (G7, G8).
    var securityRecords = Set<SecurityRecord>()
    /// NSGs whose rules were evaluated.
    var touchedSecurityGroups = Set<Int>()
    var warnings: [TraceReason] = []
    var touchedSubnets = Set<Int>()
    /// Firewalls whose rules were evaluated (exhaustive checks split client classes at their rule boundaries).
    var touchedFirewalls = Set<Int>()
    /// The backend to pick in pools on the forward path, when an exhaustive check visits each backend.
    var forcedBackend: IPv4Address?
    /// The members of the first pool with several members on the forward leg (unforced runs only), in pool order.
    var pool: [IPv4Address]?
    var egress: [IPv4Address] = []
    var drop: Drop?
    var visited = Set<VisitKey>()
    static let hopLimit = 64

    struct VisitKey: Hashable {
        var node: Node
        var packet: Packet
        var decision: Decision?
        var forward: Bool
    }

    init(topology: Topology, flow: Flow) {
        t = topology
        self.flow = flow
    }

    // MARK: recording

    var hops: [Hop] {
        get { direction == .forward ? forward : reverse }
    }

    /// Appends a hop; returns false (and records a loop) if the same packet was already at this node.
    @discardableResult
    mutating func record(_ hop: Hop) -> Bool {
        var hop = hop
        hop.direction = direction
        let key = VisitKey(node: hop.node, packet: hop.packet, decision: hop.decision, forward: direction == .forward)
        let count = direction == .forward ? forward.count : reverse.count
        if !visited.insert(key).inserted || count >= TraceRun.hopLimit {
            hop.outcome = .dropped
            append(hop)
            if drop == nil {
                drop = Drop(
                    verdict: .loop, node: hop.node, reason: .routingLoop(node: hop.node), cause: lastRoute)
            }
            return false
        }
        append(hop)
        return true
    }

    mutating func append(_ hop: Hop) {
        if direction == .forward { forward.append(hop) } else { reverse.append(hop) }
    }

    /// The last route decision in the current leg.
    var lastRoute: Decision? {
        for hop in hops.reversed() {
            if case .route = hop.decision { return hop.decision }
        }
        return nil
    }

    /// Records a drop at a node and stops the leg.
    mutating func dropHere(
        _ node: Node, _ packet: Packet, _ verdict: Verdict, _ reason: TraceReason, decision: Decision? = nil, session: SessionEvent? = nil,
        cause: Decision? = nil
    ) -> Step {
        var hop = Hop(direction: direction, node: node, packet: packet, decision: decision, session: session)
        hop.outcome = .dropped
        hop.note = reason
        append(hop)
        if drop == nil { drop = Drop(verdict: verdict, node: node, reason: reason, cause: cause ?? decision ?? lastRoute) }
        return .stop
    }

    // MARK: the walk

    mutating func execute() -> FlowTrace {
        let start = startStep()
        guard let delivered = walk(start) else { return finish(deliveredBack: nil) }
        direction = .return
        let reply = delivered.1.reversed
        let back: Step
        switch delivered.0 {
        case .nic(let w, let address):
            if let host = t.workloads[w].hostedOn, t.workloads[w].onKubenet {
                back = .send(subnet: t.workloads[host].subnet, sender: .nic(host, t.workloads[host].addresses[0]), packet: reply)
                _ = address
            } else {
                back = .send(subnet: t.workloads[w].subnet, sender: .nic(w, address), packet: reply)
            }
        case .internetHost:
            record(Hop(direction: direction, node: delivered.0, packet: reply))
            back = .internet(reply)
        case .onPremises(let n):
            record(Hop(direction: direction, node: delivered.0, packet: reply))
            back = .onPremises(n, reply)
        default: back = .stop
        }
        return finish(deliveredBack: walk(back))
    }

    /// The first step of the forward leg.
    mutating func startStep() -> Step {
        let packet = Packet(
            source: flow.from.address, sourcePort: flow.sourcePort, destination: flow.to.address, destinationPort: flow.port,
            protocolType: flow.protocolType)
        switch flow.from {
        case .internet(let address):
            record(Hop(direction: direction, node: .internetHost(address), packet: packet))
            return .internet(packet)
        case .onPremises(let n, _):
            record(Hop(direction: direction, node: .onPremises(n), packet: packet))
            return .onPremises(n, packet)
        case .workload(let w, let address):
            let workload = t.workloads[w]
            if workload.kind == .privateEndpoint {
                return dropHere(.nic(workload: w, address: address), packet, .unsupportedConfig, .privateEndpointInitiates(workload: w))
            }
            if let host = workload.hostedOn, let node = masqueradeAddress(pod: w, destination: packet.destination) {
                // ip-masq-agent: pod traffic to destinations outside the cluster network leaves with the node address.
                var hop = Hop(direction: direction, node: .nic(workload: w, address: address), packet: packet)
                var masq = packet
                masq.source = node
                hop.rewrites = [
                    Rewrite(
                        field: .source, kind: .snat, beforeAddress: address, beforePort: packet.sourcePort, afterAddress: node,
                        afterPort: packet.sourcePort)
                ]
                hop.session = SessionEvent(device: .nic(workload: host, address: node), kind: .created)
                hop.note = .podMasquerade(pod: w, nodeAddress: node, kubenet: workload.onKubenet)
                record(hop)
                sessions.open(Session(device: .nic(workload: host, address: node), original: packet, translated: masq, stateful: false))
                return .send(subnet: t.workloads[host].subnet, sender: .nic(host, node), packet: masq)
            }
            return .send(subnet: workload.subnet, sender: .nic(w, address), packet: packet)
        case .publicAddress, .privateAddress:
            return dropHere(.internet, packet, .noRoute, .flowStartsAtDevice)
        }
    }

    /// Runs steps until delivery or a drop; returns where the packet was delivered.
    mutating func walk(_ first: Step) -> (Node, Packet)? {
        var step = first
        while true {
            switch step {
            case .stop: return nil
            case .delivered(let node, let packet):
                var hop = Hop(direction: direction, node: node, packet: packet)
                hop.outcome = .delivered
                append(hop)
                return (node, packet)
            case .send(let subnet, let sender, let packet): step = send(subnet: subnet, sender: sender, packet: packet)
            case .internet(let packet): step = arriveInternet(packet)
            case .onPremises(let n, let packet): step = arriveOnPremises(n, packet)
            case .fromOnPremises(let g, let packet):
                guard record(Hop(direction: direction, node: .vnetGateway(g), packet: packet, note: .gatewayForwardsIntoVNet(gateway: g)))
                else { return nil }
                step = .send(subnet: t.gateways[g].subnet, sender: .gateway(g), packet: packet)
            case .toGateway(let g, let packet, let route): step = toGateway(g, packet, route: route)
            case .privateAddress(let vnet, let packet): step = arrivePrivate(vnet: vnet, packet)
            case .nic(let w, let address, let packet, let via): step = arriveNIC(w, address, packet, via: via)
            case .firewallPrivate(let f, let instance, let packet): step = arriveFirewallPrivate(f, instance: instance, packet)
            case .firewallPublic(let f, let packet): step = arriveFirewallPublic(f, packet)
            case .loadBalancer(let lb, let fe, let packet, let asNextHop): step = arriveLoadBalancer(lb, fe, packet, asNextHop: asNextHop)
            case .appGateway(let g, let fe, let instance, let packet): step = arriveAppGateway(g, frontend: fe, instance: instance, packet)
            }
        }
    }

    // MARK: helpers

    /// The node address a pod's packet is masqueraded to, or nil when it keeps the pod address: kubenet keeps it only
    /// inside the pod CIDR, Azure CNI inside the VNet (AKS ip-masq-agent defaults; docs/semantics-notes.md).
    func masqueradeAddress(pod w: Int, destination: IPv4Address) -> IPv4Address? {
        let pod = t.workloads[w]
        guard pod.kind == .pod, let host = pod.hostedOn, let cluster = pod.cluster.map({ t.clusters[$0] }) else { return nil }
        if pod.onKubenet {
            if cluster.podCidr?.contains(destination) ?? false { return nil }
        } else if t.vnets[t.subnets[pod.subnet].vnet].contains(destination) {
            return nil
        }
        return t.workloads[host].addresses[0]
    }

    func isHostNAT(_ device: Device) -> Bool {
        switch device {
        case .loadBalancerHost, .instancePublicIP: return true
        default: return false
        }
    }

    func isOutboundNAT(_ device: Device) -> Bool {
        switch device {
        case .natGateway, .loadBalancerOutbound, .instancePublicIP, .defaultOutbound: return true
        default: return false
        }
    }

}

extension Device {
    /// Whether a reply that misses this device's session is dropped (M2, M3).
    var isStateful: Bool {
        switch self {
        case .firewall, .natGateway, .appGateway, .onPremisesEdge: return true
        case .nic, .loadBalancerHost, .loadBalancerOutbound, .instancePublicIP, .defaultOutbound: return false
        }
    }
}
