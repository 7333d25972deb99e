/// Design-level checks that need no flow: configurations Azure documents as unsupported, and warnings.
public enum ConfigAudit {
    /// Findings for a compiled topology, sorted by position.
    public static func findings(in topology: Topology) -> [ConfigFinding] {
        var result: [ConfigFinding] = []
        for (s, subnet) in topology.subnets.enumerated() {
            let table = subnet.routeTable.map { topology.routeTables[$0] }
            let defaultRoute = table?.routes.first { $0.prefixes.contains(.any) }
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
                                "remove the 0.0.0.0/0 route from GatewaySubnet's table; steer specific spoke prefixes to the firewall instead"
                        ))
                }
                if let table, table.disableBgpRoutePropagation {
                    result.append(
                        ConfigFinding(
                            code: "gateway-subnet-propagation-disabled", unsupported: true,
                            message:
                                "route table '\(table.name)' disables gateway route propagation on GatewaySubnet; the gateway stops working",
                            rule: "R15/S10", location: table.source["disableBgpRoutePropagation"], subnets: [s],
                            hint: "set disableBgpRoutePropagation: false on GatewaySubnet's table"))
                }
            case .applicationGateway:
                if let table, let route = defaultRoute,
                    route.nextHopType == .virtualAppliance || route.nextHopType == .virtualNetworkGateway,
                    !topology.options.appGatewayPrivateDeployment
                {
                    result.append(
                        ConfigFinding(
                            code: "appgw-subnet-default-route", unsupported: true,
                            message:
                                "route table '\(table.name)' sends 0.0.0.0/0 from Application Gateway subnet '\(subnet.qualifiedName)' to \(route.nextHopType.rawValue); App Gateway v2 control-plane traffic must reach the Internet directly",
                            rule: "A6/S16", location: route.source.element, subnets: [s],
                            hint: "use 0.0.0.0/0 → Internet on the App Gateway subnet, or only more-specific routes to the firewall"))
                }
            case .azureFirewall:
                let learnsDefault =
                    !(table?.disableBgpRoutePropagation ?? false)
                    && topology.gateways(reachableFrom: subnet.vnet).contains { g in
                        topology.onPremises.contains { $0.gateway == g && $0.forcedTunnelDefaultRoute }
                    }
                let overridden = defaultRoute?.nextHopType == .internet
                let forced = topology.firewalls.contains { $0.subnet == s && $0.forcedTunneling }
                if learnsDefault && !overridden && !forced {
                    result.append(
                        ConfigFinding(
                            code: "firewall-learns-default-route", unsupported: false,
                            message:
                                "AzureFirewallSubnet '\(subnet.qualifiedName)' learns 0.0.0.0/0 from on-premises over BGP; the firewall loses direct Internet access",
                            rule: "F4/S12", location: subnet.source.element, subnets: [s],
                            hint: "associate a route table with 0.0.0.0/0 → Internet to AzureFirewallSubnet, or enable forced tunnelling"))
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
                            hint: "route 0.0.0.0/0 to the firewall or NVA (VirtualAppliance), or choose another outbound type"))
                }
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
        return result.sorted { ($0.location, $0.code) < ($1.location, $1.code) }
    }
}
