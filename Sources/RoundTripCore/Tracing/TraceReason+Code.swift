/// Stable codes and the rules they cite.
extension TraceReason {
    /// The kind of a reason, without its data; the raw value is the stable code.
    public enum Kind: String, CaseIterable, Sendable {
        /// The reply retraces the forward path through every stateful device.
        case symmetric = "symmetric"
        /// The same packet reached `node` twice: a routing loop.
        case routingLoop = "routing-loop"
        /// The reply is delivered to `node`, not to the flow's `client`.
        case replyDeliveredElsewhere = "reply-delivered-elsewhere"
        /// The client sent to one address and port and the reply comes from another (M4).
        case natMismatch = "nat-mismatch"
        /// The reply went around the stateful device at `device` that saw the forward packet (M3).
        case replyBypassesStatefulDevice = "reply-bypasses-stateful-device"
        /// The flow touches unsupported configurations (``Topology/findings`` indices); the trace alone gives `traceVerdict` for
        /// `traceReason` (on `traceLeg` when it is a drop).
        case unsupportedConfiguration = "unsupported-config"
        /// A synthetic trace standing for a workload that uses default outbound access (assertions).
        case defaultOutboundAccessUsed = "default-outbound-access-used"
        /// A flow was asked to start at a device address.
        case flowStartsAtDevice = "flow-starts-at-device"
        /// A flow cannot start at private endpoint `workload`: the service behind it never originates traffic (PE7).
        case privateEndpointInitiates = "private-endpoint-initiates"
        /// The request reached private endpoint `workload` through stateful `device` without SNAT: its return is not guaranteed (PE9).
        case privateEndpointWithoutSNAT = "private-endpoint-without-snat"
        /// A pod's packet is masqueraded to its node's address (`kubenet` or Azure CNI's ip-masq-agent).
        case podMasquerade = "pod-masquerade"
        /// A VPN/ExpressRoute gateway forwards a packet from on-premises into its VNet.
        case gatewayForwardsIntoVNet = "gateway-forwards-into-vnet"
        /// No effective route of `subnet` matches `destination`.
        case noMatchingRoute = "no-matching-route"
        /// A user-defined route sends a load-balanced reply to an appliance before Azure restores `original` (L2).
        case replyNotRestored = "reply-not-restored"
        /// Floating IP: the reply already carries the frontend, and a user-defined route sends it to an appliance (L2, L7).
        case floatingIPReplyToAppliance = "floating-ip-reply-to-appliance"
        /// Route `route` of `subnet` has next hop None (M5).
        case nextHopNone = "next-hop-none"
        /// Route `route` of `subnet` uses VnetLocal for a destination outside VNet `vnet` (R13).
        case vnetLocalOutsideVNet = "vnet-local-outside-vnet"
        /// Route `route` of `subnet` names VirtualNetworkGateway but no VPN gateway serves VNet `vnet` (R12).
        case noVPNGateway = "no-vpn-gateway"
        /// A VirtualAppliance next hop `address` is an Application Gateway address.
        case nextHopIsAppGateway = "next-hop-is-app-gateway"
        /// A VirtualAppliance next hop `address` is not in VNet `vnet` or a peered VNet (R9).
        case nextHopUnreachable = "next-hop-unreachable"
        /// A VirtualAppliance next hop `address` that nothing in the design owns: an appliance outside the design, or a typo (M5, §16 D10).
        case nextHopNotInDesign = "next-hop-outside-design"
        /// Peering `peering` has no reverse peering (P1).
        case peeringNoReverse = "peering-no-reverse"
        /// Peering `peering` has allowVirtualNetworkAccess false (P2).
        case peeringAccessDisabled = "peering-access-disabled"
        /// Forwarded traffic from `source` enters VNet `vnet` through `peering`, which disallows it; strict mode drops (P2).
        case forwardedTrafficDenied = "forwarded-traffic-denied"
        /// The same as ``forwardedTrafficDenied(peering:source:vnet:)`` outside strict mode: a warning (P2a).
        case forwardedTrafficNotEnforced = "forwarded-traffic-not-enforced"
        /// No NIC or device in VNet `vnet` owns `destination`.
        case noOwnerInVNet = "no-owner-in-vnet"
        /// Firewall `firewall` did not SNAT private `source` for Internet `destination` (F14).
        case firewallNoSNATToInternet = "firewall-no-snat-to-internet"
        /// Application Gateway `gateway` has no public frontend for Internet egress (A7).
        case appGatewayNoPublicFrontend = "app-gateway-no-public-frontend"
        /// Gateway `gateway` cannot send a private source to the Internet.
        case gatewayPrivateSourceToInternet = "gateway-private-source-to-internet"
        /// Workload `workload` forwards `source` to the Internet without SNAT to its own `address` (R10).
        case forwardedWithoutSNAT = "forwarded-without-snat"
        /// Cluster `cluster` has outboundType block.
        case clusterOutboundBlocked = "cluster-outbound-blocked"
        /// Workload `workload` reaches the Internet through default outbound access (L12, K1): a warning.
        case defaultOutboundAccess = "default-outbound-access"
        /// Workload `workload` has no outbound path from `subnet` (N4).
        case noOutboundPath = "no-outbound-path"
        /// SNAT picks one of several public `addresses` per connection (N3).
        case snatAddressChoice = "snat-address-choice"
        /// An instance public IP translates 1:1 to the NIC of `workload` (L12).
        case instancePublicIPNAT = "instance-public-ip-nat"
        /// NAT gateway `natGateway` has no flow for a reply (N2).
        case natGatewayNoFlow = "nat-gateway-no-flow"
        /// NAT gateway `natGateway` accepts no unsolicited inbound connections (N2).
        case natGatewayUnsolicitedInbound = "nat-gateway-unsolicited-inbound"
        /// A private `destination` is not reachable over the Internet.
        case privateDestinationOnInternet = "private-destination-on-internet"
        /// No NIC owns `destination` (a restored reply).
        case noNICOwnsAddress = "no-nic-owns-address"
        /// On-premises network `network` routes Azure prefixes through `gateway`.
        case onPremisesRoutesToGateway = "on-premises-routes-to-gateway"
        /// A reply leaves through on-premises network `network`'s edge firewall, which never saw the flow (F17).
        case onPremisesEdgeNoSession = "on-premises-edge-no-session"
        /// A packet leaves through the on-premises edge of `network` (forced tunnelling).
        case forcedTunnelEgress = "forced-tunnel-egress"
        /// On-premises network `network` has no route to `destination`.
        case onPremisesNoRoute = "on-premises-no-route"
        /// Gateway `gateway` learns no route to `destination`.
        case gatewayNoRoute = "gateway-no-route"
        /// A node delivers to its pod `pod`.
        case nodeDeliversToPod = "node-delivers-to-pod"
        /// Workload `workload` receives traffic for `destination` with enableIPForwarding false (R10).
        case ipForwardingDisabled = "ip-forwarding-disabled"
        /// Workload `workload` forwards the packet (IP forwarding).
        case ipForwarding = "ip-forwarding"
        /// Stateful NVA `workload` has no session for a reply (M3).
        case nvaNoSession = "nva-no-session"
        /// Load balancer `lb` frontend `frontend` has no rule for the protocol and port.
        case loadBalancerNoRule = "load-balancer-no-rule"
        /// Internal load balancer `lb` used as a next hop has no HA-ports rule on `frontend`.
        case loadBalancerNoHAPortsRule = "load-balancer-no-ha-ports-rule"
        /// Load balancer `lb` rule `rule` has an empty backend pool.
        case loadBalancerEmptyPool = "load-balancer-empty-pool"
        /// A member of load balancer `lb`'s pool (`member`) connects to the frontend it sits behind: hairpin, not supported (L5); `poolSize` members share the pool.
        case loadBalancerHairpin = "load-balancer-hairpin"
        /// Load balancer `lb` hashes independently of load balancer `otherLB` (nil: the forward path), so the packet can reach `reached`
        /// instead of `holder`, which holds the session (L9).
        case loadBalancerIndependentHash = "load-balancer-independent-hash"
        /// Backend `address` of load balancer `lb` is no NIC in the design.
        case loadBalancerBackendNotNIC = "load-balancer-backend-not-nic"
        /// Application Gateway `gateway` answers the client on its own connection.
        case appGatewayAnswersClient = "app-gateway-answers-client"
        /// Application Gateway `gateway` (at `instance`, or its frontend) has no session for a reply (M3).
        case appGatewayNoSession = "app-gateway-no-session"
        /// Application Gateway `gateway` instance addresses accept no traffic of their own.
        case appGatewayInstanceAddress = "app-gateway-instance-address"
        /// Application Gateway `gateway` has no listener on `frontend` for the port and protocol.
        case appGatewayNoListener = "app-gateway-no-listener"
        /// Application Gateway `gateway` pool `pool` has no backend.
        case appGatewayEmptyPool = "app-gateway-empty-pool"
        /// Application Gateway `gateway` terminates the client connection and opens one from `instance` (A1).
        case appGatewayProxy = "app-gateway-proxy"
        /// Firewall `firewall` has no session for a reply (M3).
        case firewallNoSession = "firewall-no-session"
        /// Firewall `firewall` has no session for a reply to one of its public IPs that reached its private side (M3).
        case firewallPublicReplyOnPrivateSide = "firewall-public-reply-on-private-side"
        /// Firewall `firewall` instance `instance` has no session for `reply`: another instance holds it (M3).
        case firewallOtherInstance = "firewall-other-instance"
        /// A reply addressed to instance `addressedTo` of `firewall` was routed to its frontend and handed to `instance`, which has no
        /// session (P5).
        case firewallFrontendRehash = "firewall-frontend-rehash"
        /// Firewall `firewall` accepts no new connections to its own addresses on the private side.
        case firewallOwnAddress = "firewall-own-address"
        /// A deny network rule of `firewall` matches.
        case firewallNetworkRuleDenies = "firewall-network-rule-deny"
        /// Firewall `firewall` must SNAT to a public IP for `destination` but has none.
        case firewallNoPublicIP = "firewall-no-public-ip"
        /// A deny application rule of `firewall` matches the flow's `fqdn` (or `destination`).
        case firewallApplicationRuleDenies = "firewall-application-rule-deny"
        /// No rule of `firewall` matches `packet` (F8 default deny).
        case firewallNoRuleMatched = "firewall-default-deny"
        /// A network rule allows; `destination` is in snatPrivateRanges, no SNAT (F14).
        case firewallNoSNAT = "firewall-no-snat"
        /// A network rule allows; `destination` is outside snatPrivateRanges, SNAT to `translated` (F14).
        case firewallSNAT = "firewall-snat"
        /// An application rule allows; the firewall proxies the connection from `translated` (F15).
        case firewallApplicationProxy = "firewall-application-proxy"
        /// Firewall `firewall` has no DNAT rule for `packet` on its public side (F7).
        case firewallNoDNATRule = "firewall-no-dnat-rule"
        /// A DNAT rule of `firewall` translates the packet (F7, F13); `forcedTunneling` adds the F17 caveat.
        case firewallDNAT = "firewall-dnat"
        /// East-west traffic to the translated address of DNAT rule `rule` (source `*`) in firewall `firewall`'s collection `collection` is allowed by the rule's implicit network rule and SNATed to an instance address (F18).
        case firewallImplicitDNATAllow = "firewall-implicit-dnat-allow"
        /// Network security group `group` denied `packet` with rule `rule` (index in its rules of the direction) where it left or entered workload `workload`'s NIC, at the NIC or subnet level (G2).
        case securityRuleDenied = "nsg-denied"
        /// Network security group `group` let the packet pass with rule `rule` where it left or entered workload `workload`'s NIC.
        case securityRuleAllowed = "nsg-allowed"
        /// Firewall `firewall`'s evaluation reaches policy group `origin`, which holds an FQDN network rule while the DNS proxy is off (F25).
        case firewallDnsProxyRequired = "firewall-dns-proxy-required"
    }

