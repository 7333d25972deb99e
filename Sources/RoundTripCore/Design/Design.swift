/// A design as read from a RoundTrip v1 document: names unresolved, every element with its source map.
///
/// Readers (YAML, JSON, Azure JSON, Terraform plan) produce a `Design`; ``Topology/compile(_:)`` checks and
/// resolves it. Field names follow docs/format.md.
public struct Design: Sendable {
    /// The file the design came from (as given by the user).
    public var file: String
    /// The design's name, used in report titles.
    public var name: String
    /// Free text about the design.
    public var description: String?
    /// `region`, default `westeurope`.
    public var region: String = "westeurope"
    /// The public IP addresses and prefixes that other elements refer to by name.
    public var publicIPAddresses: [PublicIPSpec] = []
    /// The virtual networks and their subnets.
    public var virtualNetworks: [VirtualNetworkSpec] = []
    /// The peerings, one entry per direction.
    public var virtualNetworkPeerings: [PeeringSpec] = []
    /// The route tables and their user-defined routes.
    public var routeTables: [RouteTableSpec] = []
    /// The NAT Gateways.
    public var natGateways: [NatGatewaySpec] = []
    /// The VPN and ExpressRoute gateways.
    public var virtualNetworkGateways: [GatewaySpec] = []
    /// The on-premises networks reached through a virtual network gateway.
    public var onPremisesNetworks: [OnPremisesSpec] = []
    /// The Standard load balancers.
    public var loadBalancers: [LoadBalancerSpec] = []
    /// The Azure Firewalls and their rule collections.
    public var azureFirewalls: [FirewallSpec] = []
    /// Named address sets for Firewall Policy rules (F24).
    public var ipGroups: [IPGroupSpec] = []
    /// The Azure Firewall Policies (F19–F28).
    public var firewallPolicies: [FirewallPolicySpec] = []
    /// The Application Gateways (v2).
    public var applicationGateways: [AppGatewaySpec] = []
    /// The VMs, AKS node pools, pods, NVAs and private endpoints.
    public var workloads: [WorkloadSpec] = []
    /// The AKS clusters.
    public var kubernetesClusters: [ClusterSpec] = []
    /// Named addresses outside Azure (Internet or on-premises hosts).
    public var endpoints: [EndpointSpec] = []
    /// The network security groups.
    public var networkSecurityGroups: [SecurityGroupSpec] = []
    /// The application security groups NICs join and NSG rules name.
    public var applicationSecurityGroups: [ApplicationSecurityGroupSpec] = []
    /// The Azure Bastion hosts.
    public var bastionHosts: [BastionSpec] = []
    /// Findings the design's owner has reviewed and accepts.
    public var accepted: [AcceptedSpec] = []
    /// The flows to trace, with their expected outcomes.
    public var flows: [FlowSpec] = []
    /// `serviceTags` (extension): tag definitions that override or extend the built-in offline table.
    public var serviceTags: [ServiceTagSpec] = []
    /// `assertions` (extension): properties checked for every client.
    public var assertions: [AssertionSpec] = []
    /// Analysis options that choose between documented and observed Azure behaviour.
    public var options = AnalysisOptions()
    /// Position of the document root.
    public var source: SourceMap
    /// For a design imported from Azure JSON, an ARM template or a Terraform plan: what was read, skipped and
    /// unknown (nil for RoundTrip designs).
    public var importSummary: ImportSummary?

    /// Creates an empty design.
    public init(file: String, name: String, source: SourceMap) {
        self.file = file
        self.name = name
        self.source = source
    }
}
