/// A Firewall Policy flattened into one firewall's rule lists (F21).
struct PolicyRules {
    var nat: [Firewall.Collection<Firewall.NatRule>] = []
    var network: [Firewall.Collection<Firewall.NetworkRule>] = []
    var application: [Firewall.Collection<Firewall.ApplicationRule>] = []
    var info: FirewallPolicyInfo
    var snatPrivateRanges: [IPv4Prefix]?
}

extension TopologyCompiler {
    /// The rule lists of firewall `spec`, which uses policy `name`, in evaluation order (F21): each rule type on its
    /// own list; within a type the base policies' groups first (root first, F23), then group priority, then
    /// collection priority (equal priorities keep input order), rules in order.
    mutating func policyRules(_ name: String, for spec: FirewallSpec) -> PolicyRules? {
        guard let p = resolve(name, in: policyIndex, at: spec.source["firewallPolicy"], context: "firewall '\(spec.name)' firewallPolicy"),
            let chain = policyChains[p]
        else { return nil }
        let policies = chain.map { design.firewallPolicies[$0] }
        let own = design.firewallPolicies[p]
        // F25: the attached policy's dnsSettings, else the nearest base policy's [choice].
        let proxy = policies.reversed().lazy.compactMap(\.enableProxy).first ?? false
        // F23: the child inherits the base's threat-intel mode and may only make it stricter.
        let modes: [FirewallSpec.ThreatIntelMode] = [.off, .alert, .deny]
        let deny = policies.last { $0.threatIntelMode == .deny }
        let strictest = policies.compactMap(\.threatIntelMode).max { modes.firstIndex(of: $0) ?? 0 < modes.firstIndex(of: $1) ?? 0 }
        var result = PolicyRules(
            info: FirewallPolicyInfo(
                name: name, chain: policies.map(\.name), dnsProxy: proxy,
                autoLearn: own.autoLearnPrivateRanges == .enabled ? own.snatSource?["autoLearnPrivateRanges"] : nil,
                threatIntelDeny: strictest == .deny ? deny?.source["threatIntelMode"] : nil),
            snatPrivateRanges: own.snatPrivateRanges)
        let rule = "firewall '\(spec.name)'"
        for policy in policies {
            let groups = policy.ruleCollectionGroups.enumerated().sorted {
                ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset)
            }
            for group in groups.map(\.element) {
                let collections = group.ruleCollections.enumerated().sorted {
                    ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset)
                }.map(\.element)
                // F25: a network rule with FQDNs while the DNS proxy is off makes the whole group undeployable.
                let blocking =
                    proxy
                    ? nil
                    : collections.lazy.flatMap(\.rules).first { $0.ruleType == .network && !$0.destinationFqdns.isEmpty }?.name
                let origin = FirewallPolicyOrigin(
                    policy: policy.name, ruleCollectionGroup: group.name, groupPriority: group.priority, fqdnRuleWithoutProxy: blocking)
                for rc in collections where !rc.rules.isEmpty {
                    let action: RuleAction = rc.action == .deny ? .deny : .allow
                    switch rc.rules[0].ruleType {
                    case .nat:
                        let rules = rc.rules.compactMap { natRule($0, firewall: spec.name, rule: rule) }
                        var c = Firewall.Collection(name: rc.name, priority: rc.priority, action: .allow, rules: rules, source: rc.source)
                        c.origin = origin
                        result.nat.append(c)
                    case .network:
                        let rules = rc.rules.map { r in
                            let what = "\(rule) network rule '\(r.name)'"
                            return Firewall.NetworkRule(
                                name: r.name, protocols: r.ipProtocols, anyProtocol: r.anyProtocol,
                                sources: addressSet(
                                    expand(r.sourceAddresses, groups: r.sourceIpGroups), at: r.source["sourceAddresses"], rule: what,
                                    field: "sourceAddresses"),
                                destinations: addressSet(
                                    expand(r.destinationAddresses, groups: r.destinationIpGroups), at: r.source["destinationAddresses"],
                                    rule: what, field: "destinationAddresses"),
                                destinationFqdns: r.destinationFqdns, ports: r.destinationPorts, source: r.source)
                        }
                        var c = Firewall.Collection(name: rc.name, priority: rc.priority, action: action, rules: rules, source: rc.source)
                        c.origin = origin
                        result.network.append(c)
                    case .application:
                        let rules = rc.rules.map { applicationRule($0, rule: "\(rule) application rule '\($0.name)'") }
                        var c = Firewall.Collection(name: rc.name, priority: rc.priority, action: action, rules: rules, source: rc.source)
                        c.origin = origin
                        result.application.append(c)
                    }
                }
            }
        }
        return result
    }

    /// A policy DNAT rule; `translatedFqdn` resolves through a design endpoint with that `fqdn` and an address (F22),
    /// otherwise the rule is skipped with a warning.
    mutating func natRule(_ r: FirewallPolicySpec.Rule, firewall: String, rule: String) -> Firewall.NatRule? {
        var translated = r.translatedAddress
        if translated == nil, let fqdn = r.translatedFqdn {
            translated = design.endpoints.first { $0.fqdn?.lowercased() == fqdn.lowercased() && $0.ipAddress != nil }?.ipAddress
            if translated == nil {
                warn(
                    .unresolvedTranslatedFqdn, r.source["translatedFqdn"],
                    "DNAT rule '\(r.name)' of firewall '\(firewall)': translatedFqdn '\(fqdn)' names no endpoint with an ipAddress; the rule is skipped (F22)",
                    hint: "add an endpoint with fqdn: \(fqdn) and its ipAddress, or use translatedAddress")
            }
        }
        guard let translated, let port = r.translatedPort else { return nil }
        let what = "\(rule) DNAT rule '\(r.name)'"
        return Firewall.NatRule(
            name: r.name, protocols: r.ipProtocols,
            sources: addressSet(
                expand(r.sourceAddresses, groups: r.sourceIpGroups), at: r.source["sourceAddresses"], rule: what, field: "sourceAddresses"),
            destinations: addressSet(
                r.destinationAddresses, at: r.source["destinationAddresses"], rule: what, field: "destinationAddresses",
                allowPublicIPNames: true),
            ports: r.destinationPorts, translatedAddress: translated, translatedPort: port, source: r.source)
    }

    /// A policy application rule: FQDN tags expanded like classic rules; web categories match nothing (not modelled).
    mutating func applicationRule(_ r: FirewallPolicySpec.Rule, rule: String) -> Firewall.ApplicationRule {
        var fqdns = r.targetFqdns
        for tag in r.fqdnTags {
            if let expanded = FQDNTags.fqdns(tag, region: design.region) {
                fqdns += expanded
            } else {
                error(
                    .unknownFqdnTag, r.source["fqdnTags"], "unknown FQDN tag '\(tag)'",
                    hint: Suggestion.hint(for: tag, in: FQDNTags.names) ?? "known: \(FQDNTags.names.joined(separator: ", "))")
            }
        }
        return Firewall.ApplicationRule(
            name: r.name,
            sources: addressSet(
                expand(r.sourceAddresses, groups: r.sourceIpGroups), at: r.source["sourceAddresses"], rule: rule, field: "sourceAddresses"),
            protocols: r.protocols, fqdns: fqdns, fqdnTags: r.fqdnTags, source: r.source)
    }
}
