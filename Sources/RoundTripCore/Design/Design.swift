/// A design as read from a RoundTrip v1 document: names unresolved, every element with its source map.
///
/// Readers (YAML, JSON, Azure JSON, Terraform plan) produce a `Design`; ``Topology/compile(_:)`` checks and
/// resolves it. Field names follow docs/format.md.
public struct Design: Sendable {
    /// The file the design came from (as given by the user).
    public var file: String
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `region`, default `westeurope`.
    public var region: String = "westeurope"
    /// `publicIPAddresses`.
    public var publicIPAddresses: [PublicIPSpec] = []
    /// `virtualNetworks`.
    public var virtualNetworks: [VirtualNetworkSpec] = []
    /// `virtualNetworkPeerings`.
    public var virtualNetworkPeerings: [PeeringSpec] = []
    /// `routeTables`.
    public var routeTables: [RouteTableSpec] = []
    /// `natGateways`.
    public var natGateways: [NatGatewaySpec] = []
    /// `virtualNetworkGateways`.
    public var virtualNetworkGateways: [GatewaySpec] = []
    /// `onPremisesNetworks`.
    public var onPremisesNetworks: [OnPremisesSpec] = []
    /// `loadBalancers`.
    public var loadBalancers: [LoadBalancerSpec] = []
    /// `azureFirewalls`.
    public var azureFirewalls: [FirewallSpec] = []
    /// `applicationGateways`.
    public var applicationGateways: [AppGatewaySpec] = []
    /// `workloads`.
    public var workloads: [WorkloadSpec] = []
    /// `kubernetesClusters`.
    public var kubernetesClusters: [ClusterSpec] = []
    /// `endpoints`.
    public var endpoints: [EndpointSpec] = []
    /// `flows`.
    public var flows: [FlowSpec] = []
    /// `serviceTags` (extension): tag definitions that override or extend the built-in offline table.
    public var serviceTags: [ServiceTagSpec] = []
    /// `assertions` (extension): properties checked for every client.
    public var assertions: [AssertionSpec] = []
    /// `options`.
    public var options = AnalysisOptions()
    /// Position of the document root.
    public var source: SourceMap

    /// Creates an empty design.
    public init(file: String, name: String, source: SourceMap) {
        self.file = file
        self.name = name
        self.source = source
    }
}

/// Analysis switches (`options`), each defaulting to the documented Azure behaviour.
public struct AnalysisOptions: Sendable, Hashable {
    /// `strictForwardedTraffic`: drop forwarded traffic on peerings with `allowForwardedTraffic: false` (P2a).
    public var strictForwardedTraffic = false
    /// `allowPrivateDnat` (extension): let firewall DNAT rules match private destinations (F11, version-sensitive).
    public var allowPrivateDnat = false
    /// `appGatewayPrivateDeployment` (extension): the private App Gateway deployment relaxes A6 (version-sensitive).
    public var appGatewayPrivateDeployment = false
    /// `loadBalancerReplyTranslation` (extension): when the backend host restores a load-balanced reply to the
    /// frontend address (L2, an inference the docs do not state).
    public var loadBalancerReplyTranslation = LoadBalancerReplyTranslation.azurePath
    /// Creates the defaults.
    public init() {}
}

/// When the backend host undoes a load balancer's DNAT on the reply (L2).
public enum LoadBalancerReplyTranslation: String, Sendable, Hashable, CaseIterable {
    /// Only when the reply follows Azure's own path (system Internet, VNet, peering or gateway routes); a
    /// `VirtualAppliance` UDR carries it un-restored to the appliance. azure-semantics L2 as written.
    case azurePath
    /// Always, before the route lookup: the appliance sees the frontend address.
    case always
}

/// `publicIPAddresses[]`.
public struct PublicIPSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// The address or prefix (a plain address becomes a /32).
    public var prefix: IPv4Prefix
    /// Whether it was given as `ipPrefix`.
    public var isPrefix: Bool
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, prefix: IPv4Prefix, isPrefix: Bool, source: SourceMap) {
        self.name = name; self.prefix = prefix; self.isPrefix = isPrefix; self.source = source
    }
}

