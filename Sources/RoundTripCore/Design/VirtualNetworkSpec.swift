/// `virtualNetworks[]`.
public struct VirtualNetworkSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `addressSpace` (docs/format.md).
    public var addressSpace: [IPv4Prefix]
    /// `subnets` (docs/format.md).
    public var subnets: [SubnetSpec]
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, addressSpace: [IPv4Prefix], subnets: [SubnetSpec], source: SourceMap) {
        self.name = name; self.addressSpace = addressSpace; self.subnets = subnets; self.source = source
    }
}
