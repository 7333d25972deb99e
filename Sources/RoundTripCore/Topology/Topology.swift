/// A compiled design: every reference resolved to a dense index, every address indexed, routes computed.
///
/// Build one with ``Topology/compile(_:)``; analyses are pure functions over it and safe to run concurrently.
public struct Topology: Sendable {
    /// The design's name.
    public internal(set) var name: String
    /// The input file.
    public internal(set) var file: String
    /// The default region (service tags, AKS FQDNs).
    public internal(set) var region: String
    /// Analysis switches.
    public internal(set) var options: AnalysisOptions
    /// Public IP resources.
    public internal(set) var publicIPs: [PublicIP] = []
    /// Virtual networks.
    public internal(set) var vnets: [VNet] = []
    /// Subnets of every VNet, flattened.
    public internal(set) var subnets: [Subnet] = []
    /// Peering objects (one per direction).
    public internal(set) var peerings: [Peering] = []
    /// Route tables.
    public internal(set) var routeTables: [RouteTable] = []
    /// NAT gateways.
    public internal(set) var natGateways: [NatGateway] = []
    /// VPN / ExpressRoute gateways.
    public internal(set) var gateways: [VNetGateway] = []
    /// On-premises networks.
    public internal(set) var onPremises: [OnPremisesNetwork] = []
    /// Load balancers, including implicit AKS ones.
    public internal(set) var loadBalancers: [LoadBalancer] = []
    /// Azure Firewalls.
    public internal(set) var firewalls: [Firewall] = []
    /// Application Gateways.
    public internal(set) var appGateways: [AppGateway] = []
    /// Workloads (VMs, node pools, pods, NVAs, private endpoints).
    public internal(set) var workloads: [Workload] = []
    /// AKS clusters.
    public internal(set) var clusters: [Cluster] = []
    /// Named external endpoints (the built-in `internet` first).
    public internal(set) var endpoints: [Endpoint] = []
    /// Flows to check.
    public internal(set) var flows: [Flow] = []
    /// Assertions (extension), compiled.
    public internal(set) var assertions: [Assertion] = []
    /// Design-level findings (unsupported configurations, missing reverse peerings, …).
    public internal(set) var findings: [ConfigFinding] = []
    /// Effective routes per subnet (same index as ``subnets``).
    public internal(set) var effectiveRoutes: [SubnetRoutes] = []
    /// Service tags in force (built-in table overlaid with the design's).
    public internal(set) var serviceTags: ServiceTagTable

    /// Private address owners, per VNet.
    var privateOwners: [VNetAddress: AddressOwner] = [:]
    /// Public address owners.
    var publicOwners: [IPv4Address: PublicOwner] = [:]
    /// Pods by address (kubenet pods live outside the VNet).
    var podsByAddress: [IPv4Address: Int] = [:]
    /// Per VNet: the gateways whose routes reach it (its own, or a hub's through gateway transit).
    var reachableGateways: [[Int]] = []
    /// Per gateway: the VNets whose ranges it advertises to on-premises.
    var advertisedVNets: [Set<Int>] = []
    /// Per VNet: its connected peerings (both directions declared) and the VNet across each.
    var connectedPeers: [[(peering: Int, vnet: Int)]] = []

    /// Gateways whose routes reach a VNet: its own, and a hub's through a peering with useRemoteGateways (P2).
    public func gateways(reachableFrom vnet: Int) -> [Int] { reachableGateways[vnet] }

    /// VNets whose ranges a gateway advertises to on-premises: its own and those using it as their remote gateway.
    public func vnets(advertisedBy gateway: Int) -> Set<Int> { advertisedVNets[gateway] }

    init(name: String, file: String, region: String, options: AnalysisOptions, serviceTags: ServiceTagTable) {
        self.name = name
        self.file = file
        self.region = region
        self.options = options
        self.serviceTags = serviceTags
    }
}

/// A key for a private address inside one VNet (address spaces may repeat across unpeered VNets).
struct VNetAddress: Hashable, Sendable {
    var vnet: Int
    var address: IPv4Address
}

/// What owns a private address.
public enum AddressOwner: Hashable, Sendable {
    /// A workload NIC.
    case nic(workload: Int)
    /// An internal load balancer frontend.
    case loadBalancerFrontend(lb: Int, frontend: Int)
    /// An Azure Firewall's private frontend (its internal platform load balancer).
    case firewallFrontend(firewall: Int)
    /// One Azure Firewall instance.
    case firewallInstance(firewall: Int, instance: Int)
    /// An Application Gateway private frontend.
    case appGatewayFrontend(gateway: Int, frontend: Int)
    /// One Application Gateway instance.
    case appGatewayInstance(gateway: Int, instance: Int)
}

