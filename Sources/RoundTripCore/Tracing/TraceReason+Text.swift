/// Reasons in English: the one place a ``TraceReason`` becomes text.
extension Topology {
    /// Why a trace ended as it did, in one or two sentences (`return: firewall 'hub-fw' has no session …`).
    public func reasonText(of trace: FlowTrace) -> String {
        describe(trace.reason, leg: trace.reasonLeg)
    }

    /// A reason in words, prefixed with the leg it happened on (`forward: `, `return: `) when one is given.
    public func describe(_ reason: TraceReason, leg: Hop.Direction?) -> String {
        guard let leg else { return describe(reason) }
        return "\(leg == .forward ? "forward" : "return"): \(describe(reason))"
    }

    /// A reason in words.
    public func describe(_ reason: TraceReason) -> String {
        switch reason {
        case .symmetric, .routingLoop, .replyDeliveredElsewhere, .natMismatch, .replyBypassesStatefulDevice,
            .unsupportedConfiguration, .defaultOutboundAccessUsed:
            return describeVerdictReason(reason)
        case .firewallNoSession, .firewallPublicReplyOnPrivateSide, .firewallOtherInstance, .firewallFrontendRehash,
            .firewallOwnAddress, .firewallNetworkRuleDenies, .firewallNoPublicIP, .firewallApplicationRuleDenies,
            .firewallNoRuleMatched, .firewallNoSNAT, .firewallSNAT, .firewallApplicationProxy, .firewallNoDNATRule, .firewallDNAT,
            .firewallImplicitDNATAllow, .firewallDnsProxyRequired, .securityRuleDenied, .securityRuleAllowed:
            return describeFirewallReason(reason)
        case .nodeDeliversToPod, .ipForwardingDisabled, .ipForwarding, .nvaNoSession, .loadBalancerNoRule, .loadBalancerNoHAPortsRule,
            .loadBalancerEmptyPool, .loadBalancerIndependentHash, .loadBalancerBackendNotNIC, .appGatewayAnswersClient,
            .appGatewayNoSession, .appGatewayInstanceAddress, .appGatewayNoListener, .appGatewayEmptyPool, .appGatewayProxy,
            .loadBalancerHairpin:
            return describeDeviceReason(reason)
        default:
            return describeRoutingReason(reason)
        }
    }

    func describeVerdictReason(_ reason: TraceReason) -> String {
        switch reason {
        case .symmetric: return "the reply retraces the forward path through every stateful device"
        case .routingLoop(let node): return "the packet came back to \(name(of: node)) with the same header: a routing loop"
        case .replyDeliveredElsewhere(let node, let client):
            return "return: the reply is delivered to \(name(of: node)), not to the client \(flowEndName(client))"
        case .natMismatch(let expected, let expectedPort, let actual, let actualPort):
            return
                "the client sent to \(expected):\(expectedPort) but the reply comes from \(actual):\(actualPort); its stack discards it (M4)"
        case .replyBypassesStatefulDevice(let device, let returnPath, let returnRoute):
            let route = returnRoute.map { " (\(describeDecision($0)))" } ?? ""
            let back = returnPath.map { name(of: $0) }.uniqued().joined(separator: " → ")
            return
                "the reply bypasses \(name(of: device)), which saw the forward packet: it returns \(back)\(route); \(name(of: device)) drops the next forward packet of the session (no established session, M3)"
        case .unsupportedConfiguration(let indices, let verdict, let inner, let leg):
            let was = verdict == .symmetric ? "" : " (the trace alone gives \(verdict.rawValue): \(describe(inner, leg: leg)))"
            return indices.map { "\(findings[$0].message) (\(findings[$0].rule))" }.joined(separator: "; ") + was
        case .defaultOutboundAccessUsed: return "default outbound access"
        default: return ""
        }
    }

