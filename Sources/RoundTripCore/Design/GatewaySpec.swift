/// The kind of virtual network gateway (`virtualNetworkGateways[].gatewayType`).
public enum GatewayType: String, Sendable, CaseIterable { case vpn = "Vpn", expressRoute = "ExpressRoute" }

/// A VPN or ExpressRoute gateway that connects a VNet to on-premises networks (`virtualNetworkGateways[]`).
public struct GatewaySpec: Sendable {
    /// The gateway's name.
    public var name: String
    /// The kind of gateway: VPN or ExpressRoute.
    public var gatewayType: GatewayType
    /// The gateway's subnet, always `VNET/GatewaySubnet`.
    public var subnet: String
    /// Whether the gateway exchanges routes over BGP (default true).
    public var bgpEnabled = true
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, gatewayType: GatewayType, subnet: String, source: SourceMap) {
        self.name = name; self.gatewayType = gatewayType; self.subnet = subnet; self.source = source
    }
}
