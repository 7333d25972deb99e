/// Stable codes and the rules they cite.
extension TraceReason {
    /// The kind of a reason, without its data; the raw value is the stable code.
    public enum Kind: String, CaseIterable, Sendable {
        /// ``TraceReason/symmetric``.
        case symmetric = "symmetric"
        /// ``TraceReason/routingLoop``.
        case routingLoop = "routing-loop"
        /// ``TraceReason/replyDeliveredElsewhere``.
        case replyDeliveredElsewhere = "reply-delivered-elsewhere"
        /// ``TraceReason/natMismatch``.
        case natMismatch = "nat-mismatch"
        /// ``TraceReason/replyBypassesStatefulDevice``.
        case replyBypassesStatefulDevice = "reply-bypasses-stateful-device"
        /// ``TraceReason/unsupportedConfiguration``.
        case unsupportedConfiguration = "unsupported-config"
        /// ``TraceReason/defaultOutboundAccessUsed``.
        case defaultOutboundAccessUsed = "default-outbound-access-used"
        /// ``TraceReason/flowStartsAtDevice``.
        case flowStartsAtDevice = "flow-starts-at-device"
        /// ``TraceReason/podMasquerade``.
        case podMasquerade = "pod-masquerade"
        /// ``TraceReason/gatewayForwardsIntoVNet``.
        case gatewayForwardsIntoVNet = "gateway-forwards-into-vnet"
        /// ``TraceReason/noMatchingRoute``.
        case noMatchingRoute = "no-matching-route"
        /// ``TraceReason/replyNotRestored``.
        case replyNotRestored = "reply-not-restored"
        /// ``TraceReason/floatingIPReplyToAppliance``.
        case floatingIPReplyToAppliance = "floating-ip-reply-to-appliance"
        /// ``TraceReason/nextHopNone``.
        case nextHopNone = "next-hop-none"
        /// ``TraceReason/vnetLocalOutsideVNet``.
        case vnetLocalOutsideVNet = "vnet-local-outside-vnet"
        /// ``TraceReason/noVPNGateway``.
        case noVPNGateway = "no-vpn-gateway"
        /// ``TraceReason/nextHopIsAppGateway``.
        case nextHopIsAppGateway = "next-hop-is-app-gateway"
        /// ``TraceReason/nextHopUnreachable``.
        case nextHopUnreachable = "next-hop-unreachable"
        /// ``TraceReason/peeringNoReverse``.
        case peeringNoReverse = "peering-no-reverse"
        /// ``TraceReason/peeringAccessDisabled``.
        case peeringAccessDisabled = "peering-access-disabled"
        /// ``TraceReason/forwardedTrafficDenied``.
        case forwardedTrafficDenied = "forwarded-traffic-denied"
        /// ``TraceReason/forwardedTrafficNotEnforced``.
        case forwardedTrafficNotEnforced = "forwarded-traffic-not-enforced"
        /// ``TraceReason/noOwnerInVNet``.
        case noOwnerInVNet = "no-owner-in-vnet"
        /// ``TraceReason/firewallNoSNATToInternet``.
        case firewallNoSNATToInternet = "firewall-no-snat-to-internet"
        /// ``TraceReason/appGatewayNoPublicFrontend``.
        case appGatewayNoPublicFrontend = "app-gateway-no-public-frontend"
        /// ``TraceReason/gatewayPrivateSourceToInternet``.
        case gatewayPrivateSourceToInternet = "gateway-private-source-to-internet"
        /// ``TraceReason/forwardedWithoutSNAT``.
        case forwardedWithoutSNAT = "forwarded-without-snat"
        /// ``TraceReason/clusterOutboundBlocked``.
        case clusterOutboundBlocked = "cluster-outbound-blocked"
        /// ``TraceReason/defaultOutboundAccess``.
        case defaultOutboundAccess = "default-outbound-access"
        /// ``TraceReason/noOutboundPath``.
        case noOutboundPath = "no-outbound-path"
        /// ``TraceReason/snatAddressChoice``.
        case snatAddressChoice = "snat-address-choice"
        /// ``TraceReason/instancePublicIPNAT``.
        case instancePublicIPNAT = "instance-public-ip-nat"
        /// ``TraceReason/natGatewayNoFlow``.
        case natGatewayNoFlow = "nat-gateway-no-flow"
        /// ``TraceReason/natGatewayUnsolicitedInbound``.
        case natGatewayUnsolicitedInbound = "nat-gateway-unsolicited-inbound"
        /// ``TraceReason/privateDestinationOnInternet``.
        case privateDestinationOnInternet = "private-destination-on-internet"
        /// ``TraceReason/noNICOwnsAddress``.
        case noNICOwnsAddress = "no-nic-owns-address"
        /// ``TraceReason/onPremisesRoutesToGateway``.
        case onPremisesRoutesToGateway = "on-premises-routes-to-gateway"
        /// ``TraceReason/onPremisesEdgeNoSession``.
        case onPremisesEdgeNoSession = "on-premises-edge-no-session"
        /// ``TraceReason/forcedTunnelEgress``.
        case forcedTunnelEgress = "forced-tunnel-egress"
        /// ``TraceReason/onPremisesNoRoute``.
        case onPremisesNoRoute = "on-premises-no-route"
        /// ``TraceReason/gatewayNoRoute``.
        case gatewayNoRoute = "gateway-no-route"
        /// ``TraceReason/nodeDeliversToPod``.
        case nodeDeliversToPod = "node-delivers-to-pod"
        /// ``TraceReason/ipForwardingDisabled``.
        case ipForwardingDisabled = "ip-forwarding-disabled"
        /// ``TraceReason/ipForwarding``.
        case ipForwarding = "ip-forwarding"
        /// ``TraceReason/nvaNoSession``.
        case nvaNoSession = "nva-no-session"
        /// ``TraceReason/loadBalancerNoRule``.
        case loadBalancerNoRule = "load-balancer-no-rule"
        /// ``TraceReason/loadBalancerNoHAPortsRule``.
        case loadBalancerNoHAPortsRule = "load-balancer-no-ha-ports-rule"
        /// ``TraceReason/loadBalancerEmptyPool``.
        case loadBalancerEmptyPool = "load-balancer-empty-pool"
        /// ``TraceReason/loadBalancerIndependentHash``.
        case loadBalancerIndependentHash = "load-balancer-independent-hash"
        /// ``TraceReason/loadBalancerBackendNotNIC``.
        case loadBalancerBackendNotNIC = "load-balancer-backend-not-nic"
        /// ``TraceReason/appGatewayAnswersClient``.
        case appGatewayAnswersClient = "app-gateway-answers-client"
        /// ``TraceReason/appGatewayNoSession``.
        case appGatewayNoSession = "app-gateway-no-session"
        /// ``TraceReason/appGatewayInstanceAddress``.
        case appGatewayInstanceAddress = "app-gateway-instance-address"
        /// ``TraceReason/appGatewayNoListener``.
        case appGatewayNoListener = "app-gateway-no-listener"
        /// ``TraceReason/appGatewayEmptyPool``.
        case appGatewayEmptyPool = "app-gateway-empty-pool"
        /// ``TraceReason/appGatewayProxy``.
        case appGatewayProxy = "app-gateway-proxy"
        /// ``TraceReason/firewallNoSession``.
        case firewallNoSession = "firewall-no-session"
        /// ``TraceReason/firewallPublicReplyOnPrivateSide``.
        case firewallPublicReplyOnPrivateSide = "firewall-public-reply-on-private-side"
        /// ``TraceReason/firewallOtherInstance``.
        case firewallOtherInstance = "firewall-other-instance"
        /// ``TraceReason/firewallFrontendRehash``.
        case firewallFrontendRehash = "firewall-frontend-rehash"
        /// ``TraceReason/firewallOwnAddress``.
        case firewallOwnAddress = "firewall-own-address"
        /// ``TraceReason/firewallNetworkRuleDenies``.
        case firewallNetworkRuleDenies = "firewall-network-rule-deny"
        /// ``TraceReason/firewallNoPublicIP``.
        case firewallNoPublicIP = "firewall-no-public-ip"
        /// ``TraceReason/firewallApplicationRuleDenies``.
        case firewallApplicationRuleDenies = "firewall-application-rule-deny"
        /// ``TraceReason/firewallNoRuleMatched``.
        case firewallNoRuleMatched = "firewall-default-deny"
        /// ``TraceReason/firewallNoSNAT``.
        case firewallNoSNAT = "firewall-no-snat"
        /// ``TraceReason/firewallSNAT``.
        case firewallSNAT = "firewall-snat"
        /// ``TraceReason/firewallApplicationProxy``.
        case firewallApplicationProxy = "firewall-application-proxy"
        /// ``TraceReason/firewallNoDNATRule``.
        case firewallNoDNATRule = "firewall-no-dnat-rule"
        /// ``TraceReason/firewallDNAT``.
        case firewallDNAT = "firewall-dnat"
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
        default: return nil
        }
    }
}