/// `virtualNetworks[]`.
public struct VirtualNetworkSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `addressSpace` (docs/format.md).
    public var addressSpace: [IPv4Prefix]
    /// `subnets` (docs/format.md).
    public var subnets: [SubnetSpec]
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, addressSpace: [IPv4Prefix], subnets: [SubnetSpec], source: SourceMap) {
        self.name = name; self.addressSpace = addressSpace; self.subnets = subnets; self.source = source
    }
}

/// `virtualNetworks[].subnets[]`.
public struct SubnetSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `addressPrefix` (docs/format.md).
    public var addressPrefix: IPv4Prefix
    /// `routeTable` (docs/format.md).
    public var routeTable: String?
    /// `natGateway` (docs/format.md).
    public var natGateway: String?
    /// `defaultOutboundAccess` (docs/format.md).
    public var defaultOutboundAccess = true
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, addressPrefix: IPv4Prefix, source: SourceMap) {
        self.name = name; self.addressPrefix = addressPrefix; self.source = source
    }
}

/// `virtualNetworkPeerings[]`, one direction.
public struct PeeringSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `from` (docs/format.md).
    public var from: String
    /// `to` (docs/format.md).
    public var to: String
    /// `allowVirtualNetworkAccess` (docs/format.md).
    public var allowVirtualNetworkAccess = true
    /// `allowForwardedTraffic` (docs/format.md).
    public var allowForwardedTraffic = false
    /// `allowGatewayTransit` (docs/format.md).
    public var allowGatewayTransit = false
    /// `useRemoteGateways` (docs/format.md).
    public var useRemoteGateways = false
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, from: String, to: String, source: SourceMap) {
        self.name = name; self.from = from; self.to = to; self.source = source
    }
}

/// A route's next-hop type (API names).
public enum NextHopType: String, Sendable, CaseIterable, Hashable {
    case virtualAppliance = "VirtualAppliance"
    case virtualNetworkGateway = "VirtualNetworkGateway"
    case vnetLocal = "VnetLocal"
    case internet = "Internet"
    case none = "None"
    /// System only: a route to a peered VNet.
    case vnetPeering = "VNetPeering"
}

/// `routeTables[]`.
public struct RouteTableSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `disableBgpRoutePropagation` (docs/format.md).
    public var disableBgpRoutePropagation = false
    /// `routes` (docs/format.md).
    public var routes: [RouteSpec] = []
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}

/// `routeTables[].routes[]`.
public struct RouteSpec: Sendable {
    /// The destination of a route: a CIDR or a service tag.
    public enum Destination: Sendable, Hashable {
        case prefix(IPv4Prefix)
        case serviceTag(String)
    }
    /// `name` (docs/format.md).
    public var name: String
    /// `addressPrefix` (docs/format.md).
    public var addressPrefix: Destination
    /// `nextHopType` (docs/format.md).
    public var nextHopType: NextHopType
    /// `nextHopIpAddress` (docs/format.md).
    public var nextHopIpAddress: IPv4Address?
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(
        name: String, addressPrefix: Destination, nextHopType: NextHopType, nextHopIpAddress: IPv4Address?,
        source: SourceMap
    ) {
        self.name = name; self.addressPrefix = addressPrefix; self.nextHopType = nextHopType
        self.nextHopIpAddress = nextHopIpAddress; self.source = source
    }
}

/// `natGateways[]`.
public struct NatGatewaySpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `publicIPAddresses` (docs/format.md).
    public var publicIPAddresses: [String]
    /// `idleTimeoutInMinutes` (docs/format.md).
    public var idleTimeoutInMinutes = 4
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, publicIPAddresses: [String], source: SourceMap) {
        self.name = name; self.publicIPAddresses = publicIPAddresses; self.source = source
    }
}

