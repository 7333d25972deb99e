/// The egress of workloads before and after a design change (`roundtrip egress --what-if`): how each leaves, with
/// which public source and SNAT capacity, now and in the changed design.
public struct EgressComparison: Sendable {
    /// One workload's egress now and after the change.
    public struct Entry: Sendable {
        /// The workload's name (the same in both designs).
        public var workload: String
        /// Its egress in the design as it is (indices into ``EgressComparison/before``).
        public var now: EgressSummary
        /// Its egress in the changed design (indices into ``EgressComparison/after``).
        public var whatIf: EgressSummary
    }

    /// The design as it is.
    public var before: Topology
    /// The changed design.
    public var after: Topology
    /// The compared workloads, in the order asked for.
    public var entries: [Entry]

    /// Compares the egress of the given workloads (indices into `before`) with the same-named workloads of `after`.
    ///
    /// Only VMs and AKS node pools are compared (what-if changes act on them; pods and NVAs follow); a workload the
    /// changed design no longer has is left out.
    public init(_ before: Topology, _ after: Topology, workloads: [Int]) {
        self.before = before
        self.after = after
        entries = workloads.compactMap { w -> Entry? in
            let workload = before.workloads[w]
            guard workload.kind == .aksNodePool || workload.kind == .vm,
                let w2 = after.workloads.firstIndex(where: { $0.name == workload.name })
            else { return nil }
            return Entry(workload: workload.name, now: before.egressSummary(of: w), whatIf: after.egressSummary(of: w2))
        }
    }
}
