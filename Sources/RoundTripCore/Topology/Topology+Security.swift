/// NSG evaluation, the one place that decides which rule an NSG applies to a packet at a NIC (G2, G5, G10–G14): the
/// tracer, `roundtrip nsg` and the reports all ask here.
extension Topology {
    /// The NSGs that check a packet at workload `w`'s NIC, in evaluation order: inbound subnet then NIC, outbound NIC
    /// then subnet (G2). A private endpoint has no NIC NSG, and its subnet's applies only to traffic to it and only with
    /// the NSG network policy (PE6).
    public func securityGroups(at w: Int, inbound: Bool) -> [(group: Int, atSubnet: Bool)] {
        let workload = workloads[w]
        let nicWorkload = workload.onKubenet ? (workload.hostedOn ?? w) : w
        let subnet = subnets[workloads[nicWorkload].subnet]
        if workload.kind == .privateEndpoint {
            guard inbound, subnet.privateEndpointNetworkPolicies.nsg, let g = subnet.networkSecurityGroup else { return [] }
            return [(g, true)]
        }
        // G4: an NSG on AzureFirewallSubnet is ignored; GatewaySubnet's is a finding (no NICs there anyway).
        let subnetGroup = subnet.role == .azureFirewall || subnet.role == .azureFirewallManagement ? nil : subnet.networkSecurityGroup
        let nicGroup = workloads[nicWorkload].networkSecurityGroup
        let levels: [(Int?, Bool)] = inbound ? [(subnetGroup, true), (nicGroup, false)] : [(nicGroup, false), (subnetGroup, true)]
        return levels.compactMap { group, atSubnet in group.map { ($0, atSubnet) } }
    }

    /// The subnet whose NSG and `VirtualNetwork` tag apply at workload `w`'s NIC (a kubenet pod's node's).
    public func securitySubnet(of w: Int) -> Int {
        workloads[workloads[w].onKubenet ? (workloads[w].hostedOn ?? w) : w].subnet
    }

    /// The index of the first rule (in evaluation order) that matches a packet at a NIC in `subnet`.
    public func firstMatch(_ rules: [SecurityGroup.Rule], _ packet: Packet, subnet: Int) -> Int? {
        rules.firstIndex { matches($0, packet, subnet: subnet) }
    }

    /// Whether an NSG rule matches a packet at a NIC in `subnet` (G5, G10–G14).
    public func matches(_ rule: SecurityGroup.Rule, _ packet: Packet, subnet: Int) -> Bool {
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
    public func covers(_ match: SecurityAddressMatch, _ address: IPv4Address, subnet: Int) -> Bool {
        if match.any { return true }
        if match.ranges.contains(where: { $0.contains(address) }) { return true }
        if match.virtualNetwork || match.internet {
            let inVirtualNetwork = virtualNetworkTag[subnet].contains { $0.contains(address) }
            if match.virtualNetwork && inVirtualNetwork { return true }
            // G11: public addresses outside the NIC's VirtualNetwork set.
            if match.internet && !inVirtualNetwork && !address.isPrivate { return true }
        }
        if !match.groups.isEmpty, let w = addresses.nic(owning: address) {
            return workloads[w].applicationSecurityGroups.contains { match.groups.contains($0) }
        }
        return false
    }

    /// What each NSG at workload `w`'s NIC decides for a packet in one direction, in evaluation order, stopping at
    /// the first that denies (Network Watcher's IP flow verify, G2).
    public func verifySecurity(_ packet: Packet, at w: Int, inbound: Bool) -> [SecurityVerdict] {
        var result: [SecurityVerdict] = []
        let subnet = securitySubnet(of: w)
        for (g, atSubnet) in securityGroups(at: w, inbound: inbound) {
            let rules = securityGroups[g].rules(inbound ? .inbound : .outbound)
            guard let r = firstMatch(rules, packet, subnet: subnet) else { continue }
            result.append(SecurityVerdict(group: g, atSubnet: atSubnet, rule: r, inbound: inbound, allowed: rules[r].access == .allow))
            if rules[r].access == .deny { break }
        }
        return result
    }

    /// The effective security rules at workload `w`'s NIC in one direction, in evaluation order with the NSG each
    /// comes from (the subnet's then the NIC's inbound, the reverse outbound; defaults last in each).
    public func effectiveSecurityRules(at w: Int, inbound: Bool) -> [(group: Int, atSubnet: Bool, rule: Int)] {
        securityGroups(at: w, inbound: inbound).flatMap { g, atSubnet in
            securityGroups[g].rules(inbound ? .inbound : .outbound).indices.map { (g, atSubnet, $0) }
        }
    }
}

/// One NSG's decision on a packet at a NIC.
public struct SecurityVerdict: Sendable, Hashable {
    /// The NSG.
    public var group: Int
    /// Whether it is the subnet's NSG (otherwise the NIC's).
    public var atSubnet: Bool
    /// The deciding rule, an index into the NSG's rules of that direction.
    public var rule: Int
    /// The direction.
    public var inbound: Bool
    /// Whether the rule allows the packet.
    public var allowed: Bool
}
