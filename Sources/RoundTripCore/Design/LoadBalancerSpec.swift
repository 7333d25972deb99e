/// Load-balancer rule protocol.
public enum LBProtocol: String, Sendable, CaseIterable {
    case tcp = "Tcp", udp = "Udp", all = "All"
    /// Whether a flow protocol is covered.
    public func matches(_ p: TransportProtocol) -> Bool {
        switch self {
        case .all: return p != .icmp
        case .tcp: return p == .tcp
        case .udp: return p == .udp
        }
    }
}

/// A Standard load balancer as written in the design: frontends, pools and rules (`loadBalancers[]`).
public struct LoadBalancerSpec: Sendable {
    /// A frontend: the public or private address the load balancer receives traffic on (`frontendIPConfigurations[]`).
    public struct Frontend: Sendable {
        /// The frontend's name, unique within the load balancer; flows address it as `LB/FRONTEND`.
        public var name: String
        /// The public IP (by name) of a public frontend.
        public var publicIPAddress: String?
        /// The subnet of an internal frontend, as `VNET/SUBNET`.
        public var subnet: String?
        /// The address of an internal frontend.
        public var privateIPAddress: IPv4Address?
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, source: SourceMap) { self.name = name; self.source = source }
    }
    /// A backend pool: the workloads and addresses the load balancer spreads traffic over (`backendAddressPools[]`).
    public struct Pool: Sendable {
        /// The pool's name, unique within the load balancer.
        public var name: String
        /// Workloads (by name); every address of each one joins the pool.
        public var members: [String] = []
        /// Individual backend addresses.
        public var ipAddresses: [IPv4Address] = []
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, source: SourceMap) { self.name = name; self.source = source }
    }
    /// `loadBalancingRules[]` and `inboundNatRules[]`.
    public struct Rule: Sendable {
        /// The rule's name, unique within the load balancer.
        public var name: String
        /// The frontend (by name) the rule listens on.
        public var frontendIPConfiguration: String
        /// The pool (by name) the traffic is spread over.
        public var backendAddressPool: String?
        /// The transport the rule matches; `All` with both ports 0 is an HA-ports rule.
        public var protocolType: LBProtocol
        /// The port on the frontend.
        public var frontendPort: UInt16
        /// The port on the backends.
        public var backendPort: UInt16
        /// Whether backends receive packets still addressed to the frontend IP.
        public var enableFloatingIP = false
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a value.
        public init(
            name: String, frontendIPConfiguration: String, protocolType: LBProtocol, frontendPort: UInt16,
            backendPort: UInt16, source: SourceMap
        ) {
            self.name = name; self.frontendIPConfiguration = frontendIPConfiguration
            self.protocolType = protocolType; self.frontendPort = frontendPort; self.backendPort = backendPort
            self.source = source
        }
    }
    /// An outbound rule: the frontends whose public IPs a pool's members use for SNAT to the Internet (`outboundRules[]`).
    public struct OutboundRule: Sendable {
        /// The outbound rule's name, unique within the load balancer.
        public var name: String
        /// The frontends (by name) whose public IPs are used as SNAT sources.
        public var frontendIPConfigurations: [String]
        /// The pool (by name) whose members leave through this rule.
        public var backendAddressPool: String
        /// SNAT ports per backend instance; 0 means Azure's default allocation by pool size.
        public var allocatedOutboundPorts = 0
        /// The idle timeout of outbound flows, in minutes.
        public var idleTimeoutInMinutes = 4
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, frontendIPConfigurations: [String], backendAddressPool: String, source: SourceMap) {
            self.name = name; self.frontendIPConfigurations = frontendIPConfigurations
            self.backendAddressPool = backendAddressPool; self.source = source
        }
    }
    /// The load balancer's name.
    public var name: String
    /// The load balancer's frontends.
    public var frontendIPConfigurations: [Frontend] = []
    /// The backend pools.
    public var backendAddressPools: [Pool] = []
    /// The load-balancing rules.
    public var loadBalancingRules: [Rule] = []
    /// The inbound NAT rules.
    public var inboundNatRules: [Rule] = []
    /// The outbound (SNAT) rules.
    public var outboundRules: [OutboundRule] = []
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}
