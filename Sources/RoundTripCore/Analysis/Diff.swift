/// What changed between two checks of a design (main and a pull request): every flow, exhaustive entry point and
/// assertion whose verdict or client set changed, with the element of the AFTER design that flips it.
public struct DesignDiff: Sendable {
    /// One changed flow, entry point or assertion.
    public struct Change: Sendable {
        /// What changed.
        public enum Kind: String, Sendable {
            /// A flow of the design.
            case flow
            /// An exhaustive entry point (and backend).
            case entryPoint
            /// An assertion.
            case assertion
        }

        /// What changed.
        public var kind: Kind
        /// Its name (an entry point's with `→ BACKEND`).
        public var name: String
        /// The result before (`symmetric`, `asymmetric for 3 client prefixes`, `holds`, `absent`).
        public var before: String
        /// The result after.
        public var after: String
        /// Whether it got worse: a new finding, a wider failing client set, an assertion that now fails.
        public var worse: Bool
        /// The verdict of the new finding (for a worse flow or entry point).
        public var verdict: Verdict?
        /// The AFTER trace that shows the change (the failing one when it got worse).
        public var trace: FlowTrace?
        /// The route, rule, peering or element that flips it: a decision of the AFTER trace that the BEFORE trace
        /// did not take (or, when it got better, that the BEFORE trace took and the AFTER one no longer does).
        public var cause: Decision?
        /// Whether ``cause`` belongs to the AFTER topology (else to BEFORE: a removed element).
        public var causeInAfter: Bool
        /// Where the subject is declared in the AFTER design (or BEFORE, when it was removed).
        public var location: SourceLocation?
        /// The decision of the BEFORE trace that the AFTER trace no longer takes (in the BEFORE topology), when the
        /// cause is in AFTER: what the change replaced.
        public var replaced: Decision? = nil
        /// For an entry point that stands for a flow, the flow's index in the AFTER topology.
        var flowIndex: Int? = nil
        /// The BEFORE trace, to find what the change replaced.
        var beforeTrace: FlowTrace? = nil
    }

    /// The check of the design before the change.
    public var before: CheckReport
    /// The check of the design after it.
    public var after: CheckReport
    /// Every change, flows first, then entry points, then assertions.
    public var changes: [Change]
    /// The verdicts that count as findings.
    public var failOn: Set<Verdict>

    /// Whether anything got worse.
    public var worse: Bool { changes.contains { $0.worse } }

    /// Compares two checks (run with the same options).
    public init(before: CheckReport, after: CheckReport, failOn: Set<Verdict> = CheckReport.defaultFailOn) {
        self.before = before
        self.after = after
        self.failOn = failOn
        let flows = Self.flowChanges(before, after, failOn)
        let named = Set(flows.map(\.name))
        let entries = Self.entryChanges(before, after, failOn).filter { change in
            // An entry point that stands for a flow already reported adds nothing.
            guard let i = change.flowIndex else { return true }
            return !named.contains(after.topology.flows[i].name)
        }
        changes = (flows + entries + Self.assertionChanges(before, after)).map { change in
            var change = change
            if change.causeInAfter { change.replaced = Self.replaced(change, before, after) }
            return change
        }
    }

    static func flowChanges(_ b: CheckReport, _ a: CheckReport, _ failOn: Set<Verdict>) -> [Change] {
        var changes: [Change] = []
        for r in a.results {
            let old = b.results.first { $0.flow.name == r.flow.name }
            if let old, old.trace.verdict == r.trace.verdict, old.holds == r.holds { continue }
            let failsNow = a.fails(r, on: failOn)
            let failedBefore = old.map { b.fails($0, on: failOn) } ?? false
            let worse = failsNow && (!failedBefore || old?.trace.verdict != r.trace.verdict)
            let (cause, inAfter) = Self.cause(old?.trace, b.topology, r.trace, a.topology)
            changes.append(
                Change(
                    kind: .flow, name: r.flow.name, before: old.map { Self.text($0) } ?? "absent", after: Self.text(r), worse: worse,
                    verdict: worse ? r.trace.verdict : nil, trace: r.trace, cause: cause, causeInAfter: inAfter,
                    location: r.flow.source.element, beforeTrace: old?.trace))
        }
        for old in b.results where !a.results.contains(where: { $0.flow.name == old.flow.name }) {
            changes.append(
                Change(
                    kind: .flow, name: old.flow.name, before: Self.text(old), after: "absent", worse: false, verdict: nil, trace: nil,
                    cause: nil, causeInAfter: false, location: old.flow.source.element))
        }
        return changes
    }

    static func text(_ r: FlowResult) -> String {
        r.trace.verdict.rawValue + (r.holds == false ? " (expectation fails)" : "")
    }

    /// The failing clients of an entry point per verdict, and all of them.
    static func failing(_ r: EntryPointResult, in report: CheckReport, _ failOn: Set<Verdict>) -> AddressSpace {
        AddressSpace(report.failingVerdicts(of: r, on: failOn).flatMap(\.clients.prefixes))
    }

