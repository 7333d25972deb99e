/// A public IP address or prefix that other elements refer to by name (`publicIPAddresses[]`).
public struct PublicIPSpec: Sendable {
    /// The public IP's name, which firewalls, load balancers, NAT Gateways, workloads and flows refer to.
    public var name: String
    /// The address or prefix (a plain address becomes a /32).
    public var prefix: IPv4Prefix
    /// Whether it was given as `ipPrefix`.
    public var isPrefix: Bool
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, prefix: IPv4Prefix, isPrefix: Bool, source: SourceMap) {
        self.name = name; self.prefix = prefix; self.isPrefix = isPrefix; self.source = source
    }
}
