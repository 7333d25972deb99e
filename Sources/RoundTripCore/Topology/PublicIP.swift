/// A public IP address or prefix.
public struct PublicIP: Sendable {
    /// Resource name.
    public var name: String
    /// Address (/32) or prefix.
    public var prefix: IPv4Prefix
    /// Position in the input.
    public var source: SourceMap
    /// Addresses it provides.
    public var addresses: [IPv4Address] {
        (0..<prefix.size).map { IPv4Address(prefix.network.value &+ UInt32($0)) }
    }
}
