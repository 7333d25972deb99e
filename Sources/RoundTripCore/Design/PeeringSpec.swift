/// `virtualNetworkPeerings[]`, one direction.
public struct PeeringSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `from` (docs/format.md).
    public var from: String
    /// `to` (docs/format.md).
    public var to: String
    /// `allowVirtualNetworkAccess` (docs/format.md).
    public var allowVirtualNetworkAccess = true
    /// `allowForwardedTraffic` (docs/format.md).
    public var allowForwardedTraffic = false
    /// `allowGatewayTransit` (docs/format.md).
    public var allowGatewayTransit = false
    /// `useRemoteGateways` (docs/format.md).
    public var useRemoteGateways = false
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, from: String, to: String, source: SourceMap) {
        self.name = name; self.from = from; self.to = to; self.source = source
    }
}
