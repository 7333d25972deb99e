/// A compiled design: every reference resolved to a dense index, every address indexed, routes computed.
///
/// Build one with ``Topology/compile(_:)``; analyses are pure functions over it and safe to run concurrently.
public struct Topology: Sendable {
    /// The design's name.
    public internal(set) var name: String
    /// The input file.
    public internal(set) var file: String
    /// The default region (service tags, AKS FQDNs).
    public internal(set) var region: String
    /// Analysis switches.
    public internal(set) var options: AnalysisOptions
    /// Public IP resources.
    public internal(set) var publicIPs: [PublicIP] = []
    /// Virtual networks.
    public internal(set) var vnets: [VNet] = []
    /// Subnets of every VNet, flattened.
    public internal(set) var subnets: [Subnet] = []
    /// Peering objects (one per direction).
    public internal(set) var peerings: [Peering] = []
    /// Route tables.
    public internal(set) var routeTables: [RouteTable] = []
    /// NAT gateways.
    public internal(set) var natGateways: [NatGateway] = []
    /// VPN / ExpressRoute gateways.
    public internal(set) var gateways: [VNetGateway] = []
    /// On-premises networks.
    public internal(set) var onPremises: [OnPremisesNetwork] = []
    /// Load balancers, including implicit AKS ones.
    public internal(set) var loadBalancers: [LoadBalancer] = []
    /// Azure Firewalls.
    public internal(set) var firewalls: [Firewall] = []
    /// Application Gateways.
    public internal(set) var appGateways: [AppGateway] = []
    /// Workloads (VMs, node pools, pods, NVAs, private endpoints).
    public internal(set) var workloads: [Workload] = []
    /// AKS clusters.
    public internal(set) var clusters: [Cluster] = []
    /// Named external endpoints (the built-in `internet` first).
    public internal(set) var endpoints: [Endpoint] = []
    /// Flows to check.
    public internal(set) var flows: [Flow] = []
    /// Assertions (extension), compiled.
    public internal(set) var assertions: [Assertion] = []
    /// Design-level findings (unsupported configurations, missing reverse peerings, …).
    public internal(set) var findings: [ConfigFinding] = [] {
        didSet { unsupportedFindings = findings.indices.filter { findings[$0].unsupported } }
    }
    /// Indexes of the ``findings`` that make a trace unsupported (few, while findings can number one per subnet).
    var unsupportedFindings: [Int] = []
    /// Warnings the compiler raised (the design is valid but something deserves a look), by position.
    public internal(set) var warnings: [Diagnostic] = []
    /// Effective routes per subnet (same index as ``subnets``).
    public internal(set) var effectiveRoutes: [SubnetRoutes] = []
    /// Service tags in force (built-in table overlaid with the design's).
    public internal(set) var serviceTags: ServiceTagTable

    /// Network security groups.
    public internal(set) var securityGroups: [SecurityGroup] = []
    /// Application security groups, by name.
    public internal(set) var applicationSecurityGroups: [String] = []
    /// Azure Bastion hosts.
    public internal(set) var bastions: [Bastion] = []
    /// Per subnet: what the `VirtualNetwork` service tag means for its NICs (G10).
    public internal(set) var virtualNetworkTag: [[IPv4Prefix]] = []
    /// Findings the design's owner accepts.
    public internal(set) var accepted: [AcceptedSpec] = []
    /// Per VNet: its private endpoints (workloads of kind privateEndpoint).
    public internal(set) var privateEndpoints: [[Int]] = []
    /// Who owns each address.
    public internal(set) var addresses = AddressIndex()
    /// Which VNets see each other and which gateways reach them.
    public internal(set) var peerGraph = PeerGraph()

    /// Gateways whose routes reach a VNet: its own, and a hub's through a peering with useRemoteGateways (P2).
    public func gateways(reachableFrom vnet: Int) -> [Int] { peerGraph.reachableGateways[vnet] }

    /// VNets whose ranges a gateway advertises to on-premises: its own and those using it as their remote gateway.
    public func vnets(advertisedBy gateway: Int) -> Set<Int> { peerGraph.advertisedVNets[gateway] }

    init(name: String, file: String, region: String, options: AnalysisOptions, serviceTags: ServiceTagTable) {
        self.name = name
        self.file = file
        self.region = region
        self.options = options
        self.serviceTags = serviceTags
    }
}
