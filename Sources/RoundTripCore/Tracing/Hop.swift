/// One step of a trace: where the packet is, the header on arrival, what decided the next step, NAT, sessions.
public struct Hop: Sendable {
    /// Which leg.
    public enum Direction: String, Sendable { case forward, `return` }
    /// What happened to the packet here.
    public enum Outcome: String, Sendable { case forwarded, delivered, dropped }
    /// Leg.
    public var direction: Direction
    /// Place.
    public var node: Node
    /// Header on arrival.
    public var packet: Packet
    /// Route or rule that decided.
    public var decision: Decision?
    /// Rewrites applied here.
    public var rewrites: [Rewrite] = []
    /// Session created, matched or missing here.
    public var session: SessionEvent?
    /// Outcome.
    public var outcome: Outcome = .forwarded
    /// A short remark (e.g. why a reply was not restored), or why the packet was dropped here.
    public var note: TraceReason?
}
