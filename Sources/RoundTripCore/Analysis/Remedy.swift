/// Suggested fixes for findings, from the fixes azure-semantics.md documents, naming this design's elements.
public enum Remedy {
    /// A concrete change that would fix the flow, or nil when nothing is wrong or no documented fix applies.
    public static func suggest(for trace: FlowTrace, flow: Flow, in t: Topology) -> String? {
        if trace.verdict == .unsupportedConfig {
            return trace.unsupported.compactMap(\.hint).joined(separator: "; ")
        }
        guard trace.verdict != .symmetric, let node = trace.droppedAt else { return nil }
        let causeRoute = trace.cause.flatMap { decision -> (Int, EffectiveRoute)? in
            if case .route(let s, let i) = decision { return (s, t.effectiveRoutes[s].routes[i]) }
            return nil
        }
        let causeText = trace.cause.map { t.describeDecision($0) } ?? "the route"
        switch (trace.verdict, node) {
        case (.asymmetric, .firewall(let f, _)):
            let fw = t.firewalls[f]
            let pip = fw.publicAddresses.first.map(\.description) ?? "the firewall's public IP"
            if trace.reverse.last?.packet.destination == fw.publicAddresses.first,
                trace.reverse.contains(where: { if case .route = $0.decision { return true } else { return false } }),
                let (subnet, _) = causeRoute
            {
                return "add a route \(pip)/32 → Internet to the route table of \(t.subnets[subnet].qualifiedName), so replies to the "
                    + "firewall's public IP return to its public side (S2, K2)"
            }
            if let (subnet, route) = causeRoute, route.source == .virtualNetworkGateway {
                let table = t.subnets[subnet].routeTable.map { "route table '\(t.routeTables[$0].name)'" }
                return "stop the gateway-learned route from bypassing '\(fw.name)' on \(t.subnets[subnet].qualifiedName): "
                    + (table.map { "set disableBgpRoutePropagation: true on \($0) and route 0.0.0.0/0 → \(fw.privateIP)" }
                        ?? "associate a route table with 0.0.0.0/0 → VirtualAppliance \(fw.privateIP) and disableBgpRoutePropagation: true")
                    + ", or route \(route.prefix) → VirtualAppliance \(fw.privateIP) (S8, FW-HYBRID)"
            }
            if trace.forward.contains(where: {
                if case .loadBalancer(let lb, _) = $0.node { return t.loadBalancers[lb].isPublic } else { return false }
            }) {
                return "publish the service through '\(fw.name)' instead of a public load balancer: a DNAT rule on \(pip):\(flow.port) "
                    + "translated to an internal load balancer frontend (S3, K5), or an Application Gateway in front (S13); "
                    + "\(causeText) sends every reply to the firewall (R22)"
            }
            if trace.forward.contains(where: {
                $0.decision.map { if case .instancePublicIP = $0 { return true } else { return false } } ?? false
            }) {
                return "remove the instance public IP and publish the VM through a DNAT rule on \(pip) (S4, R22)"
            }
            if case .firewallFrontendRehash = trace.reason {
                return "narrow the route that catches the firewall's own subnet: list only the shared-services prefixes, not "
                    + "\(t.subnets[fw.subnet].prefix) (P5)"
            }
            return "make both directions pass '\(fw.name)': give the other side's subnet a route to \(fw.privateIP) for this "
                + "prefix (P3, P4)"
        case (.asymmetric, .nic(let w, _)):
            let name = t.workloads[w].name
            if trace.forward.contains(where: {
                $0.decision.map { if case .instancePublicIP = $0 { return true } else { return false } } ?? false
            }) {
                return "remove the instance public IP or route replies around '\(name)'; publish through the appliance instead (S4, R22)"
            }
            return "send both directions of the flow through the same load balancer in front of '\(name)' (one HA-ports internal "
                + "load balancer), or let '\(name)' SNAT to its own address (L9)"
        case (.asymmetric, .onPremisesEdge(let n)):
            let fwSubnet = causeRoute.map { t.subnets[$0.0].qualifiedName } ?? "AzureFirewallSubnet"
            if t.firewalls.contains(where: \.forcedTunneling) {
                return "forced tunnelling does not support inbound DNAT (F17): publish the service through another path, "
                    + "or leave forced-tunnel mode"
            }
            return "associate a route table with 0.0.0.0/0 → Internet to \(fwSubnet), so the firewall keeps direct Internet "
                + "access instead of following '\(t.onPremises[n].name)''s default route (F4, S12)"
        case (.natMismatch, _):
            return "the reply leaves from another public address than the client called: keep replies on the path they came "
                + "in on (remove the user-defined route that captures them), or publish through the device that translates "
                + "them (M4)"
        case (.noRoute, .nic(let w, _)):
            let subnet = t.workloads[w].subnet
            if let (_, route) = causeRoute, route.origin == .reservedNone {
                let firewall = trace.forward.compactMap { hop -> Firewall? in
                    if case .firewall(let f, _) = hop.node { return t.firewalls[f] } else { return nil }
                }.first
                let target = firewall.map { "VirtualAppliance \($0.privateIP) ('\($0.name)')" } ?? "the hub firewall"
                return "associate a route table with 0.0.0.0/0 → \(target) and disableBgpRoutePropagation: true to "
                    + "\(t.subnets[subnet].qualifiedName), as on the other side (P3, R2b)"
            }
            if case .noOutboundPath = trace.reason {
                return "give \(t.subnets[subnet].qualifiedName) an outbound path: a NAT gateway (N4), or a route to the firewall"
            }
            return "add a route for \(trace.reverse.last?.packet.destination.description ?? "the destination") to "
                + "\(t.subnets[subnet].qualifiedName)"
        case (.noRoute, .firewall(let f, _)):
            return "remove \(trace.forward.last?.packet.destination.description ?? "the destination") from snatPrivateRanges of "
                + "'\(t.firewalls[f].name)', or leave the default IANAPrivateRanges (F14)"
        case (.denied, .firewall(let f, _)):
            let last = trace.forward.last?.packet ?? trace.reverse.last?.packet
            let target = flow.fqdn ?? last.map { $0.destination.description } ?? "the destination"
            return "if this flow is wanted, allow it on '\(t.firewalls[f].name)': a network rule for \(target):\(flow.port)/"
                + "\(flow.protocolType.rawValue)\(flow.fqdn != nil ? " or an application rule for \(target)" : "") (F8)"
        case (.denied, .peering(let p)):
            return "set allowForwardedTraffic: true on peering '\(t.peerings[p].name)' (P2)"
        default:
            return nil
        }
    }
}
