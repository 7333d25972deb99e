/// One direction of a peering.
public struct Peering: Sendable {
    /// Resource name.
    public var name: String
    /// Local VNet.
    public var from: Int
    /// Remote VNet.
    public var to: Int
    /// `allowVirtualNetworkAccess`.
    public var allowVirtualNetworkAccess: Bool
    /// `allowForwardedTraffic`.
    public var allowForwardedTraffic: Bool
    /// `allowGatewayTransit`.
    public var allowGatewayTransit: Bool
    /// `useRemoteGateways`.
    public var useRemoteGateways: Bool
    /// The opposite direction, when declared (traffic flows only then).
    public var reverse: Int?
    /// Position in the input.
    public var source: SourceMap
}