/// `virtualNetworkGateways[].gatewayType`.
public enum GatewayType: String, Sendable, CaseIterable { case vpn = "Vpn", expressRoute = "ExpressRoute" }

/// `virtualNetworkGateways[]`.
public struct GatewaySpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `gatewayType` (docs/format.md).
    public var gatewayType: GatewayType
    /// `subnet` (docs/format.md).
    public var subnet: String
    /// `bgpEnabled` (docs/format.md).
    public var bgpEnabled = true
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, gatewayType: GatewayType, subnet: String, source: SourceMap) {
        self.name = name; self.gatewayType = gatewayType; self.subnet = subnet; self.source = source
    }
}

/// `onPremisesNetworks[]`.
public struct OnPremisesSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `addressPrefixes` (docs/format.md).
    public var addressPrefixes: [IPv4Prefix]
    /// `gateway` (docs/format.md).
    public var gateway: String
    /// `forcedTunnelDefaultRoute` (docs/format.md).
    public var forcedTunnelDefaultRoute = false
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, addressPrefixes: [IPv4Prefix], gateway: String, source: SourceMap) {
        self.name = name; self.addressPrefixes = addressPrefixes; self.gateway = gateway; self.source = source
    }
}

/// Transport protocol of a flow or rule.
public enum TransportProtocol: String, Sendable, Hashable, CaseIterable, Comparable {
    case tcp = "Tcp", udp = "Udp", icmp = "Icmp"
    /// ``.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

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

/// A firewall rule collection's action.
public enum RuleAction: String, Sendable, CaseIterable { case allow = "Allow", deny = "Deny" }

/// `azureFirewalls[]`.
public struct FirewallSpec: Sendable {
    /// `natRuleCollections[].rules[]`.
    public struct NatRule: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// `protocols` (docs/format.md).
        public var protocols: [TransportProtocol]
        /// `sourceAddresses` (docs/format.md).
        public var sourceAddresses: [String]
        /// `destinationAddresses` (docs/format.md).
        public var destinationAddresses: [String]
        /// `destinationPorts` (docs/format.md).
        public var destinationPorts: [PortRange]
        /// `translatedAddress` (docs/format.md).
        public var translatedAddress: IPv4Address
        /// `translatedPort` (docs/format.md).
        public var translatedPort: UInt16
        /// `source` (docs/format.md).
        public var source: SourceMap
        /// Creates a value.
        public init(
            name: String, protocols: [TransportProtocol], sourceAddresses: [String], destinationAddresses: [String],
            destinationPorts: [PortRange], translatedAddress: IPv4Address, translatedPort: UInt16, source: SourceMap
        ) {
            self.name = name; self.protocols = protocols; self.sourceAddresses = sourceAddresses
            self.destinationAddresses = destinationAddresses; self.destinationPorts = destinationPorts
            self.translatedAddress = translatedAddress; self.translatedPort = translatedPort; self.source = source
        }
    }
    /// `networkRuleCollections[].rules[]`.
    public struct NetworkRule: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// Protocols; `nil` entry list means Any.
        public var protocols: [TransportProtocol]
        /// `anyProtocol` (docs/format.md).
        public var anyProtocol: Bool
        /// `sourceAddresses` (docs/format.md).
        public var sourceAddresses: [String]
        /// `destinationAddresses` (docs/format.md).
        public var destinationAddresses: [String]
        /// `destinationFqdns` (docs/format.md).
        public var destinationFqdns: [String]
        /// `destinationPorts` (docs/format.md).
        public var destinationPorts: [PortRange]
        /// `source` (docs/format.md).
        public var source: SourceMap
        /// Creates a value.
        public init(
            name: String, protocols: [TransportProtocol], anyProtocol: Bool, sourceAddresses: [String],
            destinationAddresses: [String], destinationFqdns: [String], destinationPorts: [PortRange],
            source: SourceMap
        ) {
            self.name = name; self.protocols = protocols; self.anyProtocol = anyProtocol
            self.sourceAddresses = sourceAddresses; self.destinationAddresses = destinationAddresses
            self.destinationFqdns = destinationFqdns; self.destinationPorts = destinationPorts; self.source = source
        }
    }
    /// Application protocol of an application rule (`Https:443`).
    public struct AppProtocol: Sendable, Hashable, CustomStringConvertible {
        /// `Kind`.
        public enum Kind: String, Sendable, CaseIterable { case http = "Http", https = "Https", mssql = "Mssql" }
        /// `kind` (docs/format.md).
        public var kind: Kind
        /// `port` (docs/format.md).
        public var port: UInt16
        /// Creates a value.
        public init(kind: Kind, port: UInt16) { self.kind = kind; self.port = port }
        /// `description` (docs/format.md).
        public var description: String { "\(kind.rawValue):\(port)" }
    }
    /// `applicationRuleCollections[].rules[]`.
    public struct ApplicationRule: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// `sourceAddresses` (docs/format.md).
        public var sourceAddresses: [String]
        /// `protocols` (docs/format.md).
        public var protocols: [AppProtocol]
        /// `targetFqdns` (docs/format.md).
        public var targetFqdns: [String]
        /// `fqdnTags` (docs/format.md).
        public var fqdnTags: [String]
        /// `source` (docs/format.md).
        public var source: SourceMap
        /// Creates a value.
        public init(
            name: String, sourceAddresses: [String], protocols: [AppProtocol], targetFqdns: [String],
            fqdnTags: [String], source: SourceMap
        ) {
            self.name = name; self.sourceAddresses = sourceAddresses; self.protocols = protocols
            self.targetFqdns = targetFqdns; self.fqdnTags = fqdnTags; self.source = source
        }
    }
    /// A rule collection of any type.
    public struct Collection<Rule: Sendable>: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// `priority` (docs/format.md).
        public var priority: Int
        /// `action` (docs/format.md).
        public var action: RuleAction
        /// `rules` (docs/format.md).
        public var rules: [Rule]
        /// `source` (docs/format.md).
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, priority: Int, action: RuleAction, rules: [Rule], source: SourceMap) {
            self.name = name; self.priority = priority; self.action = action; self.rules = rules; self.source = source
        }
    }
    /// `threatIntelMode`.
    public enum ThreatIntelMode: String, Sendable, CaseIterable { case off = "Off", alert = "Alert", deny = "Deny" }

    /// `name` (docs/format.md).
    public var name: String
    /// `subnet` (docs/format.md).
    public var subnet: String
    /// `privateIPAddress` (docs/format.md).
    public var privateIPAddress: IPv4Address
    /// `instanceCount` (docs/format.md).
    public var instanceCount = 2
    /// `instanceIPAddresses` (docs/format.md).
    public var instanceIPAddresses: [IPv4Address] = []
    /// `publicIPAddresses` (docs/format.md).
    public var publicIPAddresses: [String] = []
    /// `snatPrivateRanges`; nil = `IANAPrivateRanges`.
    public var snatPrivateRanges: [IPv4Prefix]?
    /// `forcedTunneling` (docs/format.md).
    public var forcedTunneling = false
    /// `threatIntelMode` (docs/format.md).
    public var threatIntelMode = ThreatIntelMode.alert
    /// `natRuleCollections` (docs/format.md).
    public var natRuleCollections: [Collection<NatRule>] = []
    /// `networkRuleCollections` (docs/format.md).
    public var networkRuleCollections: [Collection<NetworkRule>] = []
    /// `applicationRuleCollections` (docs/format.md).
    public var applicationRuleCollections: [Collection<ApplicationRule>] = []
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, subnet: String, privateIPAddress: IPv4Address, source: SourceMap) {
        self.name = name; self.subnet = subnet; self.privateIPAddress = privateIPAddress; self.source = source
    }
}

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

