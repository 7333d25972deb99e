/// A virtual network as written in the design: its address space and subnets (`virtualNetworks[]`).
public struct VirtualNetworkSpec: Sendable {
    /// The VNet's name.
    public var name: String
    /// The VNet's address ranges (at least one).
    public var addressSpace: [IPv4Prefix]
    /// The VNet's subnets.
    public var subnets: [SubnetSpec]
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, addressSpace: [IPv4Prefix], subnets: [SubnetSpec], source: SourceMap) {
        self.name = name; self.addressSpace = addressSpace; self.subnets = subnets; self.source = source
    }
}
