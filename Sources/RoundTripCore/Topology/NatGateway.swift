/// A NAT gateway.
public struct NatGateway: Sendable {
    /// Resource name.
    public var name: String
    /// Public IP resources.
    public var publicIPs: [Int]
    /// Every address it SNATs to.
    public var addresses: [IPv4Address]
    /// TCP idle timeout.
    public var idleTimeoutInMinutes: Int
    /// Position in the input.
    public var source: SourceMap
}
