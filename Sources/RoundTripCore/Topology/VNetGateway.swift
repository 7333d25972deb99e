/// A VPN or ExpressRoute gateway.
public struct VNetGateway: Sendable {
    /// Resource name.
    public var name: String
    /// VPN or ExpressRoute.
    public var gatewayType: GatewayType
    /// Its GatewaySubnet.
    public var subnet: Int
    /// Its VNet.
    public var vnet: Int
    /// Whether BGP is on.
    public var bgpEnabled: Bool
    /// Position in the input.
    public var source: SourceMap
}
