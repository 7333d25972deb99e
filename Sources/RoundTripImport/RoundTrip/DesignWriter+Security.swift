import RoundTripCore

/// NSGs, ASGs, Bastion hosts and accepted findings.
extension Writer {
    mutating func securityGroups(_ list: [SecurityGroupSpec]) {
        guard section("networkSecurityGroups", list) else { return }
        for nsg in list {
            element(nsg.name, nsg.source, indent: 2)
            guard section("securityRules", nsg.securityRules, indent: 4) else { continue }
            for rule in nsg.securityRules {
                element(rule.name, rule.source, indent: 6)
                out.field("priority", "\(rule.priority)", indent: 8)
                out.field("direction", rule.direction.rawValue, indent: 8)
                out.field("access", rule.access.rawValue, indent: 8)
                out.field("protocol", YAMLEmitter.scalar(rule.protocolType.rawValue), indent: 8)
                for (side, prefixes, groups, ports) in [
                    ("source", rule.sourceAddressPrefixes, rule.sourceApplicationSecurityGroups, rule.sourcePortRanges),
                    ("destination", rule.destinationAddressPrefixes, rule.destinationApplicationSecurityGroups, rule.destinationPortRanges),
                ] {
                    if !prefixes.isEmpty { out.field("\(side)AddressPrefixes", YAMLEmitter.sequence(prefixes), indent: 8) }
                    if !groups.isEmpty { out.field("\(side)ApplicationSecurityGroups", YAMLEmitter.sequence(groups), indent: 8) }
                    if ports != [.any] { out.field("\(side)PortRanges", YAMLEmitter.sequence(ports.map(\.description)), indent: 8) }
                }
            }
        }
    }

    mutating func applicationSecurityGroups(_ list: [ApplicationSecurityGroupSpec]) {
        guard section("applicationSecurityGroups", list) else { return }
        for group in list { element(group.name, group.source, indent: 2) }
    }

    mutating func bastions(_ list: [BastionSpec]) {
        guard section("bastionHosts", list) else { return }
        for host in list {
            element(host.name, host.source, indent: 2)
            out.field("subnet", YAMLEmitter.scalar(host.subnet), indent: 4)
            if let pip = host.publicIPAddress { out.field("publicIPAddress", YAMLEmitter.scalar(pip), indent: 4) }
            if !host.instanceIPAddresses.isEmpty {
                out.field("instanceIPAddresses", YAMLEmitter.sequence(host.instanceIPAddresses.map(\.description)), indent: 4)
            }
        }
    }

    mutating func accepted(_ list: [AcceptedSpec]) {
        guard section("accepted", list) else { return }
        for a in list {
            if let flow = a.flow {
                out.field("flow", YAMLEmitter.scalar(flow), indent: 2, dash: true)
                if let entry = a.entryPoint { out.field("entryPoint", YAMLEmitter.scalar(entry), indent: 4) }
            } else {
                out.field("entryPoint", YAMLEmitter.scalar(a.entryPoint ?? ""), indent: 2, dash: true)
            }
            out.field("verdict", a.verdict.rawValue, indent: 4)
            out.field("reason", YAMLEmitter.scalar(a.reason), indent: 4)
            if let expires = a.expires { out.field("expires", YAMLEmitter.scalar(expires), indent: 4) }
        }
    }
}