/// What owns a public address.
public enum PublicOwner: Hashable, Sendable {
    /// A public load balancer frontend (inbound rules and outbound SNAT).
    case loadBalancerFrontend(lb: Int, frontend: Int)
    /// An Azure Firewall public IP.
    case firewall(firewall: Int)
    /// An Application Gateway public frontend.
    case appGatewayFrontend(gateway: Int, frontend: Int)
    /// A workload's instance-level public IP.
    case instancePublicIP(workload: Int)
    /// A NAT gateway address.
    case natGateway(natGateway: Int)
}

/// The role Azure gives a subnet by its name.
public enum SubnetRole: String, Sendable {
    case regular, azureFirewall, azureFirewallManagement, gateway, applicationGateway
}

/// A public IP address or prefix.
public struct PublicIP: Sendable {
    /// Resource name.
    public var name: String
    /// Address (/32) or prefix.
    public var prefix: IPv4Prefix
    /// Position in the input.
    public var source: SourceMap
    /// Addresses it provides.
    public var addresses: [IPv4Address] {
        (0..<prefix.size).map { IPv4Address(prefix.network.value &+ UInt32($0)) }
    }
}

/// A virtual network.
public struct VNet: Sendable {
    /// Resource name.
    public var name: String
    /// Address ranges.
    public var addressSpace: [IPv4Prefix]
    /// Subnet indexes.
    public var subnets: [Int]
    /// Position in the input.
    public var source: SourceMap
    /// Whether an address is in the VNet's space.
    public func contains(_ address: IPv4Address) -> Bool { addressSpace.contains { $0.contains(address) } }
}

/// A subnet.
public struct Subnet: Sendable {
    /// Subnet name.
    public var name: String
    /// Owning VNet index.
    public var vnet: Int
    /// `VNET/SUBNET`.
    public var qualifiedName: String
    /// Address prefix.
    public var prefix: IPv4Prefix
    /// Associated route table.
    public var routeTable: Int?
    /// Associated NAT gateway.
    public var natGateway: Int?
    /// Whether implicit default outbound access applies.
    public var defaultOutboundAccess: Bool
    /// Azure role by name.
    public var role: SubnetRole
    /// Position in the input.
    public var source: SourceMap
}

/// One direction of a peering.
public struct Peering: Sendable {
    /// Resource name.
    public var name: String
    /// Local VNet.
    public var from: Int
    /// Remote VNet.
    public var to: Int
    /// `allowVirtualNetworkAccess`.
    public var allowVirtualNetworkAccess: Bool
    /// `allowForwardedTraffic`.
    public var allowForwardedTraffic: Bool
    /// `allowGatewayTransit`.
    public var allowGatewayTransit: Bool
    /// `useRemoteGateways`.
    public var useRemoteGateways: Bool
    /// The opposite direction, when declared (traffic flows only then).
    public var reverse: Int?
    /// Position in the input.
    public var source: SourceMap
}

/// A route table with its user-defined routes.
public struct RouteTable: Sendable {
    /// Resource name.
    public var name: String
    /// `disableBgpRoutePropagation`.
    public var disableBgpRoutePropagation: Bool
    /// Routes in input order.
    public var routes: [UserRoute]
    /// Position in the input.
    public var source: SourceMap
}

/// A user-defined route.
public struct UserRoute: Sendable {
    /// Route name.
    public var name: String
    /// The service tag it names, if any.
    public var serviceTag: String?
    /// The prefixes it covers (one for a CIDR, several for a service tag).
    public var prefixes: [IPv4Prefix]
    /// Next-hop type.
    public var nextHopType: NextHopType
    /// Next-hop IP (VirtualAppliance).
    public var nextHopIP: IPv4Address?
    /// Position in the input.
    public var source: SourceMap
    /// The written destination (`0.0.0.0/0` or `AzureCloud.westeurope`).
    public var destinationText: String { serviceTag ?? prefixes.first?.description ?? "" }
}

/// A NAT gateway.
public struct NatGateway: Sendable {
    /// Resource name.
    public var name: String
    /// Public IP resources.
    public var publicIPs: [Int]
    /// Every address it SNATs to.
    public var addresses: [IPv4Address]
    /// TCP idle timeout.
    public var idleTimeoutInMinutes: Int
    /// Position in the input.
    public var source: SourceMap
}