/// `workloads[].kind`.
public enum WorkloadKind: String, Sendable, CaseIterable {
    case vm, aksNodePool, pod, nva, privateEndpoint
}

/// `workloads[]`.
public struct WorkloadSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `kind` (docs/format.md).
    public var kind: WorkloadKind
    /// `subnet` (docs/format.md).
    public var subnet: String
    /// `ipAddresses` (docs/format.md).
    public var ipAddresses: [IPv4Address]
    /// `publicIPAddress` (docs/format.md).
    public var publicIPAddress: String?
    /// `enableIPForwarding` (docs/format.md).
    public var enableIPForwarding: Bool?
    /// `stateful` (docs/format.md).
    public var stateful = true
    /// `snat` (docs/format.md).
    public var snat = false
    /// `hostedOn` (docs/format.md).
    public var hostedOn: String?
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, kind: WorkloadKind, subnet: String, ipAddresses: [IPv4Address], source: SourceMap) {
        self.name = name; self.kind = kind; self.subnet = subnet; self.ipAddresses = ipAddresses; self.source = source
    }
}

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

/// `endpoints[]`.
public struct EndpointSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `ipAddress` (docs/format.md).
    public var ipAddress: IPv4Address?
    /// `fqdn` (docs/format.md).
    public var fqdn: String?
    /// `onPremisesNetwork` (docs/format.md).
    public var onPremisesNetwork: String?
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}

