import RoundTripCore

// The JSON of `routes` and `egress` (docs/json-output.md).

struct EffectiveRouteDocument: Encodable {
    var source: String
    var state: String
    var addressPrefix: String
    var nextHopType: String
    var nextHopIP: String?
    var route: String?
    var serviceTag: String?
}

struct RoutesDocument: Encodable {
    var version: Int
    var design: String
    var subnet: String
    var addressPrefix: String
    var routeTable: String?
    var routes: [EffectiveRouteDocument]
}

struct EgressWhatIfDocument: Encodable {
    var changes: [String]
    var workloads: [EgressDocument]
}

struct EgressCommandDocument: Encodable {
    var version: Int
    var design: String
    var workloads: [EgressDocument]
    var whatIf: EgressWhatIfDocument?
}

extension JSONReport {
    /// A subnet's effective routes, as `routes --format json` prints them.
    public static func routes(_ t: Topology, subnet: Int) throws -> String {
        let s = t.subnets[subnet]
        let routes = t.effectiveRoutes[subnet].routes.map { route -> EffectiveRouteDocument in
            var name: String?
            switch route.origin {
            case .user(let table, let r): name = "\(t.routeTables[table].name)/\(t.routeTables[table].routes[r].name)"
            case .peering(let p): name = "peering \(t.peerings[p].name)"
            case .gateway(let g, let n): name = "\(t.gateways[g].name) ← \(t.onPremises[n].name)"
            default: name = nil
            }
            return EffectiveRouteDocument(
                source: route.source.rawValue, state: route.state.rawValue, addressPrefix: route.prefix.description,
                nextHopType: route.nextHopType.rawValue, nextHopIP: route.nextHopIP?.description, route: name,
                serviceTag: route.serviceTag)
        }
        return try encode(
            RoutesDocument(
                version: version, design: t.name, subnet: s.qualifiedName, addressPrefix: s.prefix.description,
                routeTable: s.routeTable.map { t.routeTables[$0].name }, routes: routes))
    }

    /// How workloads reach the Internet, as `egress --format json` prints it; with a what-if, the changed design's too.
    public static func egress(
        _ summaries: [EgressSummary], in t: Topology, whatIf: (changes: [String], summaries: [EgressSummary], topology: Topology)? = nil
    ) throws -> String {
        try encode(
            EgressCommandDocument(
                version: version, design: t.name, workloads: summaries.map { EgressDocument($0, in: t) },
                whatIf: whatIf.map { w in
                    EgressWhatIfDocument(changes: w.changes, workloads: w.summaries.map { EgressDocument($0, in: w.topology) })
                }))
    }
}

struct ExhaustiveCommandDocument: Encodable {
    var version: Int
    var design: String
    var exhaustive: [EntryDocument]
}

extension JSONReport {
    /// An exhaustive verification on its own, as `trace --exhaustive --format json` prints it.
    public static func exhaustive(_ report: ExhaustiveReport, in t: Topology) throws -> String {
        try encode(ExhaustiveCommandDocument(version: version, design: t.name, exhaustive: report.results.map { EntryDocument($0, in: t) }))
    }
}
