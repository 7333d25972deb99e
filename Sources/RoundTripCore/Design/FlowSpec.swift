/// A flow to trace as written in the design, with what its round trip is expected to do (`flows[]`).
public struct FlowSpec: Sendable {
    /// The flow's name, unique among flows.
    public var name: String
    /// Where the flow starts, as written: an endpoint, workload, public IP, `LB/FRONTEND`, `AGW/LISTENER` or address.
    public var from: String
    /// Where the flow goes, as written; the same choices as `from`.
    public var to: String
    /// The destination port; nil where the destination implies one.
    public var port: UInt16?
    /// The source port of the traced packet (extension); nil means 50000.
    public var sourcePort: UInt16?
    /// The transport protocol (default TCP).
    public var protocolType = TransportProtocol.tcp
    /// The verdict the flow is expected to have.
    public var expect: Verdict?
    /// The element expected to drop the flow.
    public var expectDroppedAt: String?
    /// The source address the destination is expected to see.
    public var expectEgressIP: IPv4Address?
    /// Free text shown in reports (extension).
    public var description: String?
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, from: String, to: String, source: SourceMap) {
        self.name = name; self.from = from; self.to = to; self.source = source
    }
}