    /// The kind of this reason.
    public var kind: Kind {
        switch self {
        case .symmetric: return .symmetric
        case .routingLoop: return .routingLoop
        case .replyDeliveredElsewhere: return .replyDeliveredElsewhere
        case .natMismatch: return .natMismatch
        case .replyBypassesStatefulDevice: return .replyBypassesStatefulDevice
        case .unsupportedConfiguration: return .unsupportedConfiguration
        case .defaultOutboundAccessUsed: return .defaultOutboundAccessUsed
        case .flowStartsAtDevice: return .flowStartsAtDevice
        case .privateEndpointInitiates: return .privateEndpointInitiates
        case .privateEndpointWithoutSNAT: return .privateEndpointWithoutSNAT
        case .podMasquerade: return .podMasquerade
        case .gatewayForwardsIntoVNet: return .gatewayForwardsIntoVNet
        case .noMatchingRoute: return .noMatchingRoute
        case .replyNotRestored: return .replyNotRestored
        case .floatingIPReplyToAppliance: return .floatingIPReplyToAppliance
        case .nextHopNone: return .nextHopNone
        case .vnetLocalOutsideVNet: return .vnetLocalOutsideVNet
        case .noVPNGateway: return .noVPNGateway
        case .nextHopIsAppGateway: return .nextHopIsAppGateway
        case .nextHopUnreachable: return .nextHopUnreachable
        case .nextHopNotInDesign: return .nextHopNotInDesign
        case .peeringNoReverse: return .peeringNoReverse
        case .peeringAccessDisabled: return .peeringAccessDisabled
        case .forwardedTrafficDenied: return .forwardedTrafficDenied
        case .forwardedTrafficNotEnforced: return .forwardedTrafficNotEnforced
        case .noOwnerInVNet: return .noOwnerInVNet
        case .firewallNoSNATToInternet: return .firewallNoSNATToInternet
        case .appGatewayNoPublicFrontend: return .appGatewayNoPublicFrontend
        case .gatewayPrivateSourceToInternet: return .gatewayPrivateSourceToInternet
        case .forwardedWithoutSNAT: return .forwardedWithoutSNAT
        case .clusterOutboundBlocked: return .clusterOutboundBlocked
        case .defaultOutboundAccess: return .defaultOutboundAccess
        case .noOutboundPath: return .noOutboundPath
        case .snatAddressChoice: return .snatAddressChoice
        case .instancePublicIPNAT: return .instancePublicIPNAT
        case .natGatewayNoFlow: return .natGatewayNoFlow
        case .natGatewayUnsolicitedInbound: return .natGatewayUnsolicitedInbound
        case .privateDestinationOnInternet: return .privateDestinationOnInternet
        case .noNICOwnsAddress: return .noNICOwnsAddress
        case .onPremisesRoutesToGateway: return .onPremisesRoutesToGateway
        case .onPremisesEdgeNoSession: return .onPremisesEdgeNoSession
        case .forcedTunnelEgress: return .forcedTunnelEgress
        case .onPremisesNoRoute: return .onPremisesNoRoute
        case .gatewayNoRoute: return .gatewayNoRoute
        case .nodeDeliversToPod: return .nodeDeliversToPod
        case .ipForwardingDisabled: return .ipForwardingDisabled
        case .ipForwarding: return .ipForwarding
        case .nvaNoSession: return .nvaNoSession
        case .loadBalancerNoRule: return .loadBalancerNoRule
        case .loadBalancerNoHAPortsRule: return .loadBalancerNoHAPortsRule
        case .loadBalancerEmptyPool: return .loadBalancerEmptyPool
        case .loadBalancerHairpin: return .loadBalancerHairpin
        case .loadBalancerIndependentHash: return .loadBalancerIndependentHash
        case .loadBalancerBackendNotNIC: return .loadBalancerBackendNotNIC
        case .appGatewayAnswersClient: return .appGatewayAnswersClient
        case .appGatewayNoSession: return .appGatewayNoSession
        case .appGatewayInstanceAddress: return .appGatewayInstanceAddress
        case .appGatewayNoListener: return .appGatewayNoListener
        case .appGatewayEmptyPool: return .appGatewayEmptyPool
        case .appGatewayProxy: return .appGatewayProxy
        case .firewallNoSession: return .firewallNoSession
        case .firewallPublicReplyOnPrivateSide: return .firewallPublicReplyOnPrivateSide
        case .firewallOtherInstance: return .firewallOtherInstance
        case .firewallFrontendRehash: return .firewallFrontendRehash
        case .firewallOwnAddress: return .firewallOwnAddress
        case .firewallNetworkRuleDenies: return .firewallNetworkRuleDenies
        case .firewallNoPublicIP: return .firewallNoPublicIP
        case .firewallApplicationRuleDenies: return .firewallApplicationRuleDenies
        case .firewallNoRuleMatched: return .firewallNoRuleMatched
        case .firewallNoSNAT: return .firewallNoSNAT
        case .firewallSNAT: return .firewallSNAT
        case .firewallApplicationProxy: return .firewallApplicationProxy
        case .firewallNoDNATRule: return .firewallNoDNATRule
        case .firewallDNAT: return .firewallDNAT
        case .firewallImplicitDNATAllow: return .firewallImplicitDNATAllow
        case .securityRuleDenied: return .securityRuleDenied
        case .securityRuleAllowed: return .securityRuleAllowed
        case .firewallDnsProxyRequired: return .firewallDnsProxyRequired
        }
    }

