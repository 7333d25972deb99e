/// A Standard load balancer.
public struct LoadBalancer: Sendable {
    /// A frontend IP configuration.
    public struct Frontend: Sendable {
        /// Name.
        public var name: String
        /// The address (public or private).
        public var address: IPv4Address
        /// Public IP resource, for public frontends.
        public var publicIP: Int?
        /// Subnet, for internal frontends.
        public var subnet: Int?
        /// Position in the input.
        public var source: SourceMap
    }
    /// A backend pool.
    public struct Pool: Sendable {
        /// Name.
        public var name: String
        /// Member addresses with their workload (nil for bare `ipAddresses`).
        public var members: [Member]
        /// Position in the input.
        public var source: SourceMap
    }
    /// One backend address.
    public struct Member: Sendable, Hashable {
        /// Address.
        public var address: IPv4Address
        /// Workload owning it, when known.
        public var workload: Int?
    }
    /// What a rule is.
    public enum RuleKind: String, Sendable { case loadBalancing, inboundNat }
    /// A load-balancing or inbound NAT rule.
    public struct Rule: Sendable {
        /// Name.
        public var name: String
        /// Kind.
        public var kind: RuleKind
        /// Frontend index.
        public var frontend: Int
        /// Pool index (load-balancing rules).
        public var pool: Int?
        /// Target (inbound NAT rules).
        public var target: Member?
        /// Protocol.
        public var protocolType: LBProtocol
        /// Frontend port (0 with All = HA ports).
        public var frontendPort: UInt16
        /// Backend port.
        public var backendPort: UInt16
        /// Floating IP (DSR).
        public var enableFloatingIP: Bool
        /// Position in the input.
        public var source: SourceMap
        /// Whether this is an HA-ports rule.
        public var isHAPorts: Bool { protocolType == .all && frontendPort == 0 && backendPort == 0 }
    }
    /// An outbound rule.
    public struct OutboundRule: Sendable {
        /// Name.
        public var name: String
        /// Frontends whose addresses SNAT.
        public var frontends: [Int]
        /// Pool.
        public var pool: Int
        /// Ports per instance (0 = default table).
        public var allocatedOutboundPorts: Int
        /// Idle timeout.
        public var idleTimeoutInMinutes: Int
        /// Position in the input.
        public var source: SourceMap
    }
    /// Name.
    public var name: String
    /// Public (true) or internal.
    public var isPublic: Bool
    /// Frontends.
    public var frontends: [Frontend]
    /// Pools.
    public var pools: [Pool]
    /// Load-balancing and inbound NAT rules.
    public var rules: [Rule]
    /// Outbound rules.
    public var outboundRules: [OutboundRule]
    /// Created by RoundTrip for an AKS cluster (not in the input).
    public var implicit: Bool
    /// Position in the input.
    public var source: SourceMap
}
