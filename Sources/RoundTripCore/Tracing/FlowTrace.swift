/// The result of tracing one flow's round trip.
public struct FlowTrace: Sendable {
    /// Index of the flow in the topology (or -1 for an ad-hoc trace).
    public var flowIndex: Int
    /// Forward hops.
    public var forward: [Hop]
    /// Return hops.
    public var reverse: [Hop]
    /// The verdict.
    public var verdict: Verdict
    /// Why: the drop, or what decided the verdict (``Topology/reasonText(of:)`` renders it).
    public var reason: TraceReason
    /// The leg the drop in ``reason`` happened on; nil when the reason is not a drop.
    public var reasonLeg: Hop.Direction?
    /// Where the packet was dropped (or the stateful device that breaks), if anywhere.
    public var droppedAt: Node?
    /// The route or rule that causes the finding (SARIF points here).
    public var cause: Decision?
    /// Public source addresses the destination can see (egress), when the flow leaves to the Internet.
    public var egressAddresses: [IPv4Address]
    /// Warnings raised on the way (P2a forwarded traffic, default outbound access, …).
    public var warnings: [TraceReason]
    /// Unsupported configurations the flow touched.
    public var unsupported: [ConfigFinding]
    /// Subnets whose routes decided a hop.
    public var touchedSubnets: Set<Int>
    /// Firewalls whose rules were evaluated.
    public var touchedFirewalls: Set<Int>
    /// Network security groups whose rules were evaluated (exhaustive checks split client classes at their prefixes).
    public var touchedSecurityGroups = Set<Int>()
    /// On a failing trace: the first hop where a user-defined route lost to a more specific Azure route (R18, R20) —
    /// usually the route the design meant to steer the packet with.
    public var shadowedRoute: ShadowedRoute?
    /// How many members of the first load-balanced pool on the path were traced (0 when there is no such pool, or
    /// it has one member): a flow through a pool is traced for every member (§16 D4).
    public var poolSize = 0
    /// The pool members whose trace fails (any verdict but symmetric), in the pool's order; the trace shown is the
    /// first of them.
    public var failingMembers: [IPv4Address] = []
}
