/// Findings about NSGs and Bastion (G4, G10, B1, B2).
extension ConfigAudit {
    static func securityFindings(in t: Topology) -> [ConfigFinding] {
        var result: [ConfigFinding] = []
        for (s, subnet) in t.subnets.enumerated() {
            if let g = subnet.networkSecurityGroup {
                let nsg = t.securityGroups[g]
                switch subnet.role {
                case .gateway:
                    result.append(
                        ConfigFinding(
                            code: "gateway-subnet-nsg", unsupported: true,
                            message:
                                "NSG '\(nsg.name)' is associated with GatewaySubnet '\(subnet.qualifiedName)'; NSGs on the gateway subnet are not supported and may stop the gateway",
                            rule: "G4", location: subnet.source["networkSecurityGroup"], subnets: [s],
                            hint: "remove the NSG from GatewaySubnet",
                            element: t.gateways.firstIndex { $0.subnet == s }.map { Node.vnetGateway($0) }))
                case .azureFirewall, .azureFirewallManagement:
                    result.append(
                        ConfigFinding(
                            code: "firewall-subnet-nsg-ignored", unsupported: false,
                            message:
                                "NSG '\(nsg.name)' on '\(subnet.qualifiedName)' is ignored: subnet-level NSGs are disabled on the firewall's subnets",
                            rule: "G4", location: subnet.source["networkSecurityGroup"], subnets: [s],
                            hint: "remove the NSG; filter with the firewall's own rules"))
                default:
                    break
                }
                // G10: in a subnet with a 0.0.0.0/0 UDR the VirtualNetwork tag covers every address.
                let usesTag = (nsg.inbound + nsg.outbound).contains {
                    !$0.isDefault && ($0.sources.virtualNetwork || $0.destinations.virtualNetwork)
                }
                if t.virtualNetworkTag[s].contains(.any) {
                    result.append(
                        ConfigFinding(
                            code: "virtual-network-tag-is-everything", unsupported: false,
                            message:
                                "subnet '\(subnet.qualifiedName)' has a 0.0.0.0/0 route in its table, so for NSG '\(nsg.name)' the VirtualNetwork tag covers every address\(usesTag ? ", including in its own rules" : ""): AllowVnetInBound and AllowVnetOutBound admit anything",
                            rule: "G10", location: subnet.source["networkSecurityGroup"], subnets: [s],
                            hint: "write explicit address prefixes instead of VirtualNetwork, and add a deny above the default allows"))
                }
            }
            guard subnet.role == .bastion else { continue }
            let host = t.bastions.first { $0.subnet == s }
            let element = host.map { Node.nic(workload: $0.workload, address: t.workloads[$0.workload].addresses[0]) }
            if let table = subnet.routeTable {
                result.append(
                    ConfigFinding(
                        code: "bastion-subnet-route-table", unsupported: true,
                        message:
                            "route table '\(t.routeTables[table].name)' is associated with AzureBastionSubnet '\(subnet.qualifiedName)'; user-defined routes are not supported there",
                        rule: "B2", location: subnet.source["routeTable"], subnets: [s],
                        hint: "remove the route table from AzureBastionSubnet; steer the VMs' subnets instead", element: element))
            }
            if subnet.prefix.length > 26 {
                let tooSmall = subnet.prefix.length > 27
                result.append(
                    ConfigFinding(
                        code: "bastion-subnet-size", unsupported: tooSmall,
                        message:
                            "AzureBastionSubnet '\(subnet.qualifiedName)' is \(subnet.prefix); Bastion needs /26 or larger\(tooSmall ? "" : " (a /27 from before the change keeps working)")",
                        rule: "B1", location: subnet.source["addressPrefix"], subnets: [s], hint: "use a /26 or larger AzureBastionSubnet",
                        element: tooSmall ? element : nil))
            }
        }
        return result
    }
}