/// A verdict name as written in `expect` and in JSON output.
public enum Verdict: String, Sendable, CaseIterable, Hashable, Codable {
    case symmetric
    case asymmetric
    case natMismatch = "nat-mismatch"
    case noRoute = "no-route"
    case denied
    case loop
    case unsupportedConfig = "unsupported-config"
}

/// `flows[]`.
public struct FlowSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `from` (docs/format.md).
    public var from: String
    /// `to` (docs/format.md).
    public var to: String
    /// `port` (docs/format.md).
    public var port: UInt16?
    /// `sourcePort` (docs/format.md).
    public var sourcePort: UInt16?
    /// `protocolType` (docs/format.md).
    public var protocolType = TransportProtocol.tcp
    /// `expect` (docs/format.md).
    public var expect: Verdict?
    /// `expectDroppedAt` (docs/format.md).
    public var expectDroppedAt: String?
    /// `expectEgressIP` (docs/format.md).
    public var expectEgressIP: IPv4Address?
    /// `description` (docs/format.md).
    public var description: String?
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, from: String, to: String, source: SourceMap) {
        self.name = name; self.from = from; self.to = to; self.source = source
    }
}

/// `serviceTags[]` (extension).
public struct ServiceTagSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `addressPrefixes` (docs/format.md).
    public var addressPrefixes: [IPv4Prefix]
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, addressPrefixes: [IPv4Prefix], source: SourceMap) {
        self.name = name; self.addressPrefixes = addressPrefixes; self.source = source
    }
}

/// `assertions[]` (extension): a property the design must keep for every client it covers.
public struct AssertionSpec: Sendable {
    /// What every traced round trip must satisfy.
    public enum Expectation: Sendable, Hashable {
        /// Exactly this verdict.
        case verdict(Verdict)
        /// Anything but `asymmetric` and `nat-mismatch`.
        case noAsymmetry
    }
    /// `name` (docs/format.md).
    public var name: String
    /// `description` (docs/format.md).
    public var description: String?
    /// `from` (docs/format.md).
    public var from: String
    /// `to` (docs/format.md).
    public var to: String
    /// `port` (docs/format.md).
    public var port: UInt16?
    /// `protocolType` (docs/format.md).
    public var protocolType = TransportProtocol.tcp
    /// `expect` (docs/format.md).
    public var expect: Expectation?
    /// `through` (docs/format.md).
    public var through: String?
    /// `egressVia` (docs/format.md).
    public var egressVia: String?
    /// Fails when a source workload reaches the Internet through default outbound access (K1, L12).
    public var noDefaultOutboundAccess = false
    /// `bidirectional` (docs/format.md).
    public var bidirectional = false
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, from: String, to: String, source: SourceMap) {
        self.name = name; self.from = from; self.to = to; self.source = source
    }
}
