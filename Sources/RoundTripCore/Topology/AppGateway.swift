/// An Application Gateway v2.
public struct AppGateway: Sendable {
    /// A frontend.
    public struct Frontend: Sendable {
        /// The frontend's name.
        public var name: String
        /// The frontend's address.
        public var address: IPv4Address
        /// Whether the frontend is a public IP rather than a private address.
        public var isPublic: Bool
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
    }
    /// A listener.
    public struct Listener: Sendable {
        /// The listener's name; flows address it as `AGW/LISTENER`.
        public var name: String
        /// The frontend the listener binds to, an index into `frontends`.
        public var frontend: Int
        /// The port the listener accepts connections on.
        public var port: UInt16
        /// The listener protocol, Http or Https.
        public var protocolKind: FirewallSpec.AppProtocol.Kind
        /// The pool requests are forwarded to, an index into `pools`.
        public var pool: Int
        /// The port the gateway connects to on the backends.
        public var backendPort: UInt16
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
    }
    /// A backend pool.
    public struct Pool: Sendable {
        /// The pool's name.
        public var name: String
        /// The backends: workload addresses and individual addresses.
        public var members: [LoadBalancer.Member]
        /// Backends given by DNS name, which the analysis cannot resolve to addresses.
        public var unresolvedFqdns: [String]
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
    }
    /// The application gateway's name.
    public var name: String
    /// The gateway's subnet, an index into the topology's subnets.
    public var subnet: Int
    /// The VNet of the gateway's subnet, an index into the topology's VNets.
    public var vnet: Int
    /// The instances' private addresses, which backends see as the source.
    public var instanceIPs: [IPv4Address]
    /// The gateway's public and private frontends.
    public var frontends: [Frontend]
    /// The listeners that accept client connections.
    public var listeners: [Listener]
    /// The pools requests are forwarded to.
    public var pools: [Pool]
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
}
