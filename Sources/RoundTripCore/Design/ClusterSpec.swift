/// How an AKS cluster's node egress leaves the cluster (`kubernetesClusters[].outboundType`).
public enum OutboundType: String, Sendable, CaseIterable {
    case loadBalancer, managedNATGateway, userAssignedNATGateway, userDefinedRouting, none, block
}

/// An AKS cluster as written in the design: networking, node pools, egress and Services (`kubernetesClusters[]`).
public struct ClusterSpec: Sendable {
    /// The outbound settings of an AKS cluster's load balancer (`loadBalancerProfile`).
    public struct LoadBalancerProfile: Sendable {
        /// How many AKS-managed outbound public IPs the cluster load balancer gets (1–100).
        public var managedOutboundIPCount: Int?
        /// Your own public IPs (by name) for egress, used instead of managed ones.
        public var outboundIPs: [String] = []
        /// SNAT ports per node; 0 means Azure's default allocation.
        public var allocatedOutboundPorts = 0
        /// The idle timeout of outbound flows, in minutes.
        public var idleTimeoutInMinutes = 30
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a value.
        public init(source: SourceMap) { self.source = source }
    }
    /// `services[]`: a `type: LoadBalancer` Service.
    public struct Service: Sendable {
        /// The Service's name, unique within the cluster.
        public var name: String
        /// Whether the frontend is internal (a private address) rather than public.
        public var isInternal = false
        /// The Service port, which is also the frontend port.
        public var port: UInt16
        /// The node port kube-proxy opens on every node.
        public var nodePort: UInt16?
        /// The Service protocol, TCP or UDP.
        public var protocolType: TransportProtocol = .tcp
        /// The public IP (by name) of a public Service.
        public var publicIPAddress: String?
        /// The frontend address of an internal Service.
        public var privateIPAddress: IPv4Address?
        /// Whether the generated load-balancing rule uses floating IP, as AKS programs it (extension, default true).
        public var enableFloatingIP = true
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, port: UInt16, source: SourceMap) {
            self.name = name; self.port = port; self.source = source
        }
    }
    /// The cluster's name.
    public var name: String
    /// How node egress leaves the cluster (default load balancer).
    public var outboundType = OutboundType.loadBalancer
    /// The pod networking plugin: `azure` (pods get VNet addresses) or `kubenet`.
    public var networkPlugin = "azure"
    /// The pod address range on kubenet.
    public var podCidr: IPv4Prefix?
    /// The cluster's `aksNodePool` workloads, by name.
    public var nodePools: [String] = []
    /// The cluster's Standard load balancer; created the way AKS does when no load balancer has this name.
    public var loadBalancer: String?
    /// The NAT Gateway used by the NAT outbound types.
    public var natGateway: String?
    /// The outbound settings of the cluster load balancer.
    public var loadBalancerProfile: LoadBalancerProfile?
    /// The cluster's `type: LoadBalancer` Services.
    public var services: [Service] = []
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}
