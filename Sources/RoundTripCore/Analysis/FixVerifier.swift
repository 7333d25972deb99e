/// A change to a design that RoundTrip can apply to a copy and re-trace.
public struct DesignChange: Sendable {
    /// What changes.
    public enum Kind: Sendable {
        /// Add a route to the route table of a subnet (`VNET/SUBNET`); a new table when it has none. With
        /// `disablePropagation`, the table also stops gateway routes.
        case addRoute(subnet: String, route: RouteSpec, disablePropagation: Bool)
        /// Set `allowForwardedTraffic: true` on a peering.
        case allowForwardedTraffic(peering: String)
    }

    /// Text to insert into the design file: before `line` (1-based), a whole line.
    public struct Insertion: Sendable, Hashable {
        /// The design file.
        public var file: String
        /// The line the text goes before.
        public var line: Int
        /// The text, ending in a newline.
        public var text: String
    }

    /// What changes.
    public var kind: Kind
    /// Where the change can be written into the design file, when it is a line RoundTrip can place.
    public var insertion: Insertion?

    /// The design with the change applied.
    func applied(to design: Design) -> Design {
        var d = design
        switch kind {
        case .addRoute(let subnet, let route, let disablePropagation):
            let parts = subnet.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, let v = d.virtualNetworks.firstIndex(where: { $0.name == parts[0] }),
                let s = d.virtualNetworks[v].subnets.firstIndex(where: { $0.name == parts[1] })
            else { return d }
            let tableName: String
            if let existing = d.virtualNetworks[v].subnets[s].routeTable {
                tableName = existing
            } else {
                tableName = "roundtrip-fix-\(parts[0])-\(parts[1])"
                d.routeTables.append(RouteTableSpec(name: tableName, source: route.source))
                d.virtualNetworks[v].subnets[s].routeTable = tableName
            }
            guard let t = d.routeTables.firstIndex(where: { $0.name == tableName }) else { return d }
            d.routeTables[t].routes.append(route)
            if disablePropagation { d.routeTables[t].disableBgpRoutePropagation = true }
        case .allowForwardedTraffic(let peering):
            for i in d.virtualNetworkPeerings.indices where d.virtualNetworkPeerings[i].name == peering {
                d.virtualNetworkPeerings[i].allowForwardedTraffic = true
            }
        }
        return d
    }
}

/// Proposes a design change for a failing flow (the route and peering fixes ``Remedy`` describes) and keeps it only
/// if applying it to a copy of the design makes the flow symmetric.
public enum FixVerifier {
    /// The change behind ``Remedy``'s text for this trace, when it is one RoundTrip can apply.
    public static func change(for trace: FlowTrace, flow: Flow, in t: Topology, design: Design) -> DesignChange? {
        guard let node = trace.droppedAt else { return nil }
        let causeRoute = trace.cause.flatMap { decision -> (Int, EffectiveRoute)? in
            if case .route(let s, let i) = decision { return (s, t.effectiveRoutes[s].routes[i]) }
            return nil
        }
        let here = SourceMap(element: SourceLocation(file: "roundtrip-fix", line: 0, column: 0))
        func route(_ name: String, _ prefix: IPv4Prefix, _ hop: NextHopType, _ ip: IPv4Address? = nil) -> RouteSpec {
            RouteSpec(name: name, addressPrefix: .prefix(prefix), nextHopType: hop, nextHopIpAddress: ip, source: here)
        }
        func addRoute(_ subnet: Int, _ r: RouteSpec, disable: Bool = false) -> DesignChange {
            let name = t.subnets[subnet].qualifiedName
            return DesignChange(
                kind: .addRoute(subnet: name, route: r, disablePropagation: disable), insertion: insertion(r, subnet: subnet, in: t))
        }
        switch (trace.verdict, node) {
        case (.asymmetric, .firewall(let f, _)):
            let fw = t.firewalls[f]
            if let (subnet, cause) = causeRoute, cause.source == .virtualNetworkGateway {
                return addRoute(subnet, route("default-to-firewall", .any, .virtualAppliance, fw.privateIP), disable: true)
            }
            guard let pip = fw.publicAddresses.first, trace.reverse.last?.packet.destination == pip,
                trace.reverse.contains(where: { if case .route = $0.decision { return true } else { return false } }),
                let (subnet, _) = causeRoute
            else { return nil }
            return addRoute(subnet, route("firewall-public-ip-to-internet", IPv4Prefix(host: pip), .internet))
        case (.asymmetric, .onPremisesEdge):
            guard !t.firewalls.contains(where: \.forcedTunneling), let (subnet, _) = causeRoute else { return nil }
            return addRoute(subnet, route("firewall-to-internet", .any, .internet))
        case (.noRoute, .nic(let w, _)):
            guard let (_, cause) = causeRoute, cause.origin == .reservedNone,
                let fw = trace.forward.compactMap({ hop -> Firewall? in
                    if case .firewall(let f, _) = hop.node { return t.firewalls[f] } else { return nil }
                }).first
            else { return nil }
            return addRoute(
                t.workloads[w].subnet, route("default-to-firewall", .any, .virtualAppliance, fw.privateIP), disable: true)
        case (.denied, .peering(let p)):
            return DesignChange(kind: .allowForwardedTraffic(peering: t.peerings[p].name), insertion: nil)
        default:
            return nil
        }
    }

    /// A YAML line for a route added to a subnet's existing, non-empty table: a list item placed before its last
    /// route, at the same indentation.
    static func insertion(_ route: RouteSpec, subnet: Int, in t: Topology) -> DesignChange.Insertion? {
        guard let table = t.subnets[subnet].routeTable, let last = t.routeTables[table].routes.last else { return nil }
        let at = last.source.element
        guard at.file.hasSuffix(".yaml") || at.file.hasSuffix(".yml"), at.line > 0, at.column > 2 else { return nil }
        guard case .prefix(let prefix) = route.addressPrefix else { return nil }
        let hop = route.nextHopIpAddress.map { ", nextHopIpAddress: \($0)" } ?? ""
        let text =
            String(repeating: " ", count: at.column - 3)
            + "- { name: \(route.name), addressPrefix: \(prefix), nextHopType: \(route.nextHopType.rawValue)\(hop) }\n"
        return DesignChange.Insertion(file: at.file, line: at.line, text: text)
    }

    /// Whether the flow named `flow` is symmetric once `change` is applied to a copy of `design`.
    public static func verify(
        _ change: DesignChange, flow: String, design: Design, serviceTags: ServiceTagTable?
    ) -> Bool {
        guard let topology = try? Topology.compile(change.applied(to: design), serviceTags: serviceTags),
            let index = topology.flows.firstIndex(where: { $0.name == flow })
        else { return false }
        return Tracer(topology).trace(flowAt: index).verdict == .symmetric
    }
}

extension CheckReport {
    /// The report with every proposed fix checked: a change RoundTrip can apply is applied to a copy of `design` and
    /// the flow re-traced; it is kept (verified) only if the flow then passes, and dropped otherwise. Fixes it cannot
    /// apply stay hints.
    public func verifyingFixes(design: Design, serviceTags: ServiceTagTable? = nil) -> CheckReport {
        var report = self
        for r in results where r.trace.verdict != .symmetric {
            guard let change = FixVerifier.change(for: r.trace, flow: r.flow, in: topology, design: design) else { continue }
            if FixVerifier.verify(change, flow: r.flow.name, design: design, serviceTags: serviceTags) {
                report.verifiedFixes[r.flow.name] = change
            } else {
                report.rejectedFixes.insert(r.flow.name)
            }
        }
        return report
    }
}
