/// Design-level checks that need no flow: configurations Azure documents as unsupported, and warnings.
public enum ConfigAudit {
    /// Findings for a compiled topology, sorted by position.
    public static func findings(in topology: Topology) -> [ConfigFinding] {
        var result: [ConfigFinding] = []
        for (s, subnet) in topology.subnets.enumerated() {
            let table = subnet.routeTable.map { topology.routeTables[$0] }
            let defaultRoute = table?.routes.first { $0.prefixes.contains(.any) }
            // The route 0.0.0.0/0 actually resolves to: from the subnet's table, or learned over BGP (R17).
            let effectiveDefault = topology.effectiveRoutes[s].routes.first { $0.state == .active && $0.prefix == .any }
            let gateway = topology.gateways.firstIndex { $0.subnet == s }.map { Node.vnetGateway($0) }
            switch subnet.role {
            case .gateway:
                if let table, let route = defaultRoute {
                    result.append(
                        ConfigFinding(
                            code: "gateway-subnet-default-route", unsupported: true,
                            message:
                                "route table '\(table.name)' sends 0.0.0.0/0 from GatewaySubnet to \(route.nextHopType.rawValue)\(route.nextHopIP.map { " \($0)" } ?? ""); the gateway may stop working",
                            rule: "R16/S10", location: route.source.element, subnets: [s],
                            hint:
                                "remove the 0.0.0.0/0 route from GatewaySubnet's table; steer specific spoke prefixes to the firewall instead",
                            element: gateway))
                }
                if let table, table.disableBgpRoutePropagation {
                    result.append(
                        ConfigFinding(
                            code: "gateway-subnet-propagation-disabled", unsupported: true,
                            message:
                                "route table '\(table.name)' disables gateway route propagation on GatewaySubnet; the gateway stops working",
                            rule: "R15/S10", location: table.source["disableBgpRoutePropagation"], subnets: [s],
                            hint: "set disableBgpRoutePropagation: false on GatewaySubnet's table", element: gateway))
                }
            case .applicationGateway:
                // A6: the effective 0.0.0.0/0 must reach the Internet directly, whether a UDR or BGP (forced
                // tunnelling from on-premises) takes it elsewhere.
                let appGateway = topology.appGateways.firstIndex { $0.subnet == s }.map { Node.appGateway(gateway: $0, instance: nil) }
                if let route = effectiveDefault, route.nextHopType == .virtualAppliance || route.nextHopType == .virtualNetworkGateway,
                    !topology.options.appGatewayPrivateDeployment
                {
                    let learned = route.source == .virtualNetworkGateway
                    let location =
                        defaultRoute.flatMap { $0.nextHopType == route.nextHopType ? $0.source.element : nil } ?? subnet.source.element
                    result.append(
                        ConfigFinding(
                            code: "appgw-subnet-default-route", unsupported: true,
                            message: learned
                                ? "Application Gateway subnet '\(subnet.qualifiedName)' learns 0.0.0.0/0 from on-premises over BGP; App Gateway v2 control-plane traffic must reach the Internet directly"
                                : "route table '\(table?.name ?? "")' sends 0.0.0.0/0 from Application Gateway subnet '\(subnet.qualifiedName)' to \(route.nextHopType.rawValue); App Gateway v2 control-plane traffic must reach the Internet directly",
                            rule: "A6/S16", location: location, subnets: [s],
                            hint: learned
                                ? "associate a route table with 0.0.0.0/0 → Internet (or disable gateway route propagation) on the App Gateway subnet"
                                : "use 0.0.0.0/0 → Internet on the App Gateway subnet, or only more-specific routes to the firewall",
                            element: appGateway))
                }
            case .azureFirewall:
                // §16 D7: without forced-tunnelling mode the firewall's effective 0.0.0.0/0 must be Internet.
                let firewall = topology.firewalls.firstIndex { $0.subnet == s }
                let forced = firewall.map { topology.firewalls[$0].forcedTunneling } ?? false
                if let route = effectiveDefault, route.nextHopType != .internet, !forced, let firewall {
                    let learned = route.source == .virtualNetworkGateway
                    result.append(
                        ConfigFinding(
                            code: learned ? "firewall-learns-default-route" : "firewall-subnet-default-route", unsupported: true,
                            message: learned
                                ? "AzureFirewallSubnet '\(subnet.qualifiedName)' learns 0.0.0.0/0 from on-premises over BGP while firewall '\(topology.firewalls[firewall].name)' is not in forced-tunnelling mode; it loses direct Internet access"
                                : "route table '\(table?.name ?? "")' sends 0.0.0.0/0 from AzureFirewallSubnet '\(subnet.qualifiedName)' to \(route.nextHopType.rawValue) while firewall '\(topology.firewalls[firewall].name)' is not in forced-tunnelling mode",
                            rule: "D7/S12",
                            location: learned ? subnet.source.element : (defaultRoute?.source.element ?? subnet.source.element),
                            subnets: [s],
                            hint: "associate a route table with 0.0.0.0/0 → Internet to AzureFirewallSubnet, or enable forced tunnelling",
                            element: .firewall(firewall: firewall, instance: nil)))
                }
            default:
                break
            }
        }
        for cluster in topology.clusters where cluster.outboundType == .userDefinedRouting {
            for subnet in Set(cluster.nodePools.map { topology.workloads[$0].subnet }).sorted() {
                let table = topology.subnets[subnet].routeTable.map { topology.routeTables[$0] }
                let route = table?.routes.first { $0.prefixes.contains(.any) }
                let badHop = route.map { $0.nextHopType == .internet || $0.nextHopType == NextHopType.none } ?? true
                if badHop {
                    let what = route.map { "sends 0.0.0.0/0 to \($0.nextHopType.rawValue)" } ?? "has no 0.0.0.0/0 route"
                    result.append(
                        ConfigFinding(
                            code: "aks-udr-default-route", unsupported: true,
                            message:
                                "cluster '\(cluster.name)' uses outboundType userDefinedRouting but subnet '\(topology.subnets[subnet].qualifiedName)' \(what); AKS rejects the cluster",
                            rule: "S21", location: route?.source.element ?? cluster.source["outboundType"], subnets: [subnet],
                            hint: "route 0.0.0.0/0 to the firewall or NVA (VirtualAppliance), or choose another outbound type",
                            element: pool(of: cluster, in: subnet, topology).map {
                                .nic(workload: $0, address: topology.workloads[$0].addresses[0])
                            }))
                }
            }
        }
        // §16 D10 (M5, R9): a next hop nothing in the design owns — outside this design, or a typo.
        for table in topology.routeTables {
            for route in table.routes where route.nextHopType == .virtualAppliance {
                guard let ip = route.nextHopIP, !topology.isApplianceAddress(ip) else { continue }
                result.append(
                    ConfigFinding(
                        code: "next-hop-outside-design", unsupported: false,
                        message:
                            "route '\(route.name)' in route table '\(table.name)' sends traffic to \(ip), which no NIC, internal load balancer or firewall in the design owns: an appliance outside this design, or a typo; flows that use the route get no-route",
                        rule: "M5/R9", location: route.source["nextHopIpAddress"], subnets: [],
                        hint: "add the appliance to the design (as a workload, firewall or internal load balancer), or correct the address")
                )
            }
        }
        for peering in topology.peerings where peering.reverse == nil {
            result.append(
                ConfigFinding(
                    code: "missing-reverse-peering", unsupported: false,
                    message:
                        "peering '\(peering.name)' from '\(topology.vnets[peering.from].name)' to '\(topology.vnets[peering.to].name)' has no reverse peering; no traffic flows until both directions exist",
                    rule: "P1", location: peering.source.element, subnets: [],
                    hint: "add a peering from '\(topology.vnets[peering.to].name)' to '\(topology.vnets[peering.from].name)'"))
        }
        result += policyFindings(in: topology)
        result += securityFindings(in: topology)
        return result.sorted { ($0.location, $0.code) < ($1.location, $1.code) }
    }

    /// The cluster's first node pool in a subnet (the element an AKS finding names, §16 D11).
    static func pool(of cluster: Cluster, in subnet: Int, _ topology: Topology) -> Int? {
        cluster.nodePools.first { topology.workloads[$0].subnet == subnet && !topology.workloads[$0].addresses.isEmpty }
    }
}
