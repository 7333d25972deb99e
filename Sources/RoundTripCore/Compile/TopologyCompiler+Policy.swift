/// IP groups and Firewall Policies: checked once here (F20, F23, F24); each firewall that uses a policy flattens it
/// into its rule lists (TopologyCompiler+PolicyRules.swift, F21).
extension TopologyCompiler {
    mutating func compilePolicies() {
        for (g, group) in design.ipGroups.enumerated() {
            guard register(group.name, g, in: \.ipGroupIndex, at: group.source.element) else { continue }
            for entry in group.ipAddresses where !Self.isIPGroupEntry(entry) {
                error(
                    .badAddress, group.source["ipAddresses"],
                    "IP group '\(group.name)': '\(entry)' is not an address, CIDR prefix or range (a.b.c.d-e.f.g.h) (F24)")
            }
        }
        for (p, policy) in design.firewallPolicies.enumerated() {
            _ = register(policy.name, p, in: \.policyIndex, at: policy.source.element)
        }
        var bases: [Int: Int] = [:]
        for (p, policy) in design.firewallPolicies.enumerated() {
            guard let base = policy.basePolicy else { continue }
            if let b = resolve(
                base, in: policyIndex, at: policy.source["basePolicy"], context: "firewall policy '\(policy.name)' basePolicy")
            {
                bases[p] = b
            }
        }
        for (p, policy) in design.firewallPolicies.enumerated() {
            var chain = [p]
            var seen: Set<Int> = [p]
            var cycle = false
            while let b = bases[chain[0]] {
                guard seen.insert(b).inserted else {
                    cycle = true
                    break
                }
                chain.insert(b, at: 0)
            }
            if cycle {
                let names = ([policy.name] + chain.reversed().dropFirst().map { design.firewallPolicies[$0].name }).joined(separator: " → ")
                error(
                    .basePolicyCycle, policy.source["basePolicy"],
                    "firewall policy '\(policy.name)' inherits from itself through basePolicy (\(names) → …) (F23)",
                    hint: "remove basePolicy from one policy of the chain")
            } else {
                policyChains[p] = chain
            }
            checkPolicy(policy)
        }
    }

    /// An IP group entry: an address, a CIDR prefix or a range `a.b.c.d-e.f.g.h` (F24).
    static func isIPGroupEntry(_ text: String) -> Bool {
        let text = text.trimmingSpaces
        if IPv4Prefix(text) != nil { return true }
        let parts = text.split(separator: "-")
        guard parts.count == 2, let low = IPv4Address(parts[0]), let high = IPv4Address(parts[1]) else { return false }
        return low <= high
    }

    /// Priorities, names and rule types of one policy (F20), IP groups where F24 allows them.
    mutating func checkPolicy(_ policy: FirewallPolicySpec) {
        var groupNames = Set<String>()
        for group in policy.ruleCollectionGroups {
            if !groupNames.insert(group.name).inserted {
                error(
                    .duplicateName, group.source.element, "duplicate rule collection group name '\(group.name)' in policy '\(policy.name)'")
            }
            if !(100...65000).contains(group.priority) {
                error(
                    .outOfRange, group.source["priority"],
                    "rule collection group '\(group.name)' priority must be 100 to 65000, not \(group.priority) (F20)")
            }
            var collectionNames = Set<String>()
            for rc in group.ruleCollections {
                if !collectionNames.insert(rc.name).inserted {
                    error(.duplicateName, rc.source.element, "duplicate rule collection name '\(rc.name)' in group '\(group.name)'")
                }
                if !(100...65000).contains(rc.priority) {
                    error(
                        .outOfRange, rc.source["priority"],
                        "rule collection '\(rc.name)' priority must be 100 to 65000, not \(rc.priority) (F20)")
                }
                checkCollection(rc)
            }
        }
    }

