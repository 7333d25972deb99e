import Dispatch

/// A compiled assertion: sources, destinations and what every round trip between them must satisfy.
public struct Assertion: Sendable {
    /// Where the assertion's round trips start.
    public enum Source: Sendable {
        /// Internet clients, optionally only those in a range.
        case internet(AddressSpace?)
        /// Clients in an on-premises network, optionally only those in a range.
        case onPremises(Int, AddressSpace?)
        /// Fixed hosts (workload addresses, endpoints).
        case hosts([FlowEnd])
    }
    /// A destination: where to connect, on which port.
    public struct Destination: Sendable {
        /// The resolved destination the round trip connects to.
        public var end: FlowEnd
        /// The destination port.
        public var port: UInt16
        /// The DNS name the client connects by, where the destination has one (for firewall FQDN rules).
        public var fqdn: String?
        /// The destination as shown in results.
        public var label: String
    }
    /// The assertion's name.
    public var name: String
    /// Free text shown with the result.
    public var description: String?
    /// The sources as written in the design.
    public var fromText: String
    /// The destinations as written in the design.
    public var toText: String
    /// The clients whose round trips are checked.
    public var sources: Source
    /// Where those clients connect, each with its port.
    public var destinations: [Destination]
    /// The reverse direction, for bidirectional assertions.
    public var reverse: (sources: Source, destinations: [Destination])?
    /// The transport protocol of the traced round trips.
    public var protocolType: TransportProtocol
    /// The verdict every round trip must have; nil checks only the other conditions.
    public var expect: AssertionSpec.Expectation?
    /// Element name every path must pass, both ways.
    public var through: String?
    /// Public addresses the egress must use.
    public var egressVia: [IPv4Address]?
    /// The required egress as written in the design.
    public var egressViaText: String?
    /// Whether default outbound access is forbidden for the sources.
    public var noDefaultOutboundAccess: Bool
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
}

/// The outcome of an assertion.
public struct AssertionResult: Sendable {
    /// One way it fails.
    public struct Counterexample: Sendable {
        /// Clients for which it fails (a single host for fixed sources).
        public var clients: AddressSpace
        /// The universe of that source in words (`every Internet client`, or the host), to describe `clients`.
        public var universeName: String
        /// Every client of that source.
        public var universe: AddressSpace
        /// The destination.
        public var destination: String
        /// Why.
        public var reason: String
        /// The failing trace of the lowest such client.
        public var example: FlowTrace
    }
    /// The assertion that was checked.
    public var assertion: Assertion
    /// The ways it fails, one per failing group of clients; empty when it holds.
    public var counterexamples: [Counterexample]
    /// Round trips traced.
    public var classCount: Int
    /// Whether the assertion holds for every client.
    public var holds: Bool { counterexamples.isEmpty }
}

/// Evaluates assertions exhaustively over their clients.
public enum AssertionChecker {
    /// Checks every assertion of the topology.
    public static func check(_ t: Topology) -> [AssertionResult] {
        let index = BoundaryIndex(t)
        let internet = t.internetClients
        let slots = ResultSlots<AssertionResult>(count: t.assertions.count)
        DispatchQueue.concurrentPerform(iterations: t.assertions.count) { i in
            slots.set(i, check(t.assertions[i], in: t, index: index, internet: internet))
        }
        return slots.values
    }

    static func check(_ a: Assertion, in t: Topology, index: BoundaryIndex, internet: AddressSpace) -> AssertionResult {
        var counterexamples: [AssertionResult.Counterexample] = []
        var classes = 0
        if a.noDefaultOutboundAccess, case .hosts(let hosts) = a.sources {
            var seen = Set<Int>()
            for case .workload(let w, let address) in hosts where seen.insert(w).inserted {
                let summary = t.egressSummary(of: w)
                guard case .defaultOutbound = summary.method else { continue }
                let trace = FlowTrace(
                    flowIndex: -1, forward: [], reverse: [], verdict: .symmetric, reason: .defaultOutboundAccessUsed(workload: w),
                    droppedAt: nil,
                    cause: summary.route, egressAddresses: [], warnings: [], unsupported: [], touchedSubnets: [], touchedFirewalls: [])
                counterexamples.append(
                    .init(
                        clients: AddressSpace([IPv4Prefix(host: address)]), universeName: t.workloads[w].name,
                        universe: AddressSpace([IPv4Prefix(host: address)]), destination: "internet",
                        reason:
                            "'\(t.workloads[w].name)' reaches the Internet through default outbound access (an address Azure picks, retiring; K1)",
                        example: trace))
            }
        }
        var legs = [(a.sources, a.destinations)]
        if let reverse = a.reverse { legs.append(reverse) }
        for (sources, destinations) in legs {
            for destination in destinations {
                let entries = entryPoints(sources, destination, a, t: t)
                for entry in entries {
                    let backends: [IPv4Address?] = entry.backends.isEmpty ? [nil] : entry.backends.map { $0 }
                    for backend in backends {
                        let result = ExhaustiveVerifier.verify(entry, backend: backend, in: t, index: index, internet: internet)
                        classes += result.classCount
                        counterexamples += failures(result, destination: destination.label, assertion: a, in: t)
                    }
                }
            }
        }
        return AssertionResult(assertion: a, counterexamples: counterexamples, classCount: classes)
    }