    func describeRoutingReason(_ reason: TraceReason) -> String {
        switch reason {
        case .privateEndpointWithoutSNAT(let w, let device):
            return
                "the request reaches private endpoint '\(workloads[w].name)' through \(label(of: device)), which did not SNAT it: Microsoft requires SNAT for traffic to private endpoints through a firewall network rule or an NVA to keep the flow symmetric, and the return is not guaranteed without it (PE9; field reports vary by service) — use an application rule, SNAT (snatPrivateRanges, snat: true), or the NVA's disableSnatOnPL tag"
        case .privateEndpointInitiates(let w):
            return
                "'\(workloads[w].name)' is a private endpoint: the service behind it never opens connections, so a flow cannot start there (PE7)"
        case .flowStartsAtDevice: return "a flow cannot start at a device address"
        case .podMasquerade(_, _, let kubenet):
            return kubenet
                ? "kubenet: traffic leaving the pod CIDR is masqueraded to the node address"
                : "Azure CNI: traffic leaving the VNet is masqueraded to the node address (ip-masq-agent)"
        case .gatewayForwardsIntoVNet: return "gateway forwards into the VNet"
        case .noMatchingRoute(let s, let destination): return "no route in \(subnets[s].qualifiedName) matches \(destination)"
        case .replyNotRestored(let original, let device):
            return
                "the reply is not restored to \(original): a user-defined route sends it to an appliance before Azure's \(describeHostNAT(device)) can (L2)"
        case .floatingIPReplyToAppliance(let device):
            return
                "floating IP: the reply already carries the frontend address, and a user-defined route sends it to an appliance instead of Azure's \(describeHostNAT(device)) path (L2, L7)"
        case .nextHopNone(let s, let r, let destination):
            return "\(describeRoute(subnet: s, index: r)) drops traffic to \(destination) (next hop None, M5)"
        case .vnetLocalOutsideVNet(let s, let r, let destination, let v):
            return
                "\(describeRoute(subnet: s, index: r)) uses VnetLocal for \(destination), outside '\(vnets[v].name)'; VnetLocal reaches only the local VNet (R13)"
        case .noVPNGateway(let s, let r, let v):
            return
                "\(describeRoute(subnet: s, index: r)) names VirtualNetworkGateway but no VPN gateway serves '\(vnets[v].name)' (R12)"
        case .nextHopIsAppGateway(let address, _):
            return "next hop \(address) is an Application Gateway address, which does not forward routed traffic"
        case .nextHopNotInDesign(let ip, let decision):
            return
                "next hop \(ip) of \(describeDecision(decision)) is owned by no NIC, internal load balancer or firewall in the design: an appliance outside this design, or a typo; Azure drops the traffic (M5)"
        case .nextHopUnreachable(let address, let route, let v):
            return
                "next hop \(address) of \(describeDecision(route)) is not reachable from '\(vnets[v].name)' (R9: the appliance must be in the VNet or a peered VNet)"
        case .peeringNoReverse(let p): return "peering '\(peerings[p].name)' has no reverse peering (P1)"
        case .peeringAccessDisabled(let p):
            return "peering '\(peerings[p].name)' has allowVirtualNetworkAccess false: no traffic flows between the peers (P2)"
        case .forwardedTrafficDenied(let p, let source, let v):
            return forwardedTrafficText(p, source, v) + " (P2; strictForwardedTraffic)"
        case .forwardedTrafficNotEnforced(let p, let source, let v):
            return forwardedTrafficText(p, source, v)
                + ": Azure documents this as not admitted but does not reliably enforce it; set the flag explicitly (P2a)"
        case .noOwnerInVNet(let v, let destination): return "no NIC or device in '\(vnets[v].name)' owns \(destination)"
        case .firewallNoSNATToInternet(let f, let source, let destination):
            return
                "firewall '\(firewalls[f].name)' did not SNAT \(source) (snatPrivateRanges covers \(destination)), so the private source cannot reach the Internet (F14, S24e)"
        case .appGatewayNoPublicFrontend(let g):
            return "application gateway '\(appGateways[g].name)' has no public frontend for Internet egress (A7)"
        case .gatewayPrivateSourceToInternet(let g): return "gateway '\(gateways[g].name)' cannot send a private source to the Internet"
        case .forwardedWithoutSNAT(let w, let source, let address):
            return
                "'\(workloads[w].name)' forwards \(source) to the Internet without SNAT; Azure only translates the NIC's own address, so the appliance must SNAT to \(address) (R10)"
        case .clusterOutboundBlocked(let c):
            return "cluster '\(clusters[c].name)' has outboundType block: Internet egress is blocked (AKS-OT)"
        case .defaultOutboundAccess(let w):
            return
                "'\(workloads[w].name)' reaches the Internet through default outbound access: an address Azure picks, not known in advance and retiring for new subnets (L12, K1)"
        case .noOutboundPath(let w, let s):
            return
                "'\(workloads[w].name)' has no outbound path: no NAT gateway, instance public IP or LB outbound rule, and subnet '\(subnets[s].qualifiedName)' has defaultOutboundAccess false (N4)"
        case .snatAddressChoice(let addresses):
            return "SNAT picks one of \(addresses.map(\.description).joined(separator: ", ")) per connection (N3)"
        case .instancePublicIPNAT: return "instance public IP: 1:1 NAT to the NIC (L12)"
        case .natGatewayNoFlow(let n): return "NAT gateway '\(natGateways[n].name)' has no flow for this reply and resets it (N2)"
        case .natGatewayUnsolicitedInbound(let n):
            return "NAT gateway '\(natGateways[n].name)' accepts no unsolicited inbound connections (N2)"
        case .privateDestinationOnInternet(let destination):
            return "private destination \(destination) is not reachable over the Internet"
        case .noNICOwnsAddress(let destination): return "no NIC owns \(destination)"
        case .onPremisesRoutesToGateway(_, let g): return "on-premises routes Azure prefixes through gateway '\(gateways[g].name)'"
        case .onPremisesEdgeNoSession(let n):
            return
                "the reply leaves through on-premises network '\(onPremises[n].name)', whose edge firewall never saw the flow (F17, S11)"
        case .forcedTunnelEgress(let n):
            return
                "leaves through the edge of on-premises network '\(onPremises[n].name)' (forced tunnelling), SNATed to an address the design does not know (§16 D8)"
        case .onPremisesNoRoute(let n, let destination):
            return "on-premises network '\(onPremises[n].name)' has no route to \(destination)"
        case .gatewayNoRoute(let g, let destination): return "gateway '\(gateways[g].name)' learns no route to \(destination)"
        default: return ""
        }
    }