/// A VPN or ExpressRoute gateway.
public struct VNetGateway: Sendable {
    /// Resource name.
    public var name: String
    /// VPN or ExpressRoute.
    public var gatewayType: GatewayType
    /// Its GatewaySubnet.
    public var subnet: Int
    /// Its VNet.
    public var vnet: Int
    /// Whether BGP is on.
    public var bgpEnabled: Bool
    /// Position in the input.
    public var source: SourceMap
}

/// An on-premises network behind a gateway.
public struct OnPremisesNetwork: Sendable {
    /// Name.
    public var name: String
    /// Prefixes it holds (advertised into Azure).
    public var addressPrefixes: [IPv4Prefix]
    /// The gateway it connects through.
    public var gateway: Int
    /// Whether it also advertises 0.0.0.0/0 (forced tunnelling).
    public var forcedTunnelDefaultRoute: Bool
    /// Position in the input.
    public var source: SourceMap
}

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

/// A set of addresses written as `*`, CIDRs, ranges and service tags.
public struct AddressSet: Sendable, CustomStringConvertible {
    /// Ranges covered.
    public var ranges: [AddressRange]
    /// The entries as written.
    public var text: [String]
    /// Whether an address is covered.
    @inlinable public func contains(_ address: IPv4Address) -> Bool { ranges.contains { $0.contains(address) } }
    /// Whether it is `*`.
    public var isAny: Bool { ranges.contains(.all) }
    /// `description`.
    public var description: String { text.joined(separator: ", ") }
}

/// An Azure Firewall.
public struct Firewall: Sendable {
    /// A DNAT rule.
    public struct NatRule: Sendable {
        /// `name`.
        public var name: String
        /// `protocols`.
        public var protocols: [TransportProtocol]
        /// `sources`.
        public var sources: AddressSet
        /// `destinations`.
        public var destinations: AddressSet
        /// `ports`.
        public var ports: [PortRange]
        /// `translatedAddress`.
        public var translatedAddress: IPv4Address
        /// `translatedPort`.
        public var translatedPort: UInt16
        /// `source`.
        public var source: SourceMap
    }
    /// A network rule.
    public struct NetworkRule: Sendable {
        /// `name`.
        public var name: String
        /// `protocols`.
        public var protocols: [TransportProtocol]
        /// `anyProtocol`.
        public var anyProtocol: Bool
        /// `sources`.
        public var sources: AddressSet
        /// `destinations`.
        public var destinations: AddressSet
        /// `destinationFqdns`.
        public var destinationFqdns: [String]
        /// `ports`.
        public var ports: [PortRange]
        /// `source`.
        public var source: SourceMap
    }
    /// An application rule.
    public struct ApplicationRule: Sendable {
        /// `name`.
        public var name: String
        /// `sources`.
        public var sources: AddressSet
        /// `protocols`.
        public var protocols: [FirewallSpec.AppProtocol]
        /// Target FQDN patterns, tags expanded.
        public var fqdns: [String]
        /// `fqdnTags`.
        public var fqdnTags: [String]
        /// `source`.
        public var source: SourceMap
    }
    /// A rule collection.
    public struct Collection<Rule: Sendable>: Sendable {
        /// `name`.
        public var name: String
        /// `priority`.
        public var priority: Int
        /// `action`.
        public var action: RuleAction
        /// `rules`.
        public var rules: [Rule]
        /// `source`.
        public var source: SourceMap
    }
    /// Name.
    public var name: String
    /// AzureFirewallSubnet index.
    public var subnet: Int
    /// VNet index.
    public var vnet: Int
    /// Private frontend.
    public var privateIP: IPv4Address
    /// Instance addresses.
    public var instanceIPs: [IPv4Address]
    /// Public IP resources.
    public var publicIPs: [Int]
    /// Every public address.
    public var publicAddresses: [IPv4Address]
    /// Destinations that are not SNATed by network rules.
    public var snatPrivateRanges: [IPv4Prefix]
    /// Whether snatPrivateRanges was left at IANAPrivateRanges.
    public var snatRangesAreDefault: Bool
    /// Forced-tunnelling mode.
    public var forcedTunneling: Bool
    /// Threat-intelligence mode.
    public var threatIntelMode: FirewallSpec.ThreatIntelMode
    /// DNAT collections, by priority.
    public var natCollections: [Collection<NatRule>]
    /// Network collections, by priority.
    public var networkCollections: [Collection<NetworkRule>]
    /// Application collections, by priority.
    public var applicationCollections: [Collection<ApplicationRule>]
    /// Position in the input.
    public var source: SourceMap
}

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

