/// A NAT Gateway: the public addresses its subnets' outbound traffic leaves with (`natGateways[]`).
public struct NatGatewaySpec: Sendable {
    /// The NAT Gateway's name.
    public var name: String
    /// Its public IPs and prefixes, by name; together 1 to 16 addresses.
    public var publicIPAddresses: [String]
    /// The TCP idle timeout in minutes (4–120).
    public var idleTimeoutInMinutes = 4
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, publicIPAddresses: [String], source: SourceMap) {
        self.name = name; self.publicIPAddresses = publicIPAddresses; self.source = source
    }
}
