/// An Application Gateway v2.
public struct AppGateway: Sendable {
    /// A frontend.
    public struct Frontend: Sendable {
        /// `name`.
        public var name: String
        /// `address`.
        public var address: IPv4Address
        /// `isPublic`.
        public var isPublic: Bool
        /// `source`.
        public var source: SourceMap
    }
    /// A listener.
    public struct Listener: Sendable {
        /// `name`.
        public var name: String
        /// `frontend`.
        public var frontend: Int
        /// `port`.
        public var port: UInt16
        /// `protocolKind`.
        public var protocolKind: FirewallSpec.AppProtocol.Kind
        /// `pool`.
        public var pool: Int
        /// `backendPort`.
        public var backendPort: UInt16
        /// `source`.
        public var source: SourceMap
    }
    /// A backend pool.
    public struct Pool: Sendable {
        /// `name`.
        public var name: String
        /// `members`.
        public var members: [LoadBalancer.Member]
        /// `unresolvedFqdns`.
        public var unresolvedFqdns: [String]
        /// `source`.
        public var source: SourceMap
    }
    /// `name`.
    public var name: String
    /// `subnet`.
    public var subnet: Int
    /// `vnet`.
    public var vnet: Int
    /// `instanceIPs`.
    public var instanceIPs: [IPv4Address]
    /// `frontends`.
    public var frontends: [Frontend]
    /// `listeners`.
    public var listeners: [Listener]
    /// `pools`.
    public var pools: [Pool]
    /// `source`.
    public var source: SourceMap
}
