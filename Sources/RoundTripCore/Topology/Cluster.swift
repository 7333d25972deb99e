/// An AKS cluster.
public struct Cluster: Sendable {
    /// `name`.
    public var name: String
    /// `outboundType`.
    public var outboundType: OutboundType
    /// `networkPlugin`.
    public var networkPlugin: String
    /// `podCidr`.
    public var podCidr: IPv4Prefix?
    /// `nodePools`.
    public var nodePools: [Int]
    /// Cluster public load balancer.
    public var loadBalancer: Int?
    /// Cluster internal load balancer (internal services).
    public var internalLoadBalancer: Int?
    /// `natGateway`.
    public var natGateway: Int?
    /// Outbound public IPs for outboundType loadBalancer.
    public var outboundIPs: [Int]
    /// `managedOutboundIPCount`.
    public var managedOutboundIPCount: Int?
    /// `allocatedOutboundPorts`.
    public var allocatedOutboundPorts: Int
    /// `source`.
    public var source: SourceMap
}