    mutating func checkCollection(_ rc: FirewallPolicySpec.RuleCollection) {
        switch (rc.ruleCollectionType, rc.action) {
        case (.nat, .dnat), (.filter, .allow), (.filter, .deny): break
        case (.nat, _):
            error(
                .policyRuleType, rc.source["action"],
                "NAT rule collection '\(rc.name)' must have action DNAT, not \(rc.action.rawValue) (F20)")
        case (.filter, _):
            error(
                .policyRuleType, rc.source["action"], "filter rule collection '\(rc.name)' must have action Allow or Deny, not DNAT (F20)")
        }
        let types = Set(rc.rules.map(\.ruleType))
        if rc.ruleCollectionType == .nat, types.contains(where: { $0 != .nat }) {
            error(.policyRuleType, rc.source["rules"], "NAT rule collection '\(rc.name)' may hold only NatRule rules (F20)")
        } else if rc.ruleCollectionType == .filter, types.contains(.nat) {
            error(
                .policyRuleType, rc.source["rules"], "filter rule collection '\(rc.name)' may not hold NatRule rules (F20)",
                hint: "put DNAT rules in a FirewallPolicyNatRuleCollection")
        } else if types.count > 1 {
            error(
                .policyRuleType, rc.source["rules"],
                "rule collection '\(rc.name)' mixes NetworkRule and ApplicationRule rules; a collection holds one rule type (F20)",
                hint: "split it into a network and an application collection")
        }
        var ruleNames = Set<String>()
        for rule in rc.rules {
            if !ruleNames.insert(rule.name).inserted {
                error(.duplicateName, rule.source.element, "duplicate rule name '\(rule.name)' in collection '\(rc.name)'")
            }
            checkRule(rule)
        }
    }

    mutating func checkRule(_ rule: FirewallPolicySpec.Rule) {
        let what = "\(rule.ruleType.rawValue) '\(rule.name)'"
        for name in rule.sourceIpGroups + rule.destinationIpGroups {
            _ = resolve(
                name, in: ipGroupIndex, at: rule.source[rule.sourceIpGroups.contains(name) ? "sourceIpGroups" : "destinationIpGroups"],
                context: what)
        }
        if rule.ruleType != .network, !rule.destinationIpGroups.isEmpty {
            error(
                .ipGroupNotAllowed, rule.source["destinationIpGroups"],
                "\(what): IP groups are allowed as the source of DNAT and application rules and as the source or destination of network rules, not as this rule's destination (F24)"
            )
        }
        switch rule.ruleType {
        case .nat:
            if rule.translatedAddress != nil && rule.translatedFqdn != nil {
                error(.oneOf, rule.source.element, "\(what): give translatedAddress or translatedFqdn, not both")
            } else if rule.translatedAddress == nil && rule.translatedFqdn == nil {
                error(.missingField, rule.source.element, "\(what): needs translatedAddress or translatedFqdn")
            }
            if rule.translatedPort == nil { error(.missingField, rule.source.element, "\(what): missing required field 'translatedPort'") }
        case .network:
            if rule.destinationAddresses.isEmpty && rule.destinationIpGroups.isEmpty && rule.destinationFqdns.isEmpty {
                error(.missingField, rule.source.element, "\(what): needs destinationAddresses, destinationIpGroups or destinationFqdns")
            }
            for fqdn in rule.destinationFqdns where fqdn.contains("*") {
                error(.badValue, rule.source["destinationFqdns"], "\(what): network-rule FQDN '\(fqdn)' may not use wildcards (F25)")
            }
        case .application:
            if rule.protocols.isEmpty { error(.missingField, rule.source.element, "\(what): missing required field 'protocols'") }
            if rule.targetFqdns.isEmpty && rule.fqdnTags.isEmpty && rule.webCategories.isEmpty {
                error(.missingField, rule.source.element, "\(what): needs targetFqdns, fqdnTags or webCategories")
            }
        }
    }

    /// The literal entries plus every named IP group's addresses, expanded in place (F24).
    func expand(_ literal: [String], groups: [String]) -> [String] {
        literal + groups.flatMap { name in ipGroupIndex.indexes[name].map { design.ipGroups[$0].ipAddresses } ?? [] }
    }
}
