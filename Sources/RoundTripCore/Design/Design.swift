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
    public var name: String
    /// The address or prefix (a plain address becomes a /32).
    public var prefix: IPv4Prefix
    /// Whether it was given as `ipPrefix`.
    public var isPrefix: Bool
    public var source: SourceMap
    public init(name: String, prefix: IPv4Prefix, isPrefix: Bool, source: SourceMap) {
        self.name = name; self.prefix = prefix; self.isPrefix = isPrefix; self.source = source
    }
}

/// `virtualNetworks[]`.
public struct VirtualNetworkSpec: Sendable {
    public var name: String
    public var addressSpace: [IPv4Prefix]
    public var subnets: [SubnetSpec]
    public var source: SourceMap
    public init(name: String, addressSpace: [IPv4Prefix], subnets: [SubnetSpec], source: SourceMap) {
        self.name = name; self.addressSpace = addressSpace; self.subnets = subnets; self.source = source
    }
}

/// `virtualNetworks[].subnets[]`.
public struct SubnetSpec: Sendable {
    public var name: String
    public var addressPrefix: IPv4Prefix
    public var routeTable: String?
    public var natGateway: String?
    public var defaultOutboundAccess = true
    public var source: SourceMap
    public init(name: String, addressPrefix: IPv4Prefix, source: SourceMap) {
        self.name = name; self.addressPrefix = addressPrefix; self.source = source
    }
}

/// `virtualNetworkPeerings[]`, one direction.
public struct PeeringSpec: Sendable {
    public var name: String
    public var from: String
    public var to: String
    public var allowVirtualNetworkAccess = true
    public var allowForwardedTraffic = false
    public var allowGatewayTransit = false
    public var useRemoteGateways = false
    public var source: SourceMap
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
    public var name: String
    public var disableBgpRoutePropagation = false
    public var routes: [RouteSpec] = []
    public var source: SourceMap
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}

/// `routeTables[].routes[]`.
public struct RouteSpec: Sendable {
    /// The destination of a route: a CIDR or a service tag.
    public enum Destination: Sendable, Hashable {
        case prefix(IPv4Prefix)
        case serviceTag(String)
    }
    public var name: String
    public var addressPrefix: Destination
    public var nextHopType: NextHopType
    public var nextHopIpAddress: IPv4Address?
    public var source: SourceMap
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
    public var name: String
    public var publicIPAddresses: [String]
    public var idleTimeoutInMinutes = 4
    public var source: SourceMap
    public init(name: String, publicIPAddresses: [String], source: SourceMap) {
        self.name = name; self.publicIPAddresses = publicIPAddresses; self.source = source
    }
}

/// `virtualNetworkGateways[].gatewayType`.
public enum GatewayType: String, Sendable, CaseIterable { case vpn = "Vpn", expressRoute = "ExpressRoute" }

/// `virtualNetworkGateways[]`.
public struct GatewaySpec: Sendable {
    public var name: String
    public var gatewayType: GatewayType
    public var subnet: String
    public var bgpEnabled = true
    public var source: SourceMap
    public init(name: String, gatewayType: GatewayType, subnet: String, source: SourceMap) {
        self.name = name; self.gatewayType = gatewayType; self.subnet = subnet; self.source = source
    }
}

/// `onPremisesNetworks[]`.
public struct OnPremisesSpec: Sendable {
    public var name: String
    public var addressPrefixes: [IPv4Prefix]
    public var gateway: String
    public var forcedTunnelDefaultRoute = false
    public var source: SourceMap
    public init(name: String, addressPrefixes: [IPv4Prefix], gateway: String, source: SourceMap) {
        self.name = name; self.addressPrefixes = addressPrefixes; self.gateway = gateway; self.source = source
    }
}

