/// One row of a subnet's effective routes, as Azure's effective-routes view shows it.
public struct EffectiveRoute: Sendable, Hashable {
    /// Who created the route.
    public enum Source: String, Sendable, Hashable {
        /// A system route (VNet, Internet, reserved None, peering).
        case `default` = "Default"
        /// Learned from a VPN/ExpressRoute gateway (BGP or local network gateway).
        case virtualNetworkGateway = "VirtualNetworkGateway"
        /// A user-defined route.
        case user = "User"

        /// Tie-break rank on identical prefixes (R19): lower wins.
        var rank: Int {
            switch self {
            case .user: return 0
            case .virtualNetworkGateway: return 1
            case .default: return 2
            }
        }
    }

    /// Whether the route takes part in lookups.
    public enum State: String, Sendable, Hashable {
        case active = "Active"
        case invalid = "Invalid"
    }

    /// Where the route comes from, precisely enough to point at it.
    public enum Origin: Sendable, Hashable {
        /// The VNet's own address range.
        case vnetAddressSpace
        /// The system 0.0.0.0/0 → Internet route.
        case defaultInternet
        /// A reserved-range None route (R1).
        case reservedNone
        /// A peering's route to the remote VNet's range.
        case peering(Int)
        /// A prefix an on-premises network advertises through a gateway.
        case gateway(gateway: Int, onPremises: Int)
        /// A user-defined route: table and route index.
        case user(table: Int, route: Int)
        /// A private endpoint's /32 route (PE1): the endpoint's workload and its VNet.
        case privateEndpoint(workload: Int, vnet: Int)
    }

    /// Source column.
    public var source: Source
    /// State column.
    public var state: State
    /// Address prefix.
    public var prefix: IPv4Prefix
    /// Next-hop type.
    public var nextHopType: NextHopType
    /// Next-hop IP (VirtualAppliance).
    public var nextHopIP: IPv4Address?
    /// Origin.
    public var origin: Origin
    /// Service tag for a tag route.
    public var serviceTag: String?
    /// Why an invalid route lost (the winning route's description).
    public var invalidReason: String?

    /// Whether the route is a system route for the VNet itself or a peering (R20 exception).
    var isVNetOrPeering: Bool {
        switch origin {
        case .vnetAddressSpace, .peering: return true
        default: return false
        }
    }
}

/// The effective routes of one subnet, with the active ones arranged for longest-prefix lookup.
public struct SubnetRoutes: Sendable {
    /// Every route, active and invalid, in display order.
    public var routes: [EffectiveRoute]
    /// Indexes of active routes, longest prefix first.
    @usableFromInline var lookupOrder: [Int]
    /// Indexes of active VNet/peering system routes (R20).
    @usableFromInline var vnetRoutes: [Int]
    /// `lookupOrder` indexed by prefix (a hub peered with thousands of spokes has thousands of routes).
    @usableFromInline var lookupTable: PrefixTable
    /// `vnetRoutes` indexed by prefix.
    @usableFromInline var vnetTable: PrefixTable
    /// Indexes of active user-defined routes, in display order (few, while system routes can number thousands).
    var activeUserRoutes: [Int]

    init(routes: [EffectiveRoute]) {
        self.routes = routes
        let lookupOrder = routes.indices.filter { routes[$0].state == .active }
            .sorted { a, b in
                routes[a].prefix.length != routes[b].prefix.length ? routes[a].prefix.length > routes[b].prefix.length : a < b
            }
        let vnetRoutes = lookupOrder.filter { routes[$0].isVNetOrPeering }
        self.lookupOrder = lookupOrder
        self.vnetRoutes = vnetRoutes
        lookupTable = PrefixTable(order: lookupOrder) { routes[$0].prefix }
        vnetTable = PrefixTable(order: vnetRoutes) { routes[$0].prefix }
        activeUserRoutes = routes.indices.filter { routes[$0].source == .user && routes[$0].state == .active }
    }

    /// The index of the route that carries `destination`: longest prefix match among active routes (R18; ties were
    /// settled when the table was built, R19), except that VNet and peering system routes win over any BGP route
    /// (R20). Allocation-free.
    @inlinable public func lookup(_ destination: IPv4Address) -> Int? {
        guard let index = lookupTable.first(containing: destination, prefixes: { routes[$0].prefix }) else { return nil }
        if routes[index].source == .virtualNetworkGateway,
            let v = vnetTable.first(containing: destination, prefixes: { routes[$0].prefix })
        {
            return v
        }
        return index
    }

    /// The route that would carry `destination` if the subnet had no user-defined routes (a private endpoint's
    /// replies, PE8): longest prefix among system and gateway routes, with the R20 exception.
    public func lookupIgnoringUserRoutes(_ destination: IPv4Address) -> Int? {
        var best: Int?
        for (index, route) in routes.enumerated() where route.source != .user && route.prefix.contains(destination) {
            // A system route counts even when a UDR overrode it; one a system route itself overrode does not.
            if route.state == .invalid, route.invalidReason?.hasPrefix("overridden by User") != true { continue }
            guard let b = best else {
                best = index
                continue
            }
            let better =
                route.prefix.length > routes[b].prefix.length
                || (route.prefix.length == routes[b].prefix.length && route.source.rank < routes[b].source.rank)
            if better { best = index }
        }
        if let b = best, routes[b].source == .virtualNetworkGateway,
            let v = vnetTable.first(containing: destination, prefixes: { routes[$0].prefix })
        {
            return v
        }
        return best
    }
}
