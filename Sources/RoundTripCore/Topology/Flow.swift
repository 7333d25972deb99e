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
    /// `name`.
    public var name: String
    /// The text of `from` and `to`.
    public var fromText: String
    /// `toText`.
    public var toText: String
    /// `from`.
    public var from: FlowEnd
    /// `to`.
    public var to: FlowEnd
    /// The destination's FQDN, when known (application rules match it).
    public var fqdn: String?
    /// `port`.
    public var port: UInt16
    /// `sourcePort`.
    public var sourcePort: UInt16
    /// `protocolType`.
    public var protocolType: TransportProtocol
    /// `expect`.
    public var expect: Verdict?
    /// `expectDroppedAt`.
    public var expectDroppedAt: String?
    /// `expectEgressIP`.
    public var expectEgressIP: IPv4Address?
    /// `description`.
    public var description: String?
    /// `source`.
    public var source: SourceMap
}