/// Transport protocol of a flow or rule.
public enum TransportProtocol: String, Sendable, Hashable, CaseIterable, Comparable {
    case tcp = "Tcp", udp = "Udp", icmp = "Icmp"
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
        public var name: String
        public var publicIPAddress: String?
        public var subnet: String?
        public var privateIPAddress: IPv4Address?
        public var source: SourceMap
        public init(name: String, source: SourceMap) { self.name = name; self.source = source }
    }
    /// `backendAddressPools[]`.
    public struct Pool: Sendable {
        public var name: String
        public var members: [String] = []
        public var ipAddresses: [IPv4Address] = []
        public var source: SourceMap
        public init(name: String, source: SourceMap) { self.name = name; self.source = source }
    }
    /// `loadBalancingRules[]` and `inboundNatRules[]`.
    public struct Rule: Sendable {
        public var name: String
        public var frontendIPConfiguration: String
        public var backendAddressPool: String?
        public var protocolType: LBProtocol
        public var frontendPort: UInt16
        public var backendPort: UInt16
        public var enableFloatingIP = false
        public var source: SourceMap
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
        public var name: String
        public var frontendIPConfigurations: [String]
        public var backendAddressPool: String
        public var allocatedOutboundPorts = 0
        public var idleTimeoutInMinutes = 4
        public var source: SourceMap
        public init(name: String, frontendIPConfigurations: [String], backendAddressPool: String, source: SourceMap) {
            self.name = name; self.frontendIPConfigurations = frontendIPConfigurations
            self.backendAddressPool = backendAddressPool; self.source = source
        }
    }
    public var name: String
    public var frontendIPConfigurations: [Frontend] = []
    public var backendAddressPools: [Pool] = []
    public var loadBalancingRules: [Rule] = []
    public var inboundNatRules: [Rule] = []
    public var outboundRules: [OutboundRule] = []
    public var source: SourceMap
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}

/// A firewall rule collection's action.
public enum RuleAction: String, Sendable, CaseIterable { case allow = "Allow", deny = "Deny" }

/// `azureFirewalls[]`.
public struct FirewallSpec: Sendable {
    /// `natRuleCollections[].rules[]`.
    public struct NatRule: Sendable {
        public var name: String
        public var protocols: [TransportProtocol]
        public var sourceAddresses: [String]
        public var destinationAddresses: [String]
        public var destinationPorts: [PortRange]
        public var translatedAddress: IPv4Address
        public var translatedPort: UInt16
        public var source: SourceMap
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
        public var name: String
        /// Protocols; `nil` entry list means Any.
        public var protocols: [TransportProtocol]
        public var anyProtocol: Bool
        public var sourceAddresses: [String]
        public var destinationAddresses: [String]
        public var destinationFqdns: [String]
        public var destinationPorts: [PortRange]
        public var source: SourceMap
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
        public enum Kind: String, Sendable, CaseIterable { case http = "Http", https = "Https", mssql = "Mssql" }
        public var kind: Kind
        public var port: UInt16
        public init(kind: Kind, port: UInt16) { self.kind = kind; self.port = port }
        public var description: String { "\(kind.rawValue):\(port)" }
    }
    /// `applicationRuleCollections[].rules[]`.
    public struct ApplicationRule: Sendable {
        public var name: String
        public var sourceAddresses: [String]
        public var protocols: [AppProtocol]
        public var targetFqdns: [String]
        public var fqdnTags: [String]
        public var source: SourceMap
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
        public var name: String
        public var priority: Int
        public var action: RuleAction
        public var rules: [Rule]
        public var source: SourceMap
        public init(name: String, priority: Int, action: RuleAction, rules: [Rule], source: SourceMap) {
            self.name = name; self.priority = priority; self.action = action; self.rules = rules; self.source = source
        }
    }
    /// `threatIntelMode`.
    public enum ThreatIntelMode: String, Sendable, CaseIterable { case off = "Off", alert = "Alert", deny = "Deny" }

    public var name: String
    public var subnet: String
    public var privateIPAddress: IPv4Address
    public var instanceCount = 2
    public var instanceIPAddresses: [IPv4Address] = []
    public var publicIPAddresses: [String] = []
    /// `snatPrivateRanges`; nil = `IANAPrivateRanges`.
    public var snatPrivateRanges: [IPv4Prefix]?
    public var forcedTunneling = false
    public var threatIntelMode = ThreatIntelMode.alert
    public var natRuleCollections: [Collection<NatRule>] = []
    public var networkRuleCollections: [Collection<NetworkRule>] = []
    public var applicationRuleCollections: [Collection<ApplicationRule>] = []
    public var source: SourceMap
    public init(name: String, subnet: String, privateIPAddress: IPv4Address, source: SourceMap) {
        self.name = name; self.subnet = subnet; self.privateIPAddress = privateIPAddress; self.source = source
    }
}

