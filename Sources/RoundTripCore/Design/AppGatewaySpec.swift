/// `applicationGateways[]`.
public struct AppGatewaySpec: Sendable {
    /// `frontendIPConfigurations[]`.
    public struct Frontend: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// `publicIPAddress` (docs/format.md).
        public var publicIPAddress: String?
        /// `privateIPAddress` (docs/format.md).
        public var privateIPAddress: IPv4Address?
        /// `source` (docs/format.md).
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, source: SourceMap) { self.name = name; self.source = source }
    }
    /// `httpListeners[]`.
    public struct Listener: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// `frontendIPConfiguration` (docs/format.md).
        public var frontendIPConfiguration: String
        /// `port` (docs/format.md).
        public var port: UInt16
        /// `protocolKind` (docs/format.md).
        public var protocolKind: FirewallSpec.AppProtocol.Kind
        /// `backendAddressPool` (docs/format.md).
        public var backendAddressPool: String
        /// `backendPort` (docs/format.md).
        public var backendPort: UInt16
        /// `source` (docs/format.md).
        public var source: SourceMap
        /// Creates a value.
        public init(
            name: String, frontendIPConfiguration: String, port: UInt16, protocolKind: FirewallSpec.AppProtocol.Kind,
            backendAddressPool: String, backendPort: UInt16, source: SourceMap
        ) {
            self.name = name; self.frontendIPConfiguration = frontendIPConfiguration; self.port = port
            self.protocolKind = protocolKind; self.backendAddressPool = backendAddressPool
            self.backendPort = backendPort; self.source = source
        }
    }
    /// `backendAddressPools[]`.
    public struct Pool: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// `members` (docs/format.md).
        public var members: [String] = []
        /// `ipAddresses` (docs/format.md).
        public var ipAddresses: [IPv4Address] = []
        /// `fqdns` (docs/format.md).
        public var fqdns: [String] = []
        /// `source` (docs/format.md).
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, source: SourceMap) { self.name = name; self.source = source }
    }
    /// `name` (docs/format.md).
    public var name: String
    /// `subnet` (docs/format.md).
    public var subnet: String
    /// `instanceIPAddresses` (docs/format.md).
    public var instanceIPAddresses: [IPv4Address] = []
    /// `frontendIPConfigurations` (docs/format.md).
    public var frontendIPConfigurations: [Frontend] = []
    /// `httpListeners` (docs/format.md).
    public var httpListeners: [Listener] = []
    /// `backendAddressPools` (docs/format.md).
    public var backendAddressPools: [Pool] = []
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, subnet: String, source: SourceMap) {
        self.name = name; self.subnet = subnet; self.source = source
    }
}
