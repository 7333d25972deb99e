import RoundTripCore

/// IP groups and Firewall Policies, in the reader's field names.
extension Writer {
    mutating func ipGroups(_ list: [IPGroupSpec]) {
        guard section("ipGroups", list) else { return }
        for group in list {
            element(group.name, group.source, indent: 2)
            out.field("ipAddresses", YAMLEmitter.sequence(group.ipAddresses), indent: 4)
        }
    }

    mutating func firewallPolicies(_ list: [FirewallPolicySpec]) {
        guard section("firewallPolicies", list) else { return }
        for policy in list {
            element(policy.name, policy.source, indent: 2)
            if let base = policy.basePolicy { out.field("basePolicy", YAMLEmitter.scalar(base), indent: 4) }
            if let mode = policy.threatIntelMode { out.field("threatIntelMode", mode.rawValue, indent: 4) }
            if policy.snatPrivateRanges != nil || policy.autoLearnPrivateRanges != nil {
                out.open("snat", indent: 4)
                if let ranges = policy.snatPrivateRanges {
                    out.field("privateRanges", YAMLEmitter.sequence(ranges.map(\.description)), indent: 6)
                }
                if let learn = policy.autoLearnPrivateRanges { out.field("autoLearnPrivateRanges", learn.rawValue, indent: 6) }
            }
            if let proxy = policy.enableProxy {
                out.open("dnsSettings", indent: 4)
                out.field("enableProxy", "\(proxy)", indent: 6)
            }
            guard section("ruleCollectionGroups", policy.ruleCollectionGroups, indent: 4) else { continue }
            for group in policy.ruleCollectionGroups {
                element(group.name, group.source, indent: 6)
                out.field("priority", "\(group.priority)", indent: 8)
                guard section("ruleCollections", group.ruleCollections, indent: 8) else { continue }
                for rc in group.ruleCollections {
                    element(rc.name, rc.source, indent: 10)
                    out.field("priority", "\(rc.priority)", indent: 12)
                    out.field("ruleCollectionType", rc.ruleCollectionType.rawValue, indent: 12)
                    out.field("action", rc.action.rawValue, indent: 12)
                    guard section("rules", rc.rules, indent: 12) else { continue }
                    for rule in rc.rules { policyRule(rule) }
                }
            }
        }
    }

    /// One rule at indent 14: only the fields that are set.
    mutating func policyRule(_ r: FirewallPolicySpec.Rule) {
        element(r.name, r.source, indent: 14)
        let i = 16
        out.field("ruleType", r.ruleType.rawValue, indent: i)
        let ip = (r.anyProtocol ? ["Any"] : []) + r.ipProtocols.map { $0.rawValue.uppercased() }
        let lists: [(String, [String])] = [
            ("ipProtocols", ip), ("sourceAddresses", r.sourceAddresses), ("sourceIpGroups", r.sourceIpGroups),
            ("destinationAddresses", r.destinationAddresses), ("destinationIpGroups", r.destinationIpGroups),
            ("destinationFqdns", r.destinationFqdns), ("destinationPorts", r.destinationPorts.map(\.description)),
        ]
        for (key, values) in lists where !values.isEmpty { out.field(key, YAMLEmitter.sequence(values), indent: i) }
        if let address = r.translatedAddress { out.field("translatedAddress", address.description, indent: i) }
        if let fqdn = r.translatedFqdn { out.field("translatedFqdn", YAMLEmitter.scalar(fqdn), indent: i) }
        if let port = r.translatedPort { out.field("translatedPort", "\(port)", indent: i) }
        if !r.protocols.isEmpty {
            out.open("protocols", indent: i)
            for p in r.protocols {
                out.field("protocolType", p.kind.rawValue, indent: i + 2, dash: true)
                out.field("port", "\(p.port)", indent: i + 4)
            }
        }
        let app: [(String, [String])] = [("targetFqdns", r.targetFqdns), ("fqdnTags", r.fqdnTags), ("webCategories", r.webCategories)]
        for (key, values) in app where !values.isEmpty { out.field(key, YAMLEmitter.sequence(values), indent: i) }
        if let tls = r.terminateTLS { out.field("terminateTLS", "\(tls)", indent: i) }
    }
}
