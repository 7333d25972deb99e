/// The role Azure gives a subnet by its name.
public enum SubnetRole: String, Sendable {
    case regular, azureFirewall, azureFirewallManagement, gateway, applicationGateway
    /// `AzureBastionSubnet`.
    case bastion
}

/// A subnet.
public struct Subnet: Sendable {
    /// Subnet name.
    public var name: String
    /// Owning VNet index.
    public var vnet: Int
    /// `VNET/SUBNET`.
    public var qualifiedName: String
    /// Address prefix.
    public var prefix: IPv4Prefix
    /// Associated route table.
    public var routeTable: Int?
    /// Associated NAT gateway.
    public var natGateway: Int?
    /// Whether implicit default outbound access applies.
    public var defaultOutboundAccess: Bool
    /// Azure role by name.
    public var role: SubnetRole
    /// The network security group on the subnet.
    public var networkSecurityGroup: Int? = nil
    /// Whether the subnet's NSG and route table apply to its private endpoints (PE4).
    public var privateEndpointNetworkPolicies = PrivateEndpointNetworkPolicies.disabled
    /// Position in the input.
    public var source: SourceMap
}