/// `applicationGateways[]`.
public struct AppGatewaySpec: Sendable {
    /// `frontendIPConfigurations[]`.
    public struct Frontend: Sendable {
        public var name: String
        public var publicIPAddress: String?
        public var privateIPAddress: IPv4Address?
        public var source: SourceMap
        public init(name: String, source: SourceMap) { self.name = name; self.source = source }
    }
    /// `httpListeners[]`.
    public struct Listener: Sendable {
        public var name: String
        public var frontendIPConfiguration: String
        public var port: UInt16
        public var protocolKind: FirewallSpec.AppProtocol.Kind
        public var backendAddressPool: String
        public var backendPort: UInt16
        public var source: SourceMap
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
        public var name: String
        public var members: [String] = []
        public var ipAddresses: [IPv4Address] = []
        public var fqdns: [String] = []
        public var source: SourceMap
        public init(name: String, source: SourceMap) { self.name = name; self.source = source }
    }
    public var name: String
    public var subnet: String
    public var instanceIPAddresses: [IPv4Address] = []
    public var frontendIPConfigurations: [Frontend] = []
    public var httpListeners: [Listener] = []
    public var backendAddressPools: [Pool] = []
    public var source: SourceMap
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
    public var name: String
    public var kind: WorkloadKind
    public var subnet: String
    public var ipAddresses: [IPv4Address]
    public var publicIPAddress: String?
    public var enableIPForwarding: Bool?
    public var stateful = true
    public var snat = false
    public var hostedOn: String?
    public var source: SourceMap
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
        public var managedOutboundIPCount: Int?
        public var outboundIPs: [String] = []
        public var allocatedOutboundPorts = 0
        public var idleTimeoutInMinutes = 30
        public var source: SourceMap
        public init(source: SourceMap) { self.source = source }
    }
    /// `services[]`: a `type: LoadBalancer` Service.
    public struct Service: Sendable {
        public var name: String
        public var isInternal = false
        public var port: UInt16
        public var nodePort: UInt16?
        public var protocolType: TransportProtocol = .tcp
        public var publicIPAddress: String?
        public var privateIPAddress: IPv4Address?
        public var enableFloatingIP = true
        public var source: SourceMap
        public init(name: String, port: UInt16, source: SourceMap) {
            self.name = name; self.port = port; self.source = source
        }
    }
    public var name: String
    public var outboundType = OutboundType.loadBalancer
    public var networkPlugin = "azure"
    public var podCidr: IPv4Prefix?
    public var nodePools: [String] = []
    public var loadBalancer: String?
    public var natGateway: String?
    public var loadBalancerProfile: LoadBalancerProfile?
    public var services: [Service] = []
    public var source: SourceMap
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}

/// `endpoints[]`.
public struct EndpointSpec: Sendable {
    public var name: String
    public var ipAddress: IPv4Address?
    public var fqdn: String?
    public var onPremisesNetwork: String?
    public var source: SourceMap
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
    public var name: String
    public var from: String
    public var to: String
    public var port: UInt16?
    public var sourcePort: UInt16?
    public var protocolType = TransportProtocol.tcp
    public var expect: Verdict?
    public var expectDroppedAt: String?
    public var expectEgressIP: IPv4Address?
    public var description: String?
    public var source: SourceMap
    public init(name: String, from: String, to: String, source: SourceMap) {
        self.name = name; self.from = from; self.to = to; self.source = source
    }
}

/// `serviceTags[]` (extension).
public struct ServiceTagSpec: Sendable {
    public var name: String
    public var addressPrefixes: [IPv4Prefix]
    public var source: SourceMap
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
    public var name: String
    public var description: String?
    public var from: String
    public var to: String
    public var port: UInt16?
    public var protocolType = TransportProtocol.tcp
    public var expect: Expectation?
    public var through: String?
    public var egressVia: String?
    /// Fails when a source workload reaches the Internet through default outbound access (K1, L12).
    public var noDefaultOutboundAccess = false
    public var bidirectional = false
    public var source: SourceMap
    public init(name: String, from: String, to: String, source: SourceMap) {
        self.name = name; self.from = from; self.to = to; self.source = source
    }
}
