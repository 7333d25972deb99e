/// One direction of a peering.
public struct Peering: Sendable {
    /// Resource name.
    public var name: String
    /// Local VNet.
    public var from: Int
    /// Remote VNet.
    public var to: Int
    /// Whether traffic may flow between the two VNets at all.
    public var allowVirtualNetworkAccess: Bool
    /// Whether packets an appliance in the remote VNet forwarded are admitted.
    public var allowForwardedTraffic: Bool
    /// Whether the remote VNet may use this VNet's gateway.
    public var allowGatewayTransit: Bool
    /// Whether this VNet uses the remote VNet's gateway.
    public var useRemoteGateways: Bool
    /// The opposite direction, when declared (traffic flows only then).
    public var reverse: Int?
    /// Position in the input.
    public var source: SourceMap
}
