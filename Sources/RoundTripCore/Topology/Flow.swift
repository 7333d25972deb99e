/// Where a flow starts or ends, resolved.
public enum FlowEnd: Sendable, Hashable {
    /// An Internet address (outside every design element).
    case internet(IPv4Address)
    /// A host in an on-premises network.
    case onPremises(network: Int, address: IPv4Address)
    /// A workload address.
    case workload(Int, IPv4Address)
    /// A public address owned by a design element (frontends, firewall, instance PIP).
    case publicAddress(IPv4Address)
    /// A private address owned by a design element other than a workload (ILB frontend, firewall, AppGW).
    case privateAddress(vnet: Int, address: IPv4Address)

    /// The address.
    public var address: IPv4Address {
        switch self {
        case .internet(let a), .publicAddress(let a): return a
        case .onPremises(_, let a), .workload(_, let a), .privateAddress(_, let a): return a
        }
    }
}

/// A flow to trace, resolved.
public struct Flow: Sendable {
    /// The flow's name.
    public var name: String
    /// The text of `from` and `to`.
    public var fromText: String
    /// The destination as written in the design.
    public var toText: String
    /// Where the flow starts, resolved.
    public var from: FlowEnd
    /// Where the flow goes, resolved.
    public var to: FlowEnd
    /// The destination's FQDN, when known (application rules match it).
    public var fqdn: String?
    /// The destination port.
    public var port: UInt16
    /// The source port of the traced packet.
    public var sourcePort: UInt16
    /// The transport protocol.
    public var protocolType: TransportProtocol
    /// The verdict the flow is expected to have.
    public var expect: Verdict?
    /// The element expected to drop the flow.
    public var expectDroppedAt: String?
    /// The source address the destination is expected to see.
    public var expectEgressIP: IPv4Address?
    /// Free text shown in reports.
    public var description: String?
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
}
