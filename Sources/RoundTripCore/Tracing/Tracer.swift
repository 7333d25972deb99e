/// Traces flows hop by hop, forward and back, through every device's documented behaviour.
///
/// A `Tracer` is a value over an immutable ``Topology``; each call to ``trace(_:)`` keeps its own state, so one tracer
/// serves many threads.
public struct Tracer: Sendable {
    /// The topology traced over.
    public let topology: Topology

    /// Creates a tracer.
    public init(_ topology: Topology) { self.topology = topology }

    /// Traces flow number `index` of the topology.
    public func trace(flowAt index: Int) -> FlowTrace {
        var result = trace(topology.flows[index])
        result.flowIndex = index
        return result
    }

    /// Traces a flow's round trip: forward from its source to where it is delivered, then the reply back.
    ///
    /// - Parameter backend: when set, load balancers and App Gateways on the forward path hand the flow to this
    ///   backend address (if it is in their pool) instead of the one their hash picks; exhaustive checks use it to
    ///   visit every backend.
    public func trace(_ flow: Flow, backend: IPv4Address? = nil) -> FlowTrace {
        var run = TraceRun(topology: topology, flow: flow)
        run.forcedBackend = backend
        return run.execute()
    }
}

/// A session at a stateful or translating device.
struct Session {
    var device: Device
    /// Header as it arrived at the device (forward direction).
    var original: Packet
    /// Header as it left the device.
    var translated: Packet
    var matched = false
    /// Whether a missing reply is a drop (stateful devices).
    var stateful: Bool
    /// The load balancer that handed the forward packet to this device (HA-ports symmetry, L9).
    var viaLoadBalancer: Int?
    /// The route that sent the forward packet to this device.
    var routeToDevice: Decision?
}

/// Who is sending a packet out of a subnet.
enum Sender: Hashable {
    case nic(Int, IPv4Address)
    case firewall(Int, Int)
    case appGateway(Int, Int)
    case gateway(Int)

    var node: Node {
        switch self {
        case .nic(let w, let a): return .nic(workload: w, address: a)
        case .firewall(let f, let i): return .firewall(firewall: f, instance: i)
        case .appGateway(let g, let i): return .appGateway(gateway: g, instance: i)
        case .gateway(let g): return .vnetGateway(g)
        }
    }
}

/// The next thing to do with a packet.
enum Step {
    case send(subnet: Int, sender: Sender, packet: Packet)
    case internet(Packet)
    case onPremises(Int, Packet)
    case fromOnPremises(gateway: Int, Packet)
    case toGateway(gateway: Int, Packet, route: Decision?)
    case privateAddress(vnet: Int, Packet)
    case nic(workload: Int, address: IPv4Address, Packet, viaLoadBalancer: Int?)
    case firewallPrivate(firewall: Int, instance: Int?, Packet)
    case firewallPublic(firewall: Int, Packet)
    case loadBalancer(lb: Int, frontend: Int, Packet, asNextHop: Bool)
    case appGateway(gateway: Int, frontend: Int?, instance: Int?, Packet)
    case delivered(Node, Packet)
    case stop
}

/// A drop: where, why, which verdict.
struct Drop {
    var verdict: Verdict
    var node: Node
    var reason: TraceReason
    var cause: Decision?
}

/// The mutable state of one round trip.
struct TraceRun {
    let t: Topology
    let flow: Flow
    var direction = Hop.Direction.forward
    var forward: [Hop] = []
    var reverse: [Hop] = []
    var sessions: [Session] = []
    var warnings: [TraceReason] = []
    var touchedSubnets = Set<Int>()
    /// Firewalls whose rules were evaluated (exhaustive checks split client classes at their rule boundaries).
    var touchedFirewalls = Set<Int>()
    /// The backend to pick in pools on the forward path, when an exhaustive check visits each backend.
    var forcedBackend: IPv4Address?
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
                sessions.append(Session(device: .nic(workload: host, address: node), original: packet, translated: masq, stateful: false))
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

    // MARK: routing out of a subnet