/// A workload with addresses in a subnet.
public struct Workload: Sendable {
    /// `name`.
    public var name: String
    /// `kind`.
    public var kind: WorkloadKind
    /// `subnet`.
    public var subnet: Int
    /// `addresses`.
    public var addresses: [IPv4Address]
    /// `publicIP`.
    public var publicIP: Int?
    /// `enableIPForwarding`.
    public var enableIPForwarding: Bool
    /// `stateful`.
    public var stateful: Bool
    /// `snat`.
    public var snat: Bool
    /// Node pool hosting this pod.
    public var hostedOn: Int?
    /// Cluster this node pool or pod belongs to.
    public var cluster: Int?
    /// Whether the pod lives in a kubenet pod CIDR (outside the VNet).
    public var onKubenet: Bool
    /// `source`.
    public var source: SourceMap
}

/// An AKS cluster.
public struct Cluster: Sendable {
    /// `name`.
    public var name: String
    /// `outboundType`.
    public var outboundType: OutboundType
    /// `networkPlugin`.
    public var networkPlugin: String
    /// `podCidr`.
    public var podCidr: IPv4Prefix?
    /// `nodePools`.
    public var nodePools: [Int]
    /// Cluster public load balancer.
    public var loadBalancer: Int?
    /// Cluster internal load balancer (internal services).
    public var internalLoadBalancer: Int?
    /// `natGateway`.
    public var natGateway: Int?
    /// Outbound public IPs for outboundType loadBalancer.
    public var outboundIPs: [Int]
    /// `managedOutboundIPCount`.
    public var managedOutboundIPCount: Int?
    /// `allocatedOutboundPorts`.
    public var allocatedOutboundPorts: Int
    /// `source`.
    public var source: SourceMap
}

/// A named external address.
public struct Endpoint: Sendable {
    /// `name`.
    public var name: String
    /// `address`.
    public var address: IPv4Address
    /// Whether the address was synthesized (only an FQDN was given).
    public var addressIsRepresentative: Bool
    /// `fqdn`.
    public var fqdn: String?
    /// `onPremises`.
    public var onPremises: Int?
    /// `source`.
    public var source: SourceMap
}

/// Where a flow starts or ends, resolved.
public enum FlowEnd: Sendable, Hashable {
    /// An Internet address (outside every design element).
    case internet(IPv4Address)
    /// A host in an on-premises network.
    case onPremises(network: Int, address: IPv4Address)
    /// A workload address.
    case workload(Int, IPv4Address)
    /// A public address owned by a design element (frontends, firewall, instance PIP).
    case publicAddress(IPv4Address)
    /// A private address owned by a design element other than a workload (ILB frontend, firewall, AppGW).
    case privateAddress(vnet: Int, address: IPv4Address)

    /// The address.
    public var address: IPv4Address {
        switch self {
        case .internet(let a), .publicAddress(let a): return a
        case .onPremises(_, let a), .workload(_, let a), .privateAddress(_, let a): return a
        }
    }
}

/// A flow to trace, resolved.
public struct Flow: Sendable {
    /// `name`.
    public var name: String
    /// The text of `from` and `to`.
    public var fromText: String
    /// `toText`.
    public var toText: String
    /// `from`.
    public var from: FlowEnd
    /// `to`.
    public var to: FlowEnd
    /// The destination's FQDN, when known (application rules match it).
    public var fqdn: String?
    /// `port`.
    public var port: UInt16
    /// `sourcePort`.
    public var sourcePort: UInt16
    /// `protocolType`.
    public var protocolType: TransportProtocol
    /// `expect`.
    public var expect: Verdict?
    /// `expectDroppedAt`.
    public var expectDroppedAt: String?
    /// `expectEgressIP`.
    public var expectEgressIP: IPv4Address?
    /// `description`.
    public var description: String?
    /// `source`.
    public var source: SourceMap
}

/// A design-level finding not tied to one flow.
public struct ConfigFinding: Sendable, Hashable {
    /// Stable code (`gateway-subnet-default-route`, `missing-reverse-peering`, …).
    public var code: String
    /// Whether flows that touch the element are `unsupported-config`.
    public var unsupported: Bool
    /// What is wrong.
    public var message: String
    /// The rule it rests on (`R16`, `A6`, …).
    public var rule: String
    /// Where.
    public var location: SourceLocation
    /// Subnets whose traffic is affected.
    public var subnets: [Int]
    /// Suggested change.
    public var hint: String?
}