    func forwardedTrafficText(_ p: Int, _ source: IPv4Address, _ v: Int) -> String {
        "peering '\(peerings[p].name)' has allowForwardedTraffic false, yet forwarded traffic from \(source) enters '\(vnets[v].name)' through it"
    }

    /// The device whose host NAT restores replies, in words.
    func describeHostNAT(_ device: Device) -> String {
        switch device {
        case .loadBalancerHost(let lb, _): return "load balancer '\(loadBalancers[lb].name)'"
        case .instancePublicIP(let w): return "instance public IP of '\(workloads[w].name)'"
        default: return "NAT"
        }
    }

    /// The words for a reply that reaches a stateful device without a session.
    func describeMiss(_ name: String, _ miss: SessionMiss) -> String {
        let path = miss.forwardPath.map { self.name(of: $0) }.uniqued().joined(separator: " → ")
        var text = "\(name) has no session for the reply \(miss.reply)"
        if let route = miss.sentBy { text += "; \(describeDecision(route)) sent it there" }
        text += ", while the forward packet went \(path)"
        return text
    }
}

extension Topology {
    /// Which pool members fail, when a flow through a pool was traced for each (§16 D4): `fails for 1 of 2 pool
    /// members: 10.10.2.4 (web-b-vm)`; nil when there was no pool of several members or none fails.
    public func poolText(of trace: FlowTrace) -> String? {
        guard trace.poolSize > 1, !trace.failingMembers.isEmpty else { return nil }
        let names = trace.failingMembers.map { address in
            let owner = addresses.nic(owning: address).map { workloads[$0].name }
            return owner.map { "\(address) (\($0))" } ?? address.description
        }
        let scope =
            trace.failingMembers.count == trace.poolSize ? "all \(trace.poolSize)" : "\(trace.failingMembers.count) of \(trace.poolSize)"
        return "fails for \(scope) pool members: \(names.joined(separator: ", "))"
    }

    /// `route 'x' (10.0.0.0/9 → VirtualAppliance 10.0.0.4) in route table 'gw-rt' lost to … (R18)`.
    public func describe(_ shadow: ShadowedRoute) -> String {
        "\(describeDecision(shadow.loser)) covers the destination but lost to the more specific \(describeDecision(shadow.winner)) (longest prefix wins, R18)"
    }
}
