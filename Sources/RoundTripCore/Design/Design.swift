/// A design as read from a RoundTrip v1 document: names unresolved, every element with its source map.
///
/// Readers (YAML, JSON, Azure JSON, Terraform plan) produce a `Design`; ``Topology/compile(_:)`` checks and
/// resolves it. Field names follow docs/format.md.
public struct Design: Sendable {
    /// The file the design came from (as given by the user).
    public var file: String
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `region`, default `westeurope`.
    public var region: String = "westeurope"
    /// `publicIPAddresses`.
    public var publicIPAddresses: [PublicIPSpec] = []
    /// `virtualNetworks`.
    public var virtualNetworks: [VirtualNetworkSpec] = []
    /// `virtualNetworkPeerings`.
    public var virtualNetworkPeerings: [PeeringSpec] = []
    /// `routeTables`.
    public var routeTables: [RouteTableSpec] = []
    /// `natGateways`.
    public var natGateways: [NatGatewaySpec] = []
    /// `virtualNetworkGateways`.
    public var virtualNetworkGateways: [GatewaySpec] = []
    /// `onPremisesNetworks`.
    public var onPremisesNetworks: [OnPremisesSpec] = []
    /// `loadBalancers`.
    public var loadBalancers: [LoadBalancerSpec] = []
    /// `azureFirewalls`.
    public var azureFirewalls: [FirewallSpec] = []
    /// `applicationGateways`.
    public var applicationGateways: [AppGatewaySpec] = []
    /// `workloads`.
    public var workloads: [WorkloadSpec] = []
    /// `kubernetesClusters`.
    public var kubernetesClusters: [ClusterSpec] = []
    /// `endpoints`.
    public var endpoints: [EndpointSpec] = []
    /// `flows`.
    public var flows: [FlowSpec] = []
    /// `serviceTags` (extension): tag definitions that override or extend the built-in offline table.
    public var serviceTags: [ServiceTagSpec] = []
    /// `assertions` (extension): properties checked for every client.
    public var assertions: [AssertionSpec] = []
    /// `options`.
    public var options = AnalysisOptions()
    /// Position of the document root.
    public var source: SourceMap

    /// Creates an empty design.
    public init(file: String, name: String, source: SourceMap) {
        self.file = file
        self.name = name
        self.source = source
    }
}