    /// Sends a packet out of a subnet: host NAT for inbound replies, route lookup (M1), then the next hop.
    mutating func send(subnet: Int, sender: Sender, packet: Packet) -> Step {
        touchedSubnets.insert(subnet)
        let routes = t.effectiveRoutes[subnet]
        guard let index = routes.lookup(packet.destination) else {
            return dropHere(sender.node, packet, .noRoute, .noMatchingRoute(subnet: subnet, destination: packet.destination))
        }
        let route = routes.routes[index]
        let decision = Decision.route(subnet: subnet, index: index)
        var hop = Hop(direction: direction, node: sender.node, packet: packet, decision: decision)
        var out = packet

        // Replies of inbound flows are restored at the host only on Azure's own path (L2, N5).
        if case .nic = sender {
            if let s = sessions.firstIndex(where: { isHostNAT($0.device) && $0.translated.reversed == packet }) {
                let rewritten = sessions[s].original.destination != sessions[s].translated.destination
                if route.nextHopType == .virtualAppliance && t.options.loadBalancerReplyTranslation == .azurePath {
                    hop.note =
                        rewritten
                        ? .replyNotRestored(original: sessions[s].original.destination, device: sessions[s].device)
                        : .floatingIPReplyToAppliance(device: sessions[s].device)
                } else if !rewritten {
                    sessions[s].matched = true
                } else {
                    sessions[s].matched = true
                    let restored = sessions[s].original.reversed
                    hop.rewrites.append(
                        Rewrite(
                            field: .source, kind: .unDnat, beforeAddress: out.source, beforePort: out.sourcePort,
                            afterAddress: restored.source, afterPort: restored.sourcePort))
                    hop.session = SessionEvent(device: sessions[s].device, kind: .matched)
                    out = restored
                }
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
        var candidates: [(Int, Int?)] = [(vnet, nil)]
        for (p, peering) in t.peerings.enumerated() where peering.from == vnet && peering.reverse != nil {
            candidates.append((peering.to, p))
        }
        for (target, peering) in candidates {
            guard let owner = t.privateOwners[VNetAddress(vnet: target, address: ip)] else { continue }
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
        return dropHere(
            sender.node, packet, .noRoute,
            .nextHopUnreachable(address: ip, route: decision, vnet: vnet),
            decision: decision)
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
        switch t.privateOwners[VNetAddress(vnet: vnet, address: packet.destination)] {
        case .nic(let w): return .nic(workload: w, address: packet.destination, packet, viaLoadBalancer: nil)
        case .loadBalancerFrontend(let lb, let fe): return .loadBalancer(lb: lb, frontend: fe, packet, asNextHop: false)
        case .firewallFrontend(let f): return .firewallPrivate(firewall: f, instance: nil, packet)
        case .firewallInstance(let f, let i): return .firewallPrivate(firewall: f, instance: i, packet)
        case .appGatewayFrontend(let g, let fe): return .appGateway(gateway: g, frontend: fe, instance: nil, packet)
        case .appGatewayInstance(let g, let i): return .appGateway(gateway: g, frontend: nil, instance: i, packet)
        case nil:
            if let pod = t.podsByAddress[packet.destination], let host = t.workloads[pod].hostedOn {
                return .nic(workload: host, address: t.workloads[host].addresses[0], packet, viaLoadBalancer: nil)
            }
            return dropHere(.vnet(vnet), packet, .noRoute, .noOwnerInVNet(vnet: vnet, destination: packet.destination))
        }
    }

    // MARK: Internet, on-premises, gateways

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
            if let c = workload.cluster, t.clusters[c].outboundType == .block {
                return dropHere(
                    sender.node, packet, .denied, .clusterOutboundBlocked(cluster: c),
                    decision: decision)
            }
            let sub = t.subnets[workload.subnet]
            var device: Device
            var translatedAddress: IPv4Address
            var via: Decision
            var candidates: [IPv4Address]
            if let n = sub.natGateway {
                device = .natGateway(n)
                candidates = t.natGateways[n].addresses
                translatedAddress = candidates[0]
                via = .natGateway(n)
            } else if let pip = workload.publicIP {
                device = .instancePublicIP(workload: w)
                translatedAddress = t.publicIPs[pip].prefix.network
                candidates = [translatedAddress]
                via = .instancePublicIP(workload: w)
            } else if let (lb, rule) = t.outboundRule(containing: address) {
                let fes = t.loadBalancers[lb].outboundRules[rule].frontends
                device = .loadBalancerOutbound(lb: lb, frontend: fes[0])
                candidates = fes.map { t.loadBalancers[lb].frontends[$0].address }
                translatedAddress = candidates[0]
                via = .outboundRule(lb: lb, rule: rule)
            } else if sub.defaultOutboundAccess && !(workload.cluster.map { t.clusters[$0].outboundType == .none } ?? false) {
                device = .defaultOutbound(subnet: workload.subnet)
                translatedAddress = IPv4Address(192, 0, 2, 1)
                candidates = []
                via = .defaultOutboundAccess(subnet: workload.subnet)
                let warning = TraceReason.defaultOutboundAccess(workload: w)
                if !warnings.contains(warning) { warnings.append(warning) }
            } else {
                return dropHere(
                    sender.node, packet, .noRoute,
                    .noOutboundPath(workload: w, subnet: workload.subnet),
                    decision: decision)
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
            sessions.append(Session(device: device, original: packet, translated: out, stateful: device.isStateful))
            if direction == .forward { egress = candidates.isEmpty ? [translatedAddress] : candidates }
            return .internet(out)
        }
    }

    func isPublicIPOwned(_ address: IPv4Address) -> Bool { t.publicOwners[address] != nil }

    /// A packet on the Internet: delivered to the public address's owner, to the client, or to an Internet host.
    mutating func arriveInternet(_ packet: Packet) -> Step {
        if let owner = t.publicOwners[packet.destination] {
            // Replies to SNATed outbound flows come back to the translating device.
            if let s = sessions.firstIndex(where: { isOutboundNAT($0.device) && $0.translated.reversed == packet }) {
                sessions[s].matched = true
                let restored = sessions[s].original.reversed
                var hop = Hop(direction: direction, node: t.node(of: sessions[s].device), packet: packet, decision: .session)
                hop.rewrites = [
                    Rewrite(
                        field: .destination, kind: .unSnat, beforeAddress: packet.destination, beforePort: packet.destinationPort,
                        afterAddress: restored.destination, afterPort: restored.destinationPort)
                ]
                hop.session = SessionEvent(device: sessions[s].device, kind: .matched)
                guard record(hop) else { return .stop }
                return deliverToAddress(restored)
            }
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
                sessions.append(Session(device: .instancePublicIP(workload: w), original: packet, translated: out, stateful: false))
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
        for v in t.vnets.indices {
            if case .nic(let w) = t.privateOwners[VNetAddress(vnet: v, address: packet.destination)] {
                return .nic(workload: w, address: packet.destination, packet, viaLoadBalancer: nil)
            }
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
        let advertised = t.vnets(advertisedBy: gateway)
        if advertised.contains(where: { t.vnets[$0].contains(packet.destination) }) {
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
            if let s = sessions.firstIndex(where: { $0.device == device && $0.translated.reversed == packet }) {
                sessions[s].matched = true
                guard
                    record(
                        Hop(
                            direction: direction, node: .onPremisesEdge(n), packet: packet, decision: .session,
                            session: SessionEvent(device: device, kind: .matched)))
                else { return .stop }
                return .delivered(.onPremises(n), packet)
            }
            if direction == .return {
                return dropHere(
                    .onPremisesEdge(n), packet, .asymmetric,
                    .onPremisesEdgeNoSession(network: n),
                    session: SessionEvent(device: device, kind: .missing))
            }
            guard
                record(
                    Hop(
                        direction: direction, node: .onPremisesEdge(n), packet: packet,
                        session: SessionEvent(device: device, kind: .created),
                        note: .forcedTunnelEgress(network: n)))
            else { return .stop }
            sessions.append(Session(device: device, original: packet, translated: packet, stateful: true, routeToDevice: lastRoute))
            return .delivered(.internetHost(packet.destination), packet)
        }
        return dropHere(.onPremises(n), packet, .noRoute, .onPremisesNoRoute(network: n, destination: packet.destination))
    }

    /// A packet handed to a gateway by a route: on to the on-premises network that holds the destination.
    mutating func toGateway(_ g: Int, _ packet: Packet, route: Decision?) -> Step {
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
