/// `kubernetesClusters[].outboundType`.
public enum OutboundType: String, Sendable, CaseIterable {
    case loadBalancer, managedNATGateway, userAssignedNATGateway, userDefinedRouting, none, block
}

/// `kubernetesClusters[]`.
public struct ClusterSpec: Sendable {
    /// `loadBalancerProfile`.
    public struct LoadBalancerProfile: Sendable {
        /// `managedOutboundIPCount` (docs/format.md).
        public var managedOutboundIPCount: Int?
        /// `outboundIPs` (docs/format.md).
        public var outboundIPs: [String] = []
        /// `allocatedOutboundPorts` (docs/format.md).
        public var allocatedOutboundPorts = 0
        /// `idleTimeoutInMinutes` (docs/format.md).
        public var idleTimeoutInMinutes = 30
        /// `source` (docs/format.md).
        public var source: SourceMap
        /// Creates a value.
        public init(source: SourceMap) { self.source = source }
    }
    /// `services[]`: a `type: LoadBalancer` Service.
    public struct Service: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// `isInternal` (docs/format.md).
        public var isInternal = false
        /// `port` (docs/format.md).
        public var port: UInt16
        /// `nodePort` (docs/format.md).
        public var nodePort: UInt16?
        /// `protocolType` (docs/format.md).
        public var protocolType: TransportProtocol = .tcp
        /// `publicIPAddress` (docs/format.md).
        public var publicIPAddress: String?
        /// `privateIPAddress` (docs/format.md).
        public var privateIPAddress: IPv4Address?
        /// `enableFloatingIP` (docs/format.md).
        public var enableFloatingIP = true
        /// `source` (docs/format.md).
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, port: UInt16, source: SourceMap) {
            self.name = name; self.port = port; self.source = source
        }
    }
    /// `name` (docs/format.md).
    public var name: String
    /// `outboundType` (docs/format.md).
    public var outboundType = OutboundType.loadBalancer
    /// `networkPlugin` (docs/format.md).
    public var networkPlugin = "azure"
    /// `podCidr` (docs/format.md).
    public var podCidr: IPv4Prefix?
    /// `nodePools` (docs/format.md).
    public var nodePools: [String] = []
    /// `loadBalancer` (docs/format.md).
    public var loadBalancer: String?
    /// `natGateway` (docs/format.md).
    public var natGateway: String?
    /// `loadBalancerProfile` (docs/format.md).
    public var loadBalancerProfile: LoadBalancerProfile?
    /// `services` (docs/format.md).
    public var services: [Service] = []
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}