    /// The exhaustive entry points for one source set and destination.
    static func entryPoints(_ sources: Assertion.Source, _ d: Assertion.Destination, _ a: Assertion, t: Topology) -> [EntryPoint] {
        let template = Flow.synthesized(
            name: a.name, fromText: a.fromText, toText: d.label, from: .internet(IPv4Address(0)), to: d.end, fqdn: d.fqdn,
            port: d.port, protocolType: a.protocolType, source: a.source)
        func entry(_ clients: EntryPoint.Clients, restrict: AddressSpace?) -> EntryPoint {
            EntryPoint(
                kind: .custom(template), clients: clients, restrict: restrict, address: d.end.address, port: d.port,
                protocolType: a.protocolType, backends: [], name: "\(a.name): \(a.fromText) → \(d.label)", location: a.source.element)
        }
        switch sources {
        case .internet(let restrict): return [entry(.internet, restrict: restrict)]
        case .onPremises(let n, let restrict): return [entry(.onPremises(n), restrict: restrict)]
        case .hosts(let ends): return ends.filter { $0 != d.end }.map { entry(.fixed($0), restrict: nil) }
        }
    }

    /// The client sets of a result that break the assertion.
    static func failures(
        _ r: EntryPointResult, destination: String, assertion a: Assertion, in t: Topology
    ) -> [AssertionResult.Counterexample] {
        var out: [AssertionResult.Counterexample] = []
        for v in r.verdicts {
            guard let why = violation(v.example, verdict: v.verdict, assertion: a, in: t) else { continue }
            let name: String
            switch r.entry.clients {
            case .internet: name = "every Internet client"
            case .onPremises(let n): name = "every client in on-premises '\(t.onPremises[n].name)'"
            case .fixed(let end): name = t.flowEndName(end)
            }
            out.append(
                .init(
                    clients: v.clients, universeName: name, universe: r.universe, destination: destination, reason: why, example: v.example)
            )
        }
        return out
    }

    /// Why a trace breaks the assertion, or nil.
    ///
    /// Verdict groups share one verdict but may differ in path details (`through`, egress); the class splitting makes
    /// every address of a class take the same path, and one class per verdict is shown.
    static func violation(_ trace: FlowTrace, verdict: Verdict, assertion a: Assertion, in t: Topology) -> String? {
        switch a.expect {
        case .verdict(let expected) where expected != verdict:
            return "expected \(expected.rawValue), got \(verdict.rawValue): \(t.reasonText(of: trace))"
        case .noAsymmetry where verdict == .asymmetric || verdict == .natMismatch:
            return "\(verdict.rawValue): \(t.reasonText(of: trace))"
        default: break
        }
        if let through = a.through {
            let forward = trace.forward.contains { t.name(of: $0.node) == through }
            let back = trace.reverse.contains { t.name(of: $0.node) == through }
            if !forward || !back {
                let missing = !forward && !back ? "either direction" : (!forward ? "the forward path" : "the return path")
                return "does not pass '\(through)' on \(missing) (\(verdict.rawValue))"
            }
        }
        if let via = a.egressVia {
            if trace.egressAddresses.isEmpty {
                return "does not leave for the Internet (\(verdict.rawValue): \(t.reasonText(of: trace)))"
            }
            let outside = trace.egressAddresses.filter { !via.contains($0) }
            if !outside.isEmpty {
                return "leaves from \(outside.map(\.description).joined(separator: ", ")), not \(a.egressViaText ?? "")"
            }
        }
        return nil
    }
}
