/// A subnet as written in the design: its range and what is associated with it (`virtualNetworks[].subnets[]`).
public struct SubnetSpec: Sendable {
    /// The subnet's name, unique within its VNet; some names (`AzureFirewallSubnet`, `GatewaySubnet`) carry Azure's special meaning.
    public var name: String
    /// The subnet's range, inside the VNet's address space.
    public var addressPrefix: IPv4Prefix
    /// The route table (by name) associated with the subnet.
    public var routeTable: String?
    /// The NAT Gateway (by name) associated with the subnet.
    public var natGateway: String?
    /// Whether workloads get implicit Internet egress when nothing else provides it; false makes a private subnet.
    public var defaultOutboundAccess = true
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, addressPrefix: IPv4Prefix, source: SourceMap) {
        self.name = name; self.addressPrefix = addressPrefix; self.source = source
    }
}
