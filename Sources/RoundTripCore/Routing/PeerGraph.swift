/// Which VNets see each other and which gateways they reach: the one answer used by effective routes, the tracer,
/// egress and the compiler.
///
/// Built once per topology from its peerings and gateways (P1, P2).
public struct PeerGraph: Sendable {
    /// Per VNet: its connected peerings (both directions declared, P1) and the VNet across each, in peering order.
    public private(set) var connectedPeers: [[(peering: Int, vnet: Int)]] = []
    /// Per VNet: the gateways whose routes reach it (its own, or a hub's through gateway transit, P2).
    public private(set) var reachableGateways: [[Int]] = []
    /// Per gateway: the VNets whose ranges it advertises to on-premises (its own and those using it remotely).
    public private(set) var advertisedVNets: [Set<Int>] = []
    /// Per gateway: the address ranges of ``advertisedVNets``, longest first, and their lookup table.
    var advertisedRanges: [(prefixes: [IPv4Prefix], table: PrefixTable)] = []

    /// Whether `gateway` advertises a VNet range that holds `address` (constant time per prefix length).
    func advertises(_ address: IPv4Address, gateway: Int) -> Bool {
        let ranges = advertisedRanges[gateway]
        return ranges.table.first(containing: address) { ranges.prefixes[$0] } != nil
    }
    /// The connected peering from one VNet to another, by the pair.
    private var peeringByPair: [PeerPair: Int] = [:]

    /// The connected peering (both directions declared) from `vnet` to `peer`, if any.
    public func peering(from vnet: Int, to peer: Int) -> Int? { peeringByPair[PeerPair(from: vnet, to: peer)] }

    /// An empty graph (a topology still being compiled).
    init() {}

    /// Builds the graph of a topology whose VNets, peerings and gateways are compiled.
    init(_ topology: Topology) {
        connectedPeers = Array(repeating: [], count: topology.vnets.count)
        for (p, peering) in topology.peerings.enumerated() where peering.reverse != nil {
            connectedPeers[peering.from].append((p, peering.to))
            if peeringByPair[PeerPair(from: peering.from, to: peering.to)] == nil {
                peeringByPair[PeerPair(from: peering.from, to: peering.to)] = p
            }
        }
        var ownGateways = Array(repeating: [Int](), count: topology.vnets.count)
        for (g, gateway) in topology.gateways.enumerated() { ownGateways[gateway.vnet].append(g) }
        // Peerings by their local VNet, in declaration order (a hub has one per spoke: no scan of all per VNet).
        var outgoing = Array(repeating: [Int](), count: topology.vnets.count)
        for (p, peering) in topology.peerings.enumerated() { outgoing[peering.from].append(p) }
        reachableGateways = topology.vnets.indices.map { v in
            var result = ownGateways[v]
            for p in outgoing[v] where topology.peerings[p].useRemoteGateways {
                let peering = topology.peerings[p]
                guard let reverse = peering.reverse, topology.peerings[reverse].allowGatewayTransit else { continue }
                result += ownGateways[peering.to]
            }
            return result
        }
        advertisedVNets = Array(repeating: [], count: topology.gateways.count)
        for (v, gateways) in reachableGateways.enumerated() {
            for g in gateways { advertisedVNets[g].insert(v) }
        }
        advertisedRanges = advertisedVNets.map { vnets in
            let prefixes = vnets.flatMap { topology.vnets[$0].addressSpace }.sorted { $0.length > $1.length }
            return (prefixes, PrefixTable(order: Array(prefixes.indices)) { prefixes[$0] })
        }
    }
}

/// An ordered pair of VNets.
struct PeerPair: Hashable, Sendable {
    var from: Int
    var to: Int
}
