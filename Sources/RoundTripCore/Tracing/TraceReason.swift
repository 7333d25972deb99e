/// Why a trace ended as it did, or what a hop remarks on: one case per kind of drop, note, warning or verdict, with the
/// ids and addresses it is about. ``Topology/describe(_:)`` renders it into English; ``code`` and ``rule`` are stable.
public indirect enum TraceReason: Hashable, Sendable {
    // MARK: verdicts decided after both legs

    /// The reply retraces the forward path through every stateful device.
    case symmetric
    /// The same packet reached `node` twice: a routing loop.
    case routingLoop(node: Node)
    /// The reply is delivered to `node`, not to the flow's `client`.
    case replyDeliveredElsewhere(node: Node, client: FlowEnd)
    /// The client sent to one address and port and the reply comes from another (M4).
    case natMismatch(expected: IPv4Address, expectedPort: UInt16, actual: IPv4Address, actualPort: UInt16)
    /// The reply went around the stateful device at `device` that saw the forward packet (M3).
    case replyBypassesStatefulDevice(device: Node, returnPath: [Node], returnRoute: Decision?)
    /// The flow touches unsupported configurations (``Topology/findings`` indices); the trace alone gives
    /// `traceVerdict` for `traceReason` (on `traceLeg` when it is a drop).
    case unsupportedConfiguration(findings: [Int], traceVerdict: Verdict, traceReason: TraceReason, traceLeg: Hop.Direction?)
    /// A synthetic trace standing for a workload that uses default outbound access (assertions).
    case defaultOutboundAccessUsed(workload: Int)

    // MARK: start and routing

    /// A flow was asked to start at a device address.
    case flowStartsAtDevice
    /// A flow cannot start at private endpoint `workload`: the service behind it never originates traffic (PE7).
    case privateEndpointInitiates(workload: Int)
    /// The request reached private endpoint `workload` through stateful `device` without SNAT: its return is not guaranteed (PE9).
    case privateEndpointWithoutSNAT(workload: Int, device: Node)
    /// A pod's packet is masqueraded to its node's address (`kubenet` or Azure CNI's ip-masq-agent).
    case podMasquerade(pod: Int, nodeAddress: IPv4Address, kubenet: Bool)
    /// A VPN/ExpressRoute gateway forwards a packet from on-premises into its VNet.
    case gatewayForwardsIntoVNet(gateway: Int)
    /// No effective route of `subnet` matches `destination`.
    case noMatchingRoute(subnet: Int, destination: IPv4Address)
    /// A user-defined route sends a load-balanced reply to an appliance before Azure restores `original` (L2).
    case replyNotRestored(original: IPv4Address, device: Device)
    /// Floating IP: the reply already carries the frontend, and a user-defined route sends it to an appliance (L2, L7).
    case floatingIPReplyToAppliance(device: Device)
    /// Route `route` of `subnet` has next hop None (M5).
    case nextHopNone(subnet: Int, route: Int, destination: IPv4Address)
    /// Route `route` of `subnet` uses VnetLocal for a destination outside VNet `vnet` (R13).
    case vnetLocalOutsideVNet(subnet: Int, route: Int, destination: IPv4Address, vnet: Int)
    /// Route `route` of `subnet` names VirtualNetworkGateway but no VPN gateway serves VNet `vnet` (R12).
    case noVPNGateway(subnet: Int, route: Int, vnet: Int)
    /// A VirtualAppliance next hop `address` is an Application Gateway address.
    case nextHopIsAppGateway(address: IPv4Address, route: Decision)
    /// A VirtualAppliance next hop `address` is not in VNet `vnet` or a peered VNet (R9).
    case nextHopUnreachable(address: IPv4Address, route: Decision, vnet: Int)
    /// A VirtualAppliance next hop `address` that nothing in the design owns: an appliance outside the design, or a typo (M5, §16 D10).
    case nextHopNotInDesign(address: IPv4Address, route: Decision)
    /// Peering `peering` has no reverse peering (P1).
    case peeringNoReverse(peering: Int)
    /// Peering `peering` has allowVirtualNetworkAccess false (P2).
    case peeringAccessDisabled(peering: Int)
    /// Forwarded traffic from `source` enters VNet `vnet` through `peering`, which disallows it; strict mode drops (P2).
    case forwardedTrafficDenied(peering: Int, source: IPv4Address, vnet: Int)
    /// The same as ``forwardedTrafficDenied(peering:source:vnet:)`` outside strict mode: a warning (P2a).
    case forwardedTrafficNotEnforced(peering: Int, source: IPv4Address, vnet: Int)
    /// No NIC or device in VNet `vnet` owns `destination`.
    case noOwnerInVNet(vnet: Int, destination: IPv4Address)

    // MARK: Internet, on-premises, gateways

    /// Firewall `firewall` did not SNAT private `source` for Internet `destination` (F14).
    case firewallNoSNATToInternet(firewall: Int, source: IPv4Address, destination: IPv4Address)
    /// Application Gateway `gateway` has no public frontend for Internet egress (A7).
    case appGatewayNoPublicFrontend(gateway: Int)
    /// Gateway `gateway` cannot send a private source to the Internet.
    case gatewayPrivateSourceToInternet(gateway: Int)
    /// Workload `workload` forwards `source` to the Internet without SNAT to its own `address` (R10).
    case forwardedWithoutSNAT(workload: Int, source: IPv4Address, address: IPv4Address)
    /// Cluster `cluster` has outboundType block.
    case clusterOutboundBlocked(cluster: Int)
    /// Workload `workload` reaches the Internet through default outbound access (L12, K1): a warning.
    case defaultOutboundAccess(workload: Int)
    /// Workload `workload` has no outbound path from `subnet` (N4).
    case noOutboundPath(workload: Int, subnet: Int)
    /// SNAT picks one of several public `addresses` per connection (N3).
    case snatAddressChoice(addresses: [IPv4Address])
    /// An instance public IP translates 1:1 to the NIC of `workload` (L12).
    case instancePublicIPNAT(workload: Int)
    /// NAT gateway `natGateway` has no flow for a reply (N2).
    case natGatewayNoFlow(natGateway: Int)
    /// NAT gateway `natGateway` accepts no unsolicited inbound connections (N2).
    case natGatewayUnsolicitedInbound(natGateway: Int)
    /// A private `destination` is not reachable over the Internet.
    case privateDestinationOnInternet(destination: IPv4Address)
    /// No NIC owns `destination` (a restored reply).
    case noNICOwnsAddress(destination: IPv4Address)
    /// On-premises network `network` routes Azure prefixes through `gateway`.
    case onPremisesRoutesToGateway(network: Int, gateway: Int)
    /// A reply leaves through on-premises network `network`'s edge firewall, which never saw the flow (F17).
    case onPremisesEdgeNoSession(network: Int)
    /// A packet leaves through the on-premises edge of `network` (forced tunnelling).
    case forcedTunnelEgress(network: Int)
    /// On-premises network `network` has no route to `destination`.
    case onPremisesNoRoute(network: Int, destination: IPv4Address)
    /// Gateway `gateway` learns no route to `destination`.
    case gatewayNoRoute(gateway: Int, destination: IPv4Address)

    // MARK: NICs, load balancers, Application Gateways

    /// A node delivers to its pod `pod`.
    case nodeDeliversToPod(pod: Int)
    /// Workload `workload` receives traffic for `destination` with enableIPForwarding false (R10).
    case ipForwardingDisabled(workload: Int, destination: IPv4Address)
    /// Workload `workload` forwards the packet (IP forwarding).
    case ipForwarding(workload: Int)
    /// Stateful NVA `workload` has no session for a reply (M3).
    case nvaNoSession(workload: Int, miss: SessionMiss)
    /// Load balancer `lb` frontend `frontend` has no rule for the protocol and port.
    case loadBalancerNoRule(lb: Int, frontend: Int, protocolType: TransportProtocol, port: UInt16)
    /// Internal load balancer `lb` used as a next hop has no HA-ports rule on `frontend`.
    case loadBalancerNoHAPortsRule(lb: Int, frontend: Int)
    /// Load balancer `lb` rule `rule` has an empty backend pool.
    case loadBalancerEmptyPool(lb: Int, rule: Int)
    /// A member of load balancer `lb`'s pool (`member`) connects to the frontend it sits behind: hairpin, not supported (L5); `poolSize` members share the pool.
    case loadBalancerHairpin(lb: Int, member: Int, poolSize: Int)
    /// Load balancer `lb` hashes independently of load balancer `otherLB` (nil: the forward path), so the packet can
    /// reach `reached` instead of `holder`, which holds the session (L9).
    case loadBalancerIndependentHash(lb: Int, otherLB: Int?, reached: IPv4Address, holder: IPv4Address)
    /// Backend `address` of load balancer `lb` is no NIC in the design.
    case loadBalancerBackendNotNIC(lb: Int, address: IPv4Address)
    /// Application Gateway `gateway` answers the client on its own connection.
    case appGatewayAnswersClient(gateway: Int)
    /// Application Gateway `gateway` (at `instance`, or its frontend) has no session for a reply (M3).
    case appGatewayNoSession(gateway: Int, instance: Int?, miss: SessionMiss)
    /// Application Gateway `gateway` instance addresses accept no traffic of their own.
    case appGatewayInstanceAddress(gateway: Int)
    /// Application Gateway `gateway` has no listener on `frontend` for the port and protocol.
    case appGatewayNoListener(gateway: Int, frontend: Int, port: UInt16, protocolType: TransportProtocol)
    /// Application Gateway `gateway` pool `pool` has no backend.
    case appGatewayEmptyPool(gateway: Int, pool: Int)
    /// Application Gateway `gateway` terminates the client connection and opens one from `instance` (A1).
    case appGatewayProxy(gateway: Int, instance: Int)

    // MARK: Azure Firewall

    /// Firewall `firewall` has no session for a reply (M3).
    case firewallNoSession(firewall: Int, miss: SessionMiss)
    /// Firewall `firewall` has no session for a reply to one of its public IPs that reached its private side (M3).
    case firewallPublicReplyOnPrivateSide(firewall: Int, miss: SessionMiss)
    /// Firewall `firewall` instance `instance` has no session for `reply`: another instance holds it (M3).
    case firewallOtherInstance(firewall: Int, instance: Int, reply: Packet)
    /// A reply addressed to instance `addressedTo` of `firewall` was routed to its frontend and handed to `instance`,
    /// which has no session (P5).
    case firewallFrontendRehash(firewall: Int, instance: Int, reply: Packet, addressedTo: Int)
    /// Firewall `firewall` accepts no new connections to its own addresses on the private side.
    case firewallOwnAddress(firewall: Int)
    /// A deny network rule of `firewall` matches.
    case firewallNetworkRuleDenies(firewall: Int, collection: Int, rule: Int)
    /// Firewall `firewall` must SNAT to a public IP for `destination` but has none.
    case firewallNoPublicIP(firewall: Int, destination: IPv4Address)
    /// A deny application rule of `firewall` matches the flow's `fqdn` (or `destination`).
    case firewallApplicationRuleDenies(firewall: Int, collection: Int, rule: Int, fqdn: String?, destination: IPv4Address)
    /// No rule of `firewall` matches `packet` (F8 default deny).
    case firewallNoRuleMatched(firewall: Int, packet: Packet, fqdn: String?)
    /// The flow's evaluation at `firewall` reaches a policy rule collection group that holds a network rule with
    /// FQDNs while the DNS proxy is off: the group can't be deployed (F25).
    case firewallDnsProxyRequired(firewall: Int, origin: FirewallPolicyOrigin)
    /// A network rule allows; `destination` is in snatPrivateRanges, no SNAT (F14).
    case firewallNoSNAT(destination: IPv4Address)
    /// A network rule allows; `destination` is outside snatPrivateRanges, SNAT to `translated` (F14).
    case firewallSNAT(destination: IPv4Address, translated: IPv4Address)
    /// An application rule allows; the firewall proxies the connection from `translated` (F15).
    case firewallApplicationProxy(translated: IPv4Address)
    /// Firewall `firewall` has no DNAT rule for `packet` on its public side (F7).
    case firewallNoDNATRule(firewall: Int, packet: Packet)
    /// A DNAT rule of `firewall` translates the packet (F7, F13); `forcedTunneling` adds the F17 caveat.
    case firewallDNAT(firewall: Int, collection: Int, rule: Int, forcedTunneling: Bool)
    /// East-west traffic to the translated address of DNAT rule `rule` (source `*`) in firewall `firewall`'s collection `collection` is allowed by the rule's implicit network rule and SNATed to an instance address (F18).
    case firewallImplicitDNATAllow(firewall: Int, collection: Int, rule: Int, translated: IPv4Address)
    /// Network security group `group` denied `packet` with rule `rule` (index in its rules of the direction) where it left or entered workload `workload`'s NIC, at the NIC or subnet level (G2).
    case securityRuleDenied(group: Int, rule: Int, inbound: Bool, atSubnet: Bool, workload: Int, packet: Packet)
    /// Network security group `group` let the packet pass with rule `rule` where it left or entered workload `workload`'s NIC.
    case securityRuleAllowed(group: Int, rule: Int, inbound: Bool, atSubnet: Bool, workload: Int)
}

/// What a stateful device that misses a reply's session knows: the reply, the route that sent it there, the forward
/// path.
public struct SessionMiss: Hashable, Sendable {
    /// The reply's header on arrival.
    public var reply: Packet
    /// The last route of the return leg before the device, if any.
    public var sentBy: Decision?
    /// Every node of the forward leg, in order.
    public var forwardPath: [Node]

    /// Creates a session miss.
    public init(reply: Packet, sentBy: Decision?, forwardPath: [Node]) {
        self.reply = reply
        self.sentBy = sentBy
        self.forwardPath = forwardPath
    }
}