    static func key(_ r: EntryPointResult) -> String { r.entry.name + (r.backend.map { " → \($0)" } ?? "") }

    static func summary(_ r: EntryPointResult) -> String {
        r.verdicts.map { v in
            v.clients == r.universe ? "\(v.verdict.rawValue) for every client" : "\(v.verdict.rawValue) for \(v.clients.count) addresses"
        }.joined(separator: ", ")
    }

    static func entryChanges(_ b: CheckReport, _ a: CheckReport, _ failOn: Set<Verdict>) -> [Change] {
        guard let afterResults = a.exhaustive?.results else { return [] }
        let beforeResults = Dictionary((b.exhaustive?.results ?? []).map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [Change] = []
        for r in afterResults {
            let old = beforeResults[key(r)]
            let same =
                old.map { o in
                    o.verdicts.count == r.verdicts.count
                        && zip(o.verdicts, r.verdicts).allSatisfy { $0.verdict == $1.verdict && $0.clients == $1.clients }
                } ?? false
            if same { continue }
            let wider = !failing(r, in: a, failOn).subtracting(old.map { failing($0, in: b, failOn) } ?? AddressSpace()).isEmpty
            let bad = a.failingVerdicts(of: r, on: failOn).first
            let oldExample = old?.verdicts.first { $0.verdict != bad?.verdict }?.example ?? old?.verdicts.first?.example
            let (cause, inAfter) = Self.cause(oldExample, b.topology, bad?.example ?? r.verdicts.first?.example, a.topology)
            var flowIndex: Int?
            if case .flow(let i) = r.entry.kind { flowIndex = i }
            changes.append(
                Change(
                    kind: .entryPoint, name: key(r), before: old.map(summary) ?? "absent", after: summary(r), worse: wider,
                    verdict: wider ? bad?.verdict : nil, trace: bad?.example ?? r.verdicts.first?.example, cause: cause,
                    causeInAfter: inAfter, location: r.entry.location, flowIndex: flowIndex, beforeTrace: oldExample))
        }
        return changes
    }

    static func assertionChanges(_ b: CheckReport, _ a: CheckReport) -> [Change] {
        a.assertions.compactMap { r in
            let old = b.assertions.first { $0.assertion.name == r.assertion.name }
            if let old, old.holds == r.holds { return nil }
            if old == nil, r.holds { return nil }
            let example = r.counterexamples.first?.example
            let (cause, inAfter) = Self.cause(nil, b.topology, example, a.topology)
            return Change(
                kind: .assertion, name: r.assertion.name, before: old.map { $0.holds ? "holds" : "fails" } ?? "absent",
                after: r.holds ? "holds" : "fails", worse: !r.holds, verdict: example?.verdict, trace: example, cause: cause,
                causeInAfter: inAfter, location: r.assertion.source.element)
        }
    }

    /// The first decision of the BEFORE trace that the AFTER trace no longer takes.
    static func replaced(_ change: Change, _ b: CheckReport, _ a: CheckReport) -> Decision? {
        guard let before = change.beforeTrace, let after = change.trace else { return nil }
        let now = Set((after.forward + after.reverse).compactMap(\.decision).map { a.topology.describeDecision($0) })
        return (before.forward + before.reverse).compactMap(\.decision).first {
            $0 != .session && !now.contains(b.topology.describeDecision($0)) && b.topology.location(of: $0) != nil
        }
    }

    /// The decision that flips a trace: one the AFTER trace takes and the BEFORE trace does not (compared by what they
    /// cite, since indices differ between designs), preferring the AFTER trace's own cause; when the AFTER trace is
    /// clean, one the BEFORE trace took that is gone.
    static func cause(_ before: FlowTrace?, _ b: Topology, _ after: FlowTrace?, _ a: Topology) -> (Decision?, Bool) {
        func decisions(_ trace: FlowTrace?) -> [Decision] {
            guard let trace else { return [] }
            return (trace.forward + trace.reverse).compactMap(\.decision).filter { $0 != .session } + [trace.cause].compactMap { $0 }
        }
        let old = Set(decisions(before).map { b.describeDecision($0) })
        if let after {
            let new = decisions(after).filter { !old.contains(a.describeDecision($0)) }
            if let cause = after.cause, new.contains(cause) { return (cause, true) }
            if let first = new.first(where: { a.location(of: $0) != nil }) { return (first, true) }
            if after.verdict != .symmetric, let cause = after.cause { return (cause, true) }
        }
        let now = Set(decisions(after).map { a.describeDecision($0) })
        let gone = decisions(before).filter { !now.contains(b.describeDecision($0)) }
        if let cause = before?.cause, gone.contains(cause) { return (cause, false) }
        return (gone.first { b.location(of: $0) != nil }, false)
    }
}
