/// Human-readable names for nodes, routes and rules, used in reasons and by every writer.
extension Topology {
    /// Where a device that keeps a session sits.
    public func node(of device: Device) -> Node {
        switch device {
        case .firewall(let f, let i): return .firewall(firewall: f, instance: i)
        case .nic(let w, let a): return .nic(workload: w, address: a)
        case .natGateway(let n): return .natGateway(n)
        case .appGateway(let g, let i): return .appGateway(gateway: g, instance: i)
        case .onPremisesEdge(let n): return .onPremisesEdge(n)
        case .loadBalancerHost(let lb, let fe), .loadBalancerOutbound(let lb, let fe): return .loadBalancer(lb: lb, frontend: fe)
        case .instancePublicIP(let w): return .nic(workload: w, address: workloads[w].addresses[0])
        case .defaultOutbound(let s): return .vnet(subnets[s].vnet)
        }
    }

    /// `firewall-route (0.0.0.0/0 → VirtualAppliance 10.42.2.4) in firewall-routetable`, or a system route's text.
    public func describeRoute(subnet: Int, index: Int) -> String {
        let route = effectiveRoutes[subnet].routes[index]
        let hop = route.nextHopType.rawValue + (route.nextHopIP.map { " \($0)" } ?? "")
        switch route.origin {
        case .user(let table, let r):
            return
                "route '\(routeTables[table].routes[r].name)' (\(route.serviceTag ?? route.prefix.description) → \(hop)) in route table '\(routeTables[table].name)'"
        case .gateway(let g, let n):
            return
                "gateway route \(route.prefix) → \(hop) (learned from on-premises '\(onPremises[n].name)' via gateway '\(gateways[g].name)') on \(subnets[subnet].qualifiedName)"
        case .peering(let p):
            return "peering route \(route.prefix) → VNetPeering (peering '\(peerings[p].name)') on \(subnets[subnet].qualifiedName)"
        case .vnetAddressSpace, .defaultInternet, .reservedNone:
            return "system route \(route.prefix) → \(hop) on \(subnets[subnet].qualifiedName)"
        case .privateEndpoint(let w, _):
            return "private endpoint route \(route.prefix) → InterfaceEndpoint ('\(workloads[w].name)') on \(subnets[subnet].qualifiedName)"
        }
    }

    /// A decision in words.
    public func describeDecision(_ decision: Decision) -> String {
        switch decision {
        case .route(let s, let i): return describeRoute(subnet: s, index: i)
        case .loadBalancerRule(let lb, let r): return "load balancer '\(loadBalancers[lb].name)' rule '\(loadBalancers[lb].rules[r].name)'"
        case .outboundRule(let lb, let r):
            return "load balancer '\(loadBalancers[lb].name)' outbound rule '\(loadBalancers[lb].outboundRules[r].name)'"
        case .firewallNatRule(let f, let c, let r):
            return
                "firewall '\(firewalls[f].name)' DNAT rule '\(firewalls[f].natCollections[c].rules[r].name)' (collection '\(firewalls[f].natCollections[c].name)', priority \(firewalls[f].natCollections[c].priority)\(Self.inGroup(firewalls[f].natCollections[c].origin)))"
        case .firewallNetworkRule(let f, let c, let r):
            return
                "firewall '\(firewalls[f].name)' network rule '\(firewalls[f].networkCollections[c].rules[r].name)' (collection '\(firewalls[f].networkCollections[c].name)', priority \(firewalls[f].networkCollections[c].priority), \(firewalls[f].networkCollections[c].action.rawValue)\(Self.inGroup(firewalls[f].networkCollections[c].origin)))"
        case .firewallApplicationRule(let f, let c, let r):
            return
                "firewall '\(firewalls[f].name)' application rule '\(firewalls[f].applicationCollections[c].rules[r].name)' (collection '\(firewalls[f].applicationCollections[c].name)', priority \(firewalls[f].applicationCollections[c].priority), \(firewalls[f].applicationCollections[c].action.rawValue)\(Self.inGroup(firewalls[f].applicationCollections[c].origin)))"
        case .firewallDefaultDeny(let f): return "firewall '\(firewalls[f].name)' default deny"
        case .appGatewayListener(let g, let l):
            return "application gateway '\(appGateways[g].name)' listener '\(appGateways[g].listeners[l].name)'"
        case .natGateway(let n): return "NAT gateway '\(natGateways[n].name)'"
        case .instancePublicIP(let w): return "instance public IP of '\(workloads[w].name)'"
        case .defaultOutboundAccess(let s): return "default outbound access of \(subnets[s].qualifiedName)"
        case .peering(let p): return "peering '\(peerings[p].name)'"
        case .onPremisesRoute(let n): return "on-premises '\(onPremises[n].name)' routes"
        case .session: return "existing session"
        case .securityRule(let g, let r, let inbound):
            let rule = securityGroups[g].rules(inbound ? .inbound : .outbound)[r]
            return
                "NSG '\(securityGroups[g].name)' \(rule.isDefault ? "default " : "")rule '\(rule.name)' (priority \(rule.priority), \(rule.direction.rawValue), \(rule.access.rawValue))"
        }
    }

