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

/// `loadBalancers[]`.
public struct LoadBalancerSpec: Sendable {
    /// `frontendIPConfigurations[]`.
    public struct Frontend: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// `publicIPAddress` (docs/format.md).
        public var publicIPAddress: String?
        /// `subnet` (docs/format.md).
        public var subnet: String?
        /// `privateIPAddress` (docs/format.md).
        public var privateIPAddress: IPv4Address?
        /// `source` (docs/format.md).
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, source: SourceMap) { self.name = name; self.source = source }
    }
    /// `backendAddressPools[]`.
    public struct Pool: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// `members` (docs/format.md).
        public var members: [String] = []
        /// `ipAddresses` (docs/format.md).
        public var ipAddresses: [IPv4Address] = []
        /// `source` (docs/format.md).
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, source: SourceMap) { self.name = name; self.source = source }
    }
    /// `loadBalancingRules[]` and `inboundNatRules[]`.
    public struct Rule: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// `frontendIPConfiguration` (docs/format.md).
        public var frontendIPConfiguration: String
        /// `backendAddressPool` (docs/format.md).
        public var backendAddressPool: String?
        /// `protocolType` (docs/format.md).
        public var protocolType: LBProtocol
        /// `frontendPort` (docs/format.md).
        public var frontendPort: UInt16
        /// `backendPort` (docs/format.md).
        public var backendPort: UInt16
        /// `enableFloatingIP` (docs/format.md).
        public var enableFloatingIP = false
        /// `source` (docs/format.md).
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
    /// `outboundRules[]`.
    public struct OutboundRule: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// `frontendIPConfigurations` (docs/format.md).
        public var frontendIPConfigurations: [String]
        /// `backendAddressPool` (docs/format.md).
        public var backendAddressPool: String
        /// `allocatedOutboundPorts` (docs/format.md).
        public var allocatedOutboundPorts = 0
        /// `idleTimeoutInMinutes` (docs/format.md).
        public var idleTimeoutInMinutes = 4
        /// `source` (docs/format.md).
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, frontendIPConfigurations: [String], backendAddressPool: String, source: SourceMap) {
            self.name = name; self.frontendIPConfigurations = frontendIPConfigurations
            self.backendAddressPool = backendAddressPool; self.source = source
        }
    }
    /// `name` (docs/format.md).
    public var name: String
    /// `frontendIPConfigurations` (docs/format.md).
    public var frontendIPConfigurations: [Frontend] = []
    /// `backendAddressPools` (docs/format.md).
    public var backendAddressPools: [Pool] = []
    /// `loadBalancingRules` (docs/format.md).
    public var loadBalancingRules: [Rule] = []
    /// `inboundNatRules` (docs/format.md).
    public var inboundNatRules: [Rule] = []
    /// `outboundRules` (docs/format.md).
    public var outboundRules: [OutboundRule] = []
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}
