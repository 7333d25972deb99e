/// An AKS cluster.
public struct Cluster: Sendable {
    /// The cluster's name.
    public var name: String
    /// How node egress leaves the cluster.
    public var outboundType: OutboundType
    /// The pod networking plugin: `azure` or `kubenet`.
    public var networkPlugin: String
    /// The pod address range on kubenet.
    public var podCidr: IPv4Prefix?
    /// The cluster's node pools, indexes into the topology's workloads.
    public var nodePools: [Int]
    /// Cluster public load balancer.
    public var loadBalancer: Int?
    /// Cluster internal load balancer (internal services).
    public var internalLoadBalancer: Int?
    /// The NAT Gateway used by the NAT outbound types, an index into the topology's NAT Gateways.
    public var natGateway: Int?
    /// Outbound public IPs for outboundType loadBalancer.
    public var outboundIPs: [Int]
    /// How many AKS-managed outbound public IPs the cluster load balancer has.
    public var managedOutboundIPCount: Int?
    /// SNAT ports per node; 0 means Azure's default allocation.
    public var allocatedOutboundPorts: Int
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
}
