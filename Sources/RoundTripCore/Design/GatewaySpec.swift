/// `virtualNetworkGateways[].gatewayType`.
public enum GatewayType: String, Sendable, CaseIterable { case vpn = "Vpn", expressRoute = "ExpressRoute" }

/// `virtualNetworkGateways[]`.
public struct GatewaySpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `gatewayType` (docs/format.md).
    public var gatewayType: GatewayType
    /// `subnet` (docs/format.md).
    public var subnet: String
    /// `bgpEnabled` (docs/format.md).
    public var bgpEnabled = true
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, gatewayType: GatewayType, subnet: String, source: SourceMap) {
        self.name = name; self.gatewayType = gatewayType; self.subnet = subnet; self.source = source
    }
}
