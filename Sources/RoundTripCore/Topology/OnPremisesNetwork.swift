/// An on-premises network behind a gateway.
public struct OnPremisesNetwork: Sendable {
    /// Name.
    public var name: String
    /// Prefixes it holds (advertised into Azure).
    public var addressPrefixes: [IPv4Prefix]
    /// The gateway it connects through.
    public var gateway: Int
    /// Whether it also advertises 0.0.0.0/0 (forced tunnelling).
    public var forcedTunnelDefaultRoute: Bool
    /// Position in the input.
    public var source: SourceMap
}
