/// One flow's trace with its expectation checked.
public struct FlowResult: Sendable {
    /// The flow.
    public var flow: Flow
    /// Its round trip.
    public var trace: FlowTrace
    /// Why the expectation fails (empty when it holds or there is none).
    public var expectationFailures: [String]

    /// Whether the flow states any expectation.
    public var hasExpectation: Bool { flow.expect != nil || flow.expectDroppedAt != nil || flow.expectEgressIP != nil }
    /// Whether every stated expectation holds (nil without expectations).
    public var holds: Bool? { hasExpectation ? expectationFailures.isEmpty : nil }
}

/// The result of checking every flow of a design.
public struct CheckReport: Sendable {
    /// The topology checked.
    public var topology: Topology
    /// Per-flow results in design order.
    public var results: [FlowResult]
    /// Assertion results in design order.
    public var assertions: [AssertionResult] = []
    /// The exhaustive verification, when asked for.
    public var exhaustive: ExhaustiveReport?
    /// AKS required egress, per cluster (K3).
    public var requiredEgress: [RequiredEgressResult] = []
    /// How every workload reaches the Internet, in workload order (N4, §8).
    public var egress: [EgressSummary] = []
    /// Accepted findings: the design's `accepted:` list, then any baseline's.
    public var acceptances: [Acceptance] = []
    /// Fixes applied to a copy of the design that made their flow pass, by flow name (``verifyingFixes(design:serviceTags:)``).
    public var verifiedFixes: [String: DesignChange] = [:]
    /// Flows whose proposed fix was applied and did not make them pass: no fix is printed for them.
    public var rejectedFixes: Set<String> = []

    /// Required egress destinations (not conditional ones) that are blocked.
    public var missingRequiredEgress: [RequiredEgressResult] { requiredEgress.filter { $0.item.required && !$0.allowed } }

    /// Design-level findings.
    public var findings: [ConfigFinding] { topology.findings }

    /// Counts of each verdict.
    public var verdictCounts: [(Verdict, Int)] {
        Verdict.allCases.compactMap { v in
            let n = results.filter { $0.trace.verdict == v }.count
            return n > 0 ? (v, n) : nil
        }
    }

    /// Flows whose expectation fails.
    public var failedExpectations: [FlowResult] { results.filter { $0.holds == false } }

    /// Whether the run fails: an expectation or assertion does not hold, required AKS egress is blocked, or there is
    /// an unexpected, unaccepted finding in `failOn` (for a flow without `expect`, or for any client of an entry
    /// point). A flow whose `expect` holds never fails the run; an expired acceptance no longer protects its finding.
    public func fails(on failOn: Set<Verdict>) -> Bool {
        results.contains { fails($0, on: failOn) } || assertions.contains { !$0.holds } || !missingRequiredEgress.isEmpty
            || (exhaustive?.results.contains { !failingVerdicts(of: $0, on: failOn).isEmpty } ?? false)
    }

    /// The verdicts that fail a check unless told otherwise: everything but `symmetric` and `denied`
    /// (a deny is usually the policy working).
    public static let defaultFailOn: Set<Verdict> = [.asymmetric, .natMismatch, .noRoute, .loop, .unsupportedConfig]
}

/// Evaluates flows and their expectations.
public enum Checker {
    /// Traces every flow of the topology, checks its expectations and assertions, summarises every workload's egress,
    /// and — when `exhaustive` — every entry point for every client. The design's accepted findings and `baseline`
    /// ones apply; `today` (`YYYY-MM-DD`) decides which have expired (none without it).
    public static func check(
        _ topology: Topology, exhaustive: Bool = false, baseline: [Acceptance] = [], today: String? = nil
    ) -> CheckReport {
        let tracer = Tracer(topology)
        let results = topology.flows.indices.map { i in evaluate(tracer.trace(flowAt: i), flow: topology.flows[i], in: topology) }
        var report = CheckReport(topology: topology, results: results)
        report.acceptances = topology.accepted.map { Acceptance($0, today: today) } + baseline
        report.assertions = AssertionChecker.check(topology)
        report.requiredEgress = topology.requiredEgressResults()
        report.egress = topology.egressSummaries()
        if exhaustive { report.exhaustive = ExhaustiveVerifier.verify(topology) }
        return report
    }

    /// Compares a trace with its flow's `expect`, `expectDroppedAt` and `expectEgressIP`.
    public static func evaluate(_ trace: FlowTrace, flow: Flow, in topology: Topology) -> FlowResult {
        var failures: [String] = []
        if let expect = flow.expect, expect != trace.verdict {
            failures.append("expected \(expect.rawValue), got \(trace.verdict.rawValue)")
        }
        if let expected = flow.expectDroppedAt {
            let actual = trace.droppedAt.map { topology.name(of: $0) }
            if actual != expected {
                failures.append("expected the drop at '\(expected)', \(actual.map { "got '\($0)'" } ?? "but nothing was dropped")")
            }
        }
        if let expected = flow.expectEgressIP, !trace.egressAddresses.contains(expected) {
            let seen = trace.egressAddresses.map(\.description).joined(separator: ", ")
            failures.append("expected egress from \(expected), got \(seen.isEmpty ? "no public source" : seen)")
        }
        return FlowResult(flow: flow, trace: trace, expectationFailures: failures)
    }
}
