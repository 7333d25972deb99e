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
    ///
    /// Without `backend`, a flow through a load balancer, HA-ports pair or App Gateway pool is traced for every member
    /// of the first such pool (§16 D4): the verdict never depends on one hash pick. When members differ, the result is
    /// the first failing member's trace (pool order) with ``FlowTrace/failingMembers`` listing them all.
    public func trace(_ flow: Flow, backend: IPv4Address? = nil) -> FlowTrace {
        var run = TraceRun(topology: topology, flow: flow)
        run.forcedBackend = backend
        let picked = run.execute()
        guard backend == nil, let pool = run.pool, pool.count > 1 else { return picked }
        var failing: [IPv4Address] = []
        var firstFailing: FlowTrace?
        for member in pool {
            var each = TraceRun(topology: topology, flow: flow)
            each.forcedBackend = member
            let trace = each.execute()
            if trace.verdict != .symmetric {
                failing.append(member)
                if firstFailing == nil { firstFailing = trace }
            }
        }
        // §16 D4: the first failing member in pool order decides; when none fails, the hash-picked trace stands.
        var result = firstFailing ?? picked
        result.poolSize = pool.count
        result.failingMembers = failing
        return result
    }
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
