import Dispatch
import Synchronization

/// The verdict for one entry point and backend, for every client.
public struct EntryPointResult: Sendable {
    /// Clients that share one verdict.
    public struct VerdictClients: Sendable {
        /// The verdict.
        public var verdict: Verdict
        /// Every client address with this verdict.
        public var clients: AddressSpace
        /// The trace of one such client (the lowest address).
        public var example: FlowTrace
        /// The example client.
        public var exampleClient: IPv4Address
    }
    /// The entry point.
    public var entry: EntryPoint
    /// The backend visited (nil for a flow of the design, which keeps its own choice).
    public var backend: IPv4Address?
    /// All clients considered.
    public var universe: AddressSpace
    /// One entry per verdict found, in verdict order.
    public var verdicts: [VerdictClients]
    /// How many client classes were traced.
    public var classCount: Int

    /// The clients whose verdict is in `set`.
    public func clients(with set: Set<Verdict>) -> AddressSpace {
        var space = AddressSpace()
        for v in verdicts where set.contains(v.verdict) { for r in v.clients.intervals { space.insert(r) } }
        return space
    }
}

/// All entry points, every backend, every client.
public struct ExhaustiveReport: Sendable {
    /// One result per entry point and backend, in entry-point order.
    public var results: [EntryPointResult]
    /// Client classes traced in all.
    public var classCount: Int { results.reduce(0) { $0 + $1.classCount } }
}

/// Decides the round-trip verdict for every possible client address, exactly.
///
/// Azure's decisions on a client address are prefix and range tests (routes, firewall rules, on-premises prefixes,
/// VNet ranges), so the client space splits into intervals on which every decision along a path is constant. The
/// verifier traces the lowest address of an interval, then extends the interval up to the next boundary of any
/// route table or rule set the trace consulted: every address in it takes the same path and gets the same verdict.
/// Load balancers and App Gateways are checked once per backend.
public enum ExhaustiveVerifier {
    /// Verifies every entry point of the topology (or the given ones), using every core.
    public static func verify(_ t: Topology, entries: [EntryPoint]? = nil) -> ExhaustiveReport {
        let entries = entries ?? t.entryPoints()
        let index = BoundaryIndex(t)
        let internet = t.internetClients
        var jobs: [(EntryPoint, IPv4Address?)] = []
        for entry in entries {
            if entry.backends.isEmpty { jobs.append((entry, nil)) } else { for b in entry.backends { jobs.append((entry, b)) } }
        }
        let results = ResultSlots<EntryPointResult>(count: jobs.count)
        let work = jobs
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            results.set(i, verify(work[i].0, backend: work[i].1, in: t, index: index, internet: internet))
        }
        return ExhaustiveReport(results: results.values)
    }

    /// Verifies one entry point with one backend.
    static func verify(
        _ entry: EntryPoint, backend: IPv4Address?, in t: Topology, index: BoundaryIndex, internet: AddressSpace
    ) -> EntryPointResult {
        let tracer = Tracer(t)
        var universe: AddressSpace
        switch entry.clients {
        case .internet: universe = internet
        case .onPremises(let n): universe = AddressSpace(t.onPremises[n].addressPrefixes)
        case .fixed(let end): universe = AddressSpace([IPv4Prefix(host: end.address)])
        }
        if let restrict = entry.restrict { universe = universe.subtracting(universe.subtracting(restrict)) }
        var groups: [Verdict: EntryPointResult.VerdictClients] = [:]
        var classes = 0
        for interval in universe.intervals {
            var a = interval.lowerBound
            while a <= interval.upperBound {
                let client = IPv4Address(UInt32(a))
                let trace = tracer.trace(flow(for: entry, client: client, in: t), backend: backend)
                var end = interval.upperBound
                if case .fixed = entry.clients {} else { end = min(end, index.classEnd(from: a, trace: trace)) }
                classes += 1
                let fresh = EntryPointResult.VerdictClients(
                    verdict: trace.verdict, clients: AddressSpace(), example: trace, exampleClient: client)
                groups[trace.verdict, default: fresh].clients.insert(a...end)
                a = end + 1
            }
        }
        // Show the documentation client as the example where it belongs to a group.
        if case .internet = entry.clients {
            let representative = Flow.representativeInternetClient
            for (verdict, group) in groups where group.clients.contains(representative) {
                let trace = tracer.trace(flow(for: entry, client: representative, in: t), backend: backend)
                if trace.verdict == verdict {
                    groups[verdict]?.example = trace
                    groups[verdict]?.exampleClient = representative
                }
            }
        }
        let verdicts = Verdict.allCases.compactMap { groups[$0] }
        return EntryPointResult(entry: entry, backend: backend, universe: universe, verdicts: verdicts, classCount: classes)
    }

    /// The flow an entry point's client opens.
    static func flow(for entry: EntryPoint, client: IPv4Address, in t: Topology) -> Flow {
        let from: FlowEnd
        switch entry.clients {
        case .internet: from = .internet(client)
        case .onPremises(let n): from = .onPremises(network: n, address: client)
        case .fixed(let end): from = end
        }
        if case .flow(let i) = entry.kind {
            var flow = t.flows[i]
            flow.from = from
            return flow
        }
        if case .custom(var flow) = entry.kind {
            flow.from = from
            return flow
        }
        let to: FlowEnd
        if entry.address.isPrivate,
            let v = t.addresses.vnets(owning: entry.address).first
        {
            to = .privateAddress(vnet: v, address: entry.address)
        } else {
            to = .publicAddress(entry.address)
        }
        return Flow.synthesized(
            name: entry.name, fromText: "client", toText: entry.name, from: from, to: to, port: entry.port,
            protocolType: entry.protocolType, source: SourceMap(element: entry.location))
    }
}

