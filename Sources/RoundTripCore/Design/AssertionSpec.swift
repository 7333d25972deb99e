/// `assertions[]` (extension): a property the design must keep for every client it covers.
public struct AssertionSpec: Sendable {
    /// What every traced round trip must satisfy.
    public enum Expectation: Sendable, Hashable {
        /// Exactly this verdict.
        case verdict(Verdict)
        /// Anything but `asymmetric` and `nat-mismatch`.
        case noAsymmetry
    }
    /// `name` (docs/format.md).
    public var name: String
    /// `description` (docs/format.md).
    public var description: String?
    /// `from` (docs/format.md).
    public var from: String
    /// `to` (docs/format.md).
    public var to: String
    /// `port` (docs/format.md).
    public var port: UInt16?
    /// `protocolType` (docs/format.md).
    public var protocolType = TransportProtocol.tcp
    /// `expect` (docs/format.md).
    public var expect: Expectation?
    /// `through` (docs/format.md).
    public var through: String?
    /// `egressVia` (docs/format.md).
    public var egressVia: String?
    /// Fails when a source workload reaches the Internet through default outbound access (K1, L12).
    public var noDefaultOutboundAccess = false
    /// `bidirectional` (docs/format.md).
    public var bidirectional = false
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, from: String, to: String, source: SourceMap) {
        self.name = name; self.from = from; self.to = to; self.source = source
    }
}
