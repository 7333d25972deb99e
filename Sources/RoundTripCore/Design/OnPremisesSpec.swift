/// An on-premises network reached through a virtual network gateway (`onPremisesNetworks[]`).
public struct OnPremisesSpec: Sendable {
    /// The on-premises network's name.
    public var name: String
    /// The on-premises ranges the gateway learns.
    public var addressPrefixes: [IPv4Prefix]
    /// The virtual network gateway (by name) that reaches this network.
    public var gateway: String
    /// Whether the gateway also advertises `0.0.0.0/0` into Azure (forced tunnelling).
    public var forcedTunnelDefaultRoute = false
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, addressPrefixes: [IPv4Prefix], gateway: String, source: SourceMap) {
        self.name = name; self.addressPrefixes = addressPrefixes; self.gateway = gateway; self.source = source
    }
}
