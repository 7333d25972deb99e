/// Network security groups where a packet leaves or enters a NIC (azure-semantics §12: G2, G3, G7–G12).
extension TraceRun {
    /// A NIC's view of a packet: the flow records NSGs keep are per NIC and per 5-tuple (G8).
    struct SecurityRecord: Hashable {
        var workload: Int
        var packet: Packet
    }

    /// The NSGs that check a packet at workload `w`'s NIC, in evaluation order: inbound subnet then NIC, outbound NIC
    /// then subnet (G2). A private endpoint has no NIC NSG, and its subnet's applies only to traffic to it and only with
    /// the NSG network policy (PE6).
    func securityGroups(at w: Int, inbound: Bool) -> [(group: Int, atSubnet: Bool)] {
        let workload = t.workloads[w]
        let nicWorkload = workload.onKubenet ? (workload.hostedOn ?? w) : w
        let subnet = t.subnets[t.workloads[nicWorkload].subnet]
        if workload.kind == .privateEndpoint {
            guard inbound, subnet.privateEndpointNetworkPolicies.nsg, let g = subnet.networkSecurityGroup else { return [] }
            return [(g, true)]
        }
        // G4: an NSG on AzureFirewallSubnet is ignored; GatewaySubnet's is a finding (no NICs there anyway).
        let subnetGroup = subnet.role == .azureFirewall || subnet.role == .azureFirewallManagement ? nil : subnet.networkSecurityGroup
        let nicGroup = t.workloads[nicWorkload].networkSecurityGroup
        let levels: [(Int?, Bool)] = inbound ? [(subnetGroup, true), (nicGroup, false)] : [(nicGroup, false), (subnetGroup, true)]
        return levels.compactMap { group, atSubnet in group.map { ($0, atSubnet) } }
    }

    /// Checks a packet against the NSGs of workload `w`'s NIC; nil when it passes, a stop step when a rule denies it.
    ///
    /// A packet whose reverse this NIC already passed (a reply) passes on the flow record (G7); anything else is a new
    /// flow in its own direction, whatever the leg (G8). Each NSG that decides is recorded as a hop.
    mutating func checkSecurity(at w: Int, inbound: Bool, _ packet: Packet) -> Step? {
        let groups = securityGroups(at: w, inbound: inbound)
        guard !groups.isEmpty else { return nil }
        if securityRecords.contains(SecurityRecord(workload: w, packet: packet.reversed)) { return nil }
        let subnet = t.workloads[t.workloads[w].onKubenet ? (t.workloads[w].hostedOn ?? w) : w].subnet
        for (g, atSubnet) in groups {
            let rules = t.securityGroups[g].rules(inbound ? .inbound : .outbound)
            guard let r = rules.firstIndex(where: { matches($0, packet, subnet: subnet) }) else { continue }
            let decision = Decision.securityRule(group: g, rule: r, inbound: inbound)
            if rules[r].access == .deny {
                return dropHere(
                    .securityGroup(g), packet, .denied,
                    .securityRuleDenied(group: g, rule: r, inbound: inbound, atSubnet: atSubnet, workload: w, packet: packet),
                    decision: decision, cause: decision)
            }
            var hop = Hop(direction: direction, node: .securityGroup(g), packet: packet, decision: decision)
            hop.note = .securityRuleAllowed(group: g, rule: r, inbound: inbound, atSubnet: atSubnet, workload: w)
            guard record(hop) else { return .stop }
        }
        securityRecords.insert(SecurityRecord(workload: w, packet: packet))
        return nil
    }

    /// Whether an NSG rule matches a packet at a NIC in `subnet` (G5, G10–G14).
    func matches(_ rule: SecurityGroup.Rule, _ packet: Packet, subnet: Int) -> Bool {
        switch rule.protocolType {
        case .any: break
        case .tcp: guard packet.protocolType == .tcp else { return false }
        case .udp: guard packet.protocolType == .udp else { return false }
        case .icmp: guard packet.protocolType == .icmp else { return false }
        case .esp, .ah: return false
        }
        let ported = packet.protocolType != .icmp
        if ported {
            guard rule.sourcePorts.contains(where: { $0.contains(packet.sourcePort) }),
                rule.destinationPorts.contains(where: { $0.contains(packet.destinationPort) })
            else { return false }
        }
        return covers(rule.sources, packet.source, subnet: subnet) && covers(rule.destinations, packet.destination, subnet: subnet)
    }

    /// Whether a rule side covers an address, with `VirtualNetwork` and `Internet` resolved for the NIC's subnet.
    func covers(_ match: SecurityAddressMatch, _ address: IPv4Address, subnet: Int) -> Bool {
        if match.any { return true }
        if match.ranges.contains(where: { $0.contains(address) }) { return true }
        if match.virtualNetwork || match.internet {
            let inVirtualNetwork = t.virtualNetworkTag[subnet].contains { $0.contains(address) }
            if match.virtualNetwork && inVirtualNetwork { return true }
            // G11: public addresses outside the NIC's VirtualNetwork set.
            if match.internet && !inVirtualNetwork && !address.isPrivate { return true }
        }
        if !match.groups.isEmpty, let w = t.addresses.nic(owning: address) {
            return t.workloads[w].applicationSecurityGroups.contains { match.groups.contains($0) }
        }
        return false
    }
}
