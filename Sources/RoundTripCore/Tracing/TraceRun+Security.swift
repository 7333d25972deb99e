/// Network security groups where a packet leaves or enters a NIC (azure-semantics §12: G2, G3, G7–G12).
extension TraceRun {
    /// A NIC's view of a packet: the flow records NSGs keep are per NIC and per 5-tuple (G8).
    struct SecurityRecord: Hashable {
        var workload: Int
        var packet: Packet
    }

    /// Checks a packet against the NSGs of workload `w`'s NIC; nil when it passes, a stop step when a rule denies it.
    ///
    /// A packet whose reverse this NIC already passed (a reply) passes on the flow record (G7); anything else is a new
    /// flow in its own direction, whatever the leg (G8). Each NSG that decides is recorded as a hop.
    mutating func checkSecurity(at w: Int, inbound: Bool, _ packet: Packet) -> Step? {
        let groups = t.securityGroups(at: w, inbound: inbound)
        guard !groups.isEmpty else { return nil }
        if securityRecords.contains(SecurityRecord(workload: w, packet: packet.reversed)) { return nil }
        let subnet = t.securitySubnet(of: w)
        for (g, atSubnet) in groups {
            touchedSecurityGroups.insert(g)
            let rules = t.securityGroups[g].rules(inbound ? .inbound : .outbound)
            guard let r = t.firstMatch(rules, packet, subnet: subnet) else { continue }
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
}
