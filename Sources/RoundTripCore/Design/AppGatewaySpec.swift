/// An Application Gateway v2 as written in the design: frontends, listeners and backend pools (`applicationGateways[]`).
public struct AppGatewaySpec: Sendable {
    /// A frontend: the public or private address the gateway receives traffic on (`frontendIPConfigurations[]`).
    public struct Frontend: Sendable {
        /// The frontend's name, unique within the gateway.
        public var name: String
        /// The public IP (by name) of a public frontend.
        public var publicIPAddress: String?
        /// The address of a private frontend, inside the gateway's subnet.
        public var privateIPAddress: IPv4Address?
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, source: SourceMap) { self.name = name; self.source = source }
    }
    /// A listener: the frontend, port and protocol that client connections arrive on, and the pool they go to (`httpListeners[]`).
    public struct Listener: Sendable {
        /// The listener's name, unique within the gateway; flows address it as `AGW/LISTENER`.
        public var name: String
        /// The frontend (by name) the listener binds to.
        public var frontendIPConfiguration: String
        /// The port the listener accepts connections on.
        public var port: UInt16
        /// The listener protocol, Http or Https.
        public var protocolKind: FirewallSpec.AppProtocol.Kind
        /// The pool (by name) that requests are forwarded to.
        public var backendAddressPool: String
        /// The port the gateway connects to on the backends.
        public var backendPort: UInt16
        /// Where the element and each of its fields were written in the design file.
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
    /// A backend pool: the workloads and addresses the gateway forwards requests to (`backendAddressPools[]`).
    public struct Pool: Sendable {
        /// The pool's name, unique within the gateway.
        public var name: String
        /// Workloads (by name) whose addresses join the pool.
        public var members: [String] = []
        /// Individual backend addresses.
        public var ipAddresses: [IPv4Address] = []
        /// Backends given by DNS name.
        public var fqdns: [String] = []
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, source: SourceMap) { self.name = name; self.source = source }
    }
    /// The application gateway's name.
    public var name: String
    /// The gateway's dedicated subnet, as `VNET/SUBNET`.
    public var subnet: String
    /// The instances' private addresses, which backends see as the source; empty takes two from the subnet.
    public var instanceIPAddresses: [IPv4Address] = []
    /// The gateway's public and private frontends.
    public var frontendIPConfigurations: [Frontend] = []
    /// The listeners that accept client connections.
    public var httpListeners: [Listener] = []
    /// The pools requests are forwarded to.
    public var backendAddressPools: [Pool] = []
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, subnet: String, source: SourceMap) {
        self.name = name; self.subnet = subnet; self.source = source
    }
}