/// Where decisions on an address can change: route-table and rule boundaries, precomputed and sorted.
struct BoundaryIndex: Sendable {
    /// Per subnet: the first address of each route prefix and the address after its last.
    var subnets: [[UInt64]]
    /// Per firewall: the same for every rule address range and its SNAT private ranges.
    var firewalls: [[UInt64]]
    /// Design-wide: VNet ranges, on-premises prefixes, reserved ranges, owned addresses, pod addresses.
    var global: [UInt64]
    /// Per NSG: the boundaries of every rule's prefixes and ranges, and its ASGs' member addresses.
    var securityGroups: [[UInt64]]

    init(_ t: Topology) {
        func sorted(_ points: Set<UInt64>) -> [UInt64] { points.sorted() }
        func add(_ p: IPv4Prefix, _ set: inout Set<UInt64>) {
            set.insert(UInt64(p.first.value))
            set.insert(UInt64(p.last.value) + 1)
        }
        subnets = t.effectiveRoutes.indices.map { s in
            var set = Set<UInt64>()
            for r in t.effectiveRoutes[s].routes { add(r.prefix, &set) }
            // NSG tags evaluated at this subnet's NICs: VirtualNetwork and Internet (G10, G11).
            if !t.securityGroups.isEmpty { for p in t.virtualNetworkTag[s] { add(p, &set) } }
            return sorted(set)
        }
        securityGroups = t.securityGroups.map { group in
            var set = Set<UInt64>()
            for rule in group.inbound + group.outbound {
                for side in [rule.sources, rule.destinations] {
                    for r in side.ranges {
                        set.insert(UInt64(r.lower.value))
                        set.insert(UInt64(r.upper.value) + 1)
                    }
                    // ASG members (G14): each member address is its own class.
                    for g in side.groups {
                        for workload in t.workloads where workload.applicationSecurityGroups.contains(g) {
                            for a in workload.addresses { add(IPv4Prefix(host: a), &set) }
                        }
                    }
                }
            }
            return sorted(set)
        }
        firewalls = t.firewalls.map { fw in
            var set = Set<UInt64>()
            func addSet(_ s: AddressSet) {
                for r in s.ranges {
                    set.insert(UInt64(r.lower.value))
                    set.insert(UInt64(r.upper.value) + 1)
                }
            }
            for c in fw.natCollections { for r in c.rules { addSet(r.sources); addSet(r.destinations) } }
            for c in fw.networkCollections { for r in c.rules { addSet(r.sources); addSet(r.destinations) } }
            for c in fw.applicationCollections { for r in c.rules { addSet(r.sources) } }
            for p in fw.snatPrivateRanges { add(p, &set) }
            return sorted(set)
        }
        var set = Set<UInt64>()
        for v in t.vnets { for p in v.addressSpace { add(p, &set) } }
        for n in t.onPremises { for p in n.addressPrefixes { add(p, &set) } }
        for p in IPv4Prefix.ianaPrivateRanges + ClientUniverse.nonInternet { add(p, &set) }
        for a in t.addresses.publicAddresses { add(IPv4Prefix(host: a), &set) }
        for a in t.addresses.privateAddresses { add(IPv4Prefix(host: a), &set) }
        for a in t.addresses.podAddresses { add(IPv4Prefix(host: a), &set) }
        global = sorted(set)
    }

    /// The last address of the class that starts at `a`, for the decisions `trace` made.
    func classEnd(from a: UInt64, trace: FlowTrace) -> UInt64 {
        var end = BoundaryIndex.next(after: a, in: global) - 1
        for s in trace.touchedSubnets { end = min(end, BoundaryIndex.next(after: a, in: subnets[s]) - 1) }
        for f in trace.touchedFirewalls { end = min(end, BoundaryIndex.next(after: a, in: firewalls[f]) - 1) }
        for g in trace.touchedSecurityGroups { end = min(end, BoundaryIndex.next(after: a, in: securityGroups[g]) - 1) }
        return end
    }

    /// The first boundary above `a` (or 2^32 when there is none).
    static func next(after a: UInt64, in points: [UInt64]) -> UInt64 {
        var low = 0
        var high = points.count
        while low < high {
            let mid = (low + high) / 2
            if points[mid] <= a { low = mid + 1 } else { high = mid }
        }
        return low < points.count ? points[low] : 1 << 32
    }
}

/// Fixed slots written once each from concurrent iterations.
final class ResultSlots<Value: Sendable>: Sendable {
    private let storage: Mutex<[Value?]>

    init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ value: Value) { storage.withLock { $0[index] = value } }

    var values: [Value] { storage.withLock { $0.compactMap { $0 } } }
}
