/// `virtualNetworkPeerings[]`, one direction.
public struct PeeringSpec: Sendable {
    /// The peering's name.
    public var name: String
    /// The VNet (by name) this direction belongs to.
    public var from: String
    /// The remote VNet, by name.
    public var to: String
    /// Whether traffic may flow between the two VNets at all (default true).
    public var allowVirtualNetworkAccess = true
    /// Whether packets an appliance in the remote VNet forwarded (source outside that VNet) are admitted.
    public var allowForwardedTraffic = false
    /// Whether the remote VNet may use this VNet's gateway (set on the hub side).
    public var allowGatewayTransit = false
    /// Whether this VNet uses the remote VNet's gateway (set on the spoke side).
    public var useRemoteGateways = false
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, from: String, to: String, source: SourceMap) {
        self.name = name; self.from = from; self.to = to; self.source = source
    }
}
