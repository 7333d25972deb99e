/// Address ownership (the AddressIndex) and next-hop ownership (R9, M5).
extension TopologyCompiler {
    mutating func indexAddresses() {
        func claim(_ vnet: Int, _ address: IPv4Address, _ owner: AddressOwner, _ what: String, at: SourceLocation) {
            if let existing = topology.addresses.claim(address, in: vnet, by: owner) {
                error(
                    .duplicateAddress, at,
                    "\(address) in '\(topology.vnets[vnet].name)' is claimed by \(what) and by \(describe(existing))")
                return
            }
        }
        func claimPublic(_ address: IPv4Address, _ owner: PublicOwner, at: SourceLocation) {
            if topology.addresses.claimPublic(address, by: owner) != nil {
                error(.duplicateAddress, at, "public address \(address) is used by two resources")
                return
            }
        }
        for (w, workload) in topology.workloads.enumerated() {
            let subnet = topology.subnets[workload.subnet]
            if workload.onKubenet {
                for address in workload.addresses { topology.addresses.addPod(address, workload: w) }
                continue
            }
            for address in workload.addresses {
                if !subnet.prefix.contains(address) {
                    error(
                        .addressOutsideSubnet, workload.source["ipAddresses"],
                        "workload '\(workload.name)' address \(address) is outside its subnet \(subnet.qualifiedName) (\(subnet.prefix))")
                    continue
                }
                claim(subnet.vnet, address, .nic(workload: w), "workload '\(workload.name)'", at: workload.source["ipAddresses"])
                if workload.kind == .pod { topology.addresses.addPod(address, workload: w) }
            }
            if let pip = workload.publicIP {
                claimPublic(topology.publicIPs[pip].prefix.network, .instancePublicIP(workload: w), at: workload.source["publicIPAddress"])
            }
        }
        for (l, lb) in topology.loadBalancers.enumerated() {
            for (f, fe) in lb.frontends.enumerated() {
                if let subnet = fe.subnet {
                    claim(
                        topology.subnets[subnet].vnet, fe.address, .loadBalancerFrontend(lb: l, frontend: f),
                        "load balancer '\(lb.name)' frontend '\(fe.name)'", at: fe.source["privateIPAddress"])
                } else {
                    claimPublic(fe.address, .loadBalancerFrontend(lb: l, frontend: f), at: fe.source["publicIPAddress"])
                }
            }
        }
        for (f, fw) in topology.firewalls.enumerated() {
            claim(fw.vnet, fw.privateIP, .firewallFrontend(firewall: f), "firewall '\(fw.name)'", at: fw.source["privateIPAddress"])
            for (i, address) in fw.instanceIPs.enumerated() {
                claim(
                    fw.vnet, address, .firewallInstance(firewall: f, instance: i), "firewall '\(fw.name)' instance \(i)",
                    at: fw.source.element)
            }
            for address in fw.publicAddresses { claimPublic(address, .firewall(firewall: f), at: fw.source["publicIPAddresses"]) }
        }
        for (g, agw) in topology.appGateways.enumerated() {
            for (i, address) in agw.instanceIPs.enumerated() {
                claim(
                    agw.vnet, address, .appGatewayInstance(gateway: g, instance: i), "application gateway '\(agw.name)' instance \(i)",
                    at: agw.source.element)
            }
            for (f, fe) in agw.frontends.enumerated() {
                if fe.isPublic {
                    claimPublic(fe.address, .appGatewayFrontend(gateway: g, frontend: f), at: fe.source.element)
                } else {
                    claim(
                        agw.vnet, fe.address, .appGatewayFrontend(gateway: g, frontend: f),
                        "application gateway '\(agw.name)' frontend '\(fe.name)'", at: fe.source.element)
                }
            }
        }
        for (n, nat) in topology.natGateways.enumerated() {
            for address in nat.addresses { claimPublic(address, .natGateway(natGateway: n), at: nat.source["publicIPAddresses"]) }
        }
    }

    func describe(_ owner: AddressOwner) -> String {
        switch owner {
        case .nic(let w): return "workload '\(topology.workloads[w].name)'"
        case .loadBalancerFrontend(let l, let f):
            return "load balancer '\(topology.loadBalancers[l].name)' frontend '\(topology.loadBalancers[l].frontends[f].name)'"
        case .firewallFrontend(let f): return "firewall '\(topology.firewalls[f].name)'"
        case .firewallInstance(let f, let i): return "firewall '\(topology.firewalls[f].name)' instance \(i)"
        case .appGatewayFrontend(let g, _), .appGatewayInstance(let g, _): return "application gateway '\(topology.appGateways[g].name)'"
        }
    }

    /// A VirtualAppliance next hop must be an address some NIC, internal LB frontend or firewall owns (R9, M5).
    /// Outside strict mode ``ConfigAudit`` reports them as findings instead and the tracer drops the flows that use
    /// them (§16 D10): real designs are often partial.
    mutating func checkNextHops() {
        guard strict else { return }
        for table in topology.routeTables {
            for route in table.routes where route.nextHopType == .virtualAppliance {
                guard let ip = route.nextHopIP else { continue }
                if !topology.isApplianceAddress(ip) {
                    error(
                        .nextHopNotOwned, route.source["nextHopIpAddress"],
                        "route '\(route.name)' in '\(table.name)' sends traffic to \(ip), which no NIC, internal load balancer or firewall in the design owns; Azure drops such traffic (M5)",
                        hint: "add the appliance as a workload, or correct the next-hop address")
                }
            }
        }
    }
}

extension Topology {
    /// Whether a NIC, an internal load balancer frontend or a firewall in some VNet of the design owns `address`: what a
    /// `VirtualAppliance` next hop must be (R9, M5).
    public func isApplianceAddress(_ address: IPv4Address) -> Bool {
        self.addresses.vnets(owning: address).contains { v in
            switch self.addresses.owner(of: address, in: v) {
            case .nic, .loadBalancerFrontend, .firewallFrontend, .firewallInstance: return true
            default: return false
            }
        }
    }
}
