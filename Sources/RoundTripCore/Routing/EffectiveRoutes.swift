/// Computes a subnet's effective routes (azure-semantics §2–3).
public enum EffectiveRoutes {
    /// The effective routes of a subnet: system routes (R1, R2, R2b), peering routes (R5, P1), gateway routes
    /// (R5, R14, R17), user-defined routes (R7), with identical-prefix ties resolved (R13a, R19).
    public static func compute(for subnetIndex: Int, in topology: Topology) -> SubnetRoutes {
        let subnet = topology.subnets[subnetIndex]
        let vnet = topology.vnets[subnet.vnet]
        let table = subnet.routeTable.map { topology.routeTables[$0] }
        var routes: [EffectiveRoute] = []

        // R1: the VNet's own ranges.
        for range in vnet.addressSpace {
            routes.append(.init(source: .default, state: .active, prefix: range, nextHopType: .vnetLocal, origin: .vnetAddressSpace))
        }
        routes.append(.init(source: .default, state: .active, prefix: .any, nextHopType: .internet, origin: .defaultInternet))
        // R2: reserved None routes, removed when a VNet range equals or contains them; R2b: removed by a 0/0 UDR.
        let hasDefaultUDR = table?.routes.contains { $0.prefixes.contains(.any) } ?? false
        if !hasDefaultUDR {
            for reserved in IPv4Prefix.ianaPrivateRanges where !vnet.addressSpace.contains(where: { $0.contains(reserved) }) {
                routes.append(.init(source: .default, state: .active, prefix: reserved, nextHopType: .none, origin: .reservedNone))
            }
        }
        // R5/P1: peering routes, only once both directions exist.
        for (p, peer) in topology.peerGraph.connectedPeers[subnet.vnet] {
            for range in topology.vnets[peer].addressSpace {
                routes.append(.init(source: .default, state: .active, prefix: range, nextHopType: .vnetPeering, origin: .peering(p)))
            }
        }
        // R5/R14/R17: gateway routes, unless the table disables propagation.
        if !(table?.disableBgpRoutePropagation ?? false) {
            for gateway in topology.gateways(reachableFrom: subnet.vnet) {
                for (n, network) in topology.onPremises.enumerated() where network.gateway == gateway {
                    var prefixes = network.addressPrefixes
                    if network.forcedTunnelDefaultRoute { prefixes.append(.any) }
                    for prefix in prefixes {
                        routes.append(
                            .init(
                                source: .virtualNetworkGateway, state: .active, prefix: prefix, nextHopType: .virtualNetworkGateway,
                                origin: .gateway(gateway: gateway, onPremises: n)))
                    }
                }
            }
        }
        // PE1: every private endpoint's /32, in its own VNet and in directly connected peers (not transitive).
        var endpointRoutes: [Int] = []
        for v in [subnet.vnet] + topology.peerGraph.connectedPeers[subnet.vnet].map(\.vnet) {
            for w in topology.privateEndpoints[v] {
                for address in topology.workloads[w].addresses {
                    endpointRoutes.append(routes.count)
                    routes.append(
                        .init(
                            source: .default, state: .active, prefix: IPv4Prefix(host: address), nextHopType: .interfaceEndpoint,
                            origin: .privateEndpoint(workload: w, vnet: v)))
                }
            }
        }
        // R7: user-defined routes.
        if let tableIndex = subnet.routeTable, let table {
            for (r, route) in table.routes.enumerated() {
                for prefix in route.prefixes {
                    routes.append(
                        .init(
                            source: .user, state: .active, prefix: prefix, nextHopType: route.nextHopType, nextHopIP: route.nextHopIP,
                            origin: .user(table: tableIndex, route: r), serviceTag: route.serviceTag))
                }
            }
        }
        // PE5: with the route-table policy on the endpoint's subnet, a UDR that contains the endpoint and is no wider than
        // the endpoint VNet's range invalidates the /32 (an identical /32 UDR wins by R19 anyway).
        for i in endpointRoutes {
            guard case .privateEndpoint(let w, let v) = routes[i].origin,
                topology.subnets[topology.workloads[w].subnet].privateEndpointNetworkPolicies.routeTable
            else { continue }
            let address = routes[i].prefix.network
            let vnetLength = topology.vnets[v].addressSpace.first { $0.contains(address) }?.length ?? 0
            if let udr = routes.first(where: {
                $0.source == .user && $0.prefix.contains(address) && $0.prefix.length >= vnetLength && $0.prefix.length < 32
            }) {
                routes[i].state = .invalid
                routes[i].invalidReason = "invalidated by User route \(udr.prefix) → \(udr.nextHopType.rawValue) (route-table policy, PE5)"
            }
        }
        // R19 (+R13a among UDRs): on identical prefixes one route stays active.
        var winners: [IPv4Prefix: Int] = [:]
        for i in routes.indices {
            guard let w = winners[routes[i].prefix] else { winners[routes[i].prefix] = i; continue }
            if beats(routes[i], routes[w]) {
                winners[routes[i].prefix] = i
            }
        }
        for i in routes.indices {
            // Every prefix has a winner: the loop above records one for each route's prefix.
            guard let w = winners[routes[i].prefix], w != i else { continue }
            let winner = routes[w]
            routes[i].state = .invalid
            routes[i].invalidReason = "overridden by \(winner.source.rawValue) route \(winner.prefix) → \(winner.nextHopType.rawValue)"
        }
        // Display order: by source as Azure lists them, then prefix.
        let ordered = routes.enumerated().sorted { a, b in
            (a.element.source.rank * -1, a.element.prefix, a.offset) < (b.element.source.rank * -1, b.element.prefix, b.offset)
        }.map(\.element)
        return SubnetRoutes(routes: ordered)
    }

    /// Whether `a` wins over `b` on an identical prefix: User > BGP > System (R19); among UDRs an explicit prefix beats
    /// a service tag, and tags rank regional > top-level > AzureCloud.<region> > AzureCloud (R13a); otherwise the
    /// first declared stays.
    static func beats(_ a: EffectiveRoute, _ b: EffectiveRoute) -> Bool {
        if a.source.rank != b.source.rank { return a.source.rank < b.source.rank }
        guard a.source == .user else { return false }
        switch (a.serviceTag, b.serviceTag) {
        case (nil, .some): return true
        case (.some(let ta), .some(let tb)): return ServiceTagTable.rank(ta) < ServiceTagTable.rank(tb)
        default: return false
        }
    }

}
