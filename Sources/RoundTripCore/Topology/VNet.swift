/// A virtual network.
public struct VNet: Sendable {
    /// Resource name.
    public var name: String
    /// Address ranges.
    public var addressSpace: [IPv4Prefix]
    /// Subnet indexes.
    public var subnets: [Int]
    /// Position in the input.
    public var source: SourceMap
    /// Whether an address is in the VNet's space.
    public func contains(_ address: IPv4Address) -> Bool { addressSpace.contains { $0.contains(address) } }
}