    /// The source location of what a decision cites (for SARIF and messages).
    public func location(of decision: Decision) -> SourceLocation? {
        switch decision {
        case .route(let s, let i):
            switch effectiveRoutes[s].routes[i].origin {
            case .user(let table, let r): return routeTables[table].routes[r].source.element
            case .peering(let p): return peerings[p].source.element
            case .gateway(_, let n): return onPremises[n].source.element
            case .vnetAddressSpace, .defaultInternet, .reservedNone: return subnets[s].source.element
            case .privateEndpoint(let w, _): return workloads[w].source.element
            }
        case .loadBalancerRule(let lb, let r): return loadBalancers[lb].rules[r].source.element
        case .outboundRule(let lb, let r): return loadBalancers[lb].outboundRules[r].source.element
        case .firewallNatRule(let f, let c, let r): return firewalls[f].natCollections[c].rules[r].source.element
        case .firewallNetworkRule(let f, let c, let r): return firewalls[f].networkCollections[c].rules[r].source.element
        case .firewallApplicationRule(let f, let c, let r): return firewalls[f].applicationCollections[c].rules[r].source.element
        case .firewallDefaultDeny(let f): return firewalls[f].source.element
        case .appGatewayListener(let g, let l): return appGateways[g].listeners[l].source.element
        case .natGateway(let n): return natGateways[n].source.element
        case .instancePublicIP(let w): return workloads[w].source["publicIPAddress"]
        case .defaultOutboundAccess(let s): return subnets[s].source.element
        case .peering(let p): return peerings[p].source.element
        case .onPremisesRoute(let n): return onPremises[n].source.element
        case .session: return nil
        case .securityRule(let g, let r, let inbound): return securityGroups[g].rules(inbound ? .inbound : .outbound)[r].source.element
        }
    }

    /// The name of a flow end as a user wrote it or as the design knows it.
    public func flowEndName(_ end: FlowEnd) -> String {
        switch end {
        case .internet(let a): return "internet host \(a)"
        case .onPremises(let n, let a): return "\(a) in '\(onPremises[n].name)'"
        case .workload(let w, let a): return "'\(workloads[w].name)' (\(a))"
        case .publicAddress(let a), .privateAddress(_, let a): return a.description
        }
    }

    /// Finds a subnet by `VNET/SUBNET`.
    public func subnetIndex(named qualified: String) -> Int? {
        subnets.firstIndex { $0.qualifiedName == qualified }
    }

    /// `, rule collection group 'z' (policy 'p')` for a collection compiled from a Firewall Policy; empty for classic.
    static func inGroup(_ origin: FirewallPolicyOrigin?) -> String {
        origin.map { ", \($0.description)" } ?? ""
    }
}
