/// A finding the design's owner accepts, resolved for one check: from the design's `accepted:` list or from a
/// baseline (an earlier `check --format json`). An accepted finding is still reported but does not fail the run,
/// unless the acceptance has expired.
public struct Acceptance: Sendable {
    /// Where an acceptance comes from.
    public enum Origin: String, Sendable {
        /// The design's `accepted:` list.
        case design
        /// A `--baseline` file.
        case baseline
    }

    /// The accepted flow's name, or nil for an entry point.
    public var flow: String?
    /// The accepted entry point (its name, optionally with `→ BACKEND`), or nil for a flow.
    public var entryPoint: String?
    /// The verdict accepted.
    public var verdict: Verdict
    /// Why it is accepted.
    public var reason: String
    /// The last day it holds (`YYYY-MM-DD`), if any.
    public var expires: String?
    /// Whether `expires` lies before the day of the check: the finding fails again.
    public var expired: Bool
    /// Where it comes from.
    public var origin: Origin
    /// Where it was written (design acceptances only).
    public var location: SourceLocation?

    /// Creates an acceptance; `today` (`YYYY-MM-DD`) decides whether it has expired.
    public init(
        flow: String? = nil, entryPoint: String? = nil, verdict: Verdict, reason: String, expires: String? = nil,
        origin: Origin, today: String?, location: SourceLocation? = nil
    ) {
        self.flow = flow
        self.entryPoint = entryPoint
        self.verdict = verdict
        self.reason = reason
        self.expires = expires
        self.origin = origin
        self.location = location
        if let expires, let today { expired = today > expires } else { expired = false }
    }

    /// The acceptance a design's `accepted:` entry states.
    public init(_ spec: AcceptedSpec, today: String?) {
        self.init(
            flow: spec.flow, entryPoint: spec.entryPoint, verdict: spec.verdict, reason: spec.reason, expires: spec.expires,
            origin: .design, today: today, location: spec.source.element)
    }

    /// Whether it still keeps its finding from failing the run.
    public var active: Bool { !expired }

    /// A short line for reports: `accepted: REASON (until DATE)`, or that the acceptance expired.
    public var summary: String {
        if expired { return "acceptance expired after \(expires ?? ""), fails again: \(reason)" }
        return "accepted: \(reason)\(expires.map { " (until \($0))" } ?? "")"
    }

    /// Whether it names this entry point and backend.
    func matches(_ entry: EntryPointResult) -> Bool {
        guard let name = entryPoint?.trimmingSpaces else { return false }
        if name == entry.entry.name { return true }
        guard let backend = entry.backend else { return false }
        return name == "\(entry.entry.name) → \(backend)" || name == "\(entry.entry.name) → backend \(backend)"
    }
}

extension CheckReport {
    /// The acceptance of a flow's verdict, if any (an active one before an expired one).
    public func acceptance(ofFlow name: String, verdict: Verdict) -> Acceptance? {
        let matching = acceptances.filter { $0.flow == name && $0.verdict == verdict }
        return matching.first(where: \.active) ?? matching.first
    }

    /// The acceptance of one verdict of an entry point, if any (an active one before an expired one); for an entry
    /// point that stands for a flow, the flow's.
    public func acceptance(of entry: EntryPointResult, verdict: Verdict) -> Acceptance? {
        let matching = acceptances.filter { $0.verdict == verdict && $0.matches(entry) }
        if matching.isEmpty, case .flow(let i) = entry.entry.kind, topology.flows.indices.contains(i) {
            // The entry point that stands for a flow is covered by the flow's acceptance.
            return acceptance(ofFlow: topology.flows[i].name, verdict: verdict)
        }
        return matching.first(where: \.active) ?? matching.first
    }

    /// Whether a flow fails the run: its expectation fails, or — without an `expect` — its verdict is in `failOn`;
    /// never when an active acceptance covers its verdict. A flow whose `expect` holds never fails.
    public func fails(_ result: FlowResult, on failOn: Set<Verdict>) -> Bool {
        if acceptance(ofFlow: result.flow.name, verdict: result.trace.verdict)?.active == true { return false }
        if result.holds == false { return true }
        if result.flow.expect != nil { return false }
        return failOn.contains(result.trace.verdict)
    }

    /// The verdicts of an entry point that fail the run: in `failOn`, not accepted, and not the verdict its flow
    /// expects (for an entry point that stands for a flow).
    public func failingVerdicts(of entry: EntryPointResult, on failOn: Set<Verdict>) -> [EntryPointResult.VerdictClients] {
        entry.verdicts.filter { v in
            guard failOn.contains(v.verdict) else { return false }
            if acceptance(of: entry, verdict: v.verdict)?.active == true { return false }
            if case .flow(let i) = entry.entry.kind, topology.flows.indices.contains(i), topology.flows[i].expect == v.verdict {
                return false
            }
            return true
        }
    }

    /// Acceptances that match no finding of this check (stale entries worth removing).
    public var unusedAcceptances: [Acceptance] {
        acceptances.filter { a in
            if let flow = a.flow { return !results.contains { $0.flow.name == flow && $0.trace.verdict == a.verdict } }
            guard let exhaustive else { return a.origin == .design ? false : true }
            return !exhaustive.results.contains { r in a.matches(r) && r.verdicts.contains { $0.verdict == a.verdict } }
        }
    }
}
