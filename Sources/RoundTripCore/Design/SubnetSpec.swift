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
    /// The network security group on the subnet, by name.
    public var networkSecurityGroup: String?
    /// Whether the subnet's NSG and route table apply to the private endpoints in it (PE4).
    public var privateEndpointNetworkPolicies = PrivateEndpointNetworkPolicies.disabled
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, addressPrefix: IPv4Prefix, source: SourceMap) {
        self.name = name; self.addressPrefix = addressPrefix; self.source = source
    }
}

/// `privateEndpointNetworkPolicies`: which of a subnet's policies apply to its private endpoints (PE4).
public enum PrivateEndpointNetworkPolicies: String, Sendable, CaseIterable, Hashable {
    /// Neither the NSG nor the route table applies (the default).
    case disabled = "Disabled"
    /// Both apply.
    case enabled = "Enabled"
    /// The subnet's NSG applies to traffic to the endpoints (PE6).
    case networkSecurityGroupEnabled = "NetworkSecurityGroupEnabled"
    /// The route-table policy applies: client UDRs may invalidate the endpoints' /32 routes (PE5).
    case routeTableEnabled = "RouteTableEnabled"

    /// Whether the NSG policy is on.
    public var nsg: Bool { self == .enabled || self == .networkSecurityGroupEnabled }
    /// Whether the route-table policy is on.
    public var routeTable: Bool { self == .enabled || self == .routeTableEnabled }
}
