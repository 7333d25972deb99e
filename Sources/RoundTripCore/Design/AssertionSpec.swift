/// `assertions[]` (extension): a property the design must keep for every client it covers.
public struct AssertionSpec: Sendable {
    /// What every traced round trip must satisfy.
    public enum Expectation: Sendable, Hashable {
        /// Exactly this verdict.
        case verdict(Verdict)
        /// Anything but `asymmetric` and `nat-mismatch`.
        case noAsymmetry
    }
    /// The assertion's name, unique among assertions.
    public var name: String
    /// Free text shown with the assertion's result.
    public var description: String?
    /// The clients as written: `internet`, `workloads`, an on-premises network, a CIDR, a VNet or subnet, or a host.
    public var from: String
    /// The destinations as written: `frontends`, `internet`, a VNet or subnet, or a single element or address.
    public var to: String
    /// The destination port; nil takes the port the destination implies.
    public var port: UInt16?
    /// The transport protocol of the traced round trips (default TCP).
    public var protocolType = TransportProtocol.tcp
    /// The verdict every round trip must have, or `no-asymmetry`; nil checks only the other conditions.
    public var expect: Expectation?
    /// A device (firewall, NVA, gateway, …) that both directions must pass.
    public var through: String?
    /// The public IP (name or address) the traffic must leave with.
    public var egressVia: String?
    /// Fails when a source workload reaches the Internet through default outbound access (K1, L12).
    public var noDefaultOutboundAccess = false
    /// Whether the assertion is also checked from `to` back to `from`.
    public var bidirectional = false
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, from: String, to: String, source: SourceMap) {
        self.name = name; self.from = from; self.to = to; self.source = source
    }
}
