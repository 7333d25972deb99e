/// `onPremisesNetworks[]`.
public struct OnPremisesSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `addressPrefixes` (docs/format.md).
    public var addressPrefixes: [IPv4Prefix]
    /// `gateway` (docs/format.md).
    public var gateway: String
    /// `forcedTunnelDefaultRoute` (docs/format.md).
    public var forcedTunnelDefaultRoute = false
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, addressPrefixes: [IPv4Prefix], gateway: String, source: SourceMap) {
        self.name = name; self.addressPrefixes = addressPrefixes; self.gateway = gateway; self.source = source
    }
}