    /// The stable, kebab-case code of this reason (`ip-forwarding-disabled`, `firewall-no-session`, …).
    public var code: String { kind.rawValue }

    /// The Azure rule this reason rests on (`R10`, `F8`, `P2a`, `M3`), if any.
    public var rule: String? { kind.rule }
}

extension TraceReason.Kind {
    /// The Azure rule a reason of this kind rests on (`R10`, `F8`, `P2a`, `M3`), if any.
    public var rule: String? {
        switch self {
        case .natMismatch: return "M4"
        case .replyBypassesStatefulDevice, .nvaNoSession, .appGatewayNoSession, .firewallNoSession, .firewallPublicReplyOnPrivateSide,
            .firewallOtherInstance:
            return "M3"
        case .defaultOutboundAccessUsed: return "K1"
        case .replyNotRestored, .floatingIPReplyToAppliance: return "L2"
        case .nextHopNone: return "M5"
        case .vnetLocalOutsideVNet: return "R13"
        case .noVPNGateway: return "R12"
        case .nextHopUnreachable: return "R9"
        case .peeringNoReverse: return "P1"
        case .peeringAccessDisabled, .forwardedTrafficDenied: return "P2"
        case .forwardedTrafficNotEnforced: return "P2a"
        case .firewallNoSNATToInternet, .firewallNoSNAT, .firewallSNAT: return "F14"
        case .appGatewayNoPublicFrontend: return "A7"
        case .forwardedWithoutSNAT, .ipForwardingDisabled: return "R10"
        case .clusterOutboundBlocked: return "AKS-OT"
        case .defaultOutboundAccess, .instancePublicIPNAT: return "L12"
        case .noOutboundPath: return "N4"
        case .snatAddressChoice: return "N3"
        case .natGatewayNoFlow, .natGatewayUnsolicitedInbound: return "N2"
        case .onPremisesEdgeNoSession: return "F17"
        case .loadBalancerIndependentHash: return "L9"
        case .appGatewayProxy: return "A1"
        case .firewallFrontendRehash: return "P5"
        case .firewallNoRuleMatched: return "F8"
        case .firewallApplicationProxy: return "F15"
        case .firewallNoDNATRule: return "F7"
        case .firewallDNAT: return "F13"
        case .loadBalancerHairpin: return "L5"
        case .firewallImplicitDNATAllow: return "F18"
        case .firewallDnsProxyRequired: return "F25"
        case .nextHopNotInDesign: return "M5"
        case .securityRuleDenied: return "G2"
        case .securityRuleAllowed: return "G2"
        case .privateEndpointInitiates: return "PE7"
        case .privateEndpointWithoutSNAT: return "PE9"
        default: return nil
        }
    }
}
