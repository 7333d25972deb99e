import Foundation
import RoundTripCore
import Yams

/// IP groups and Firewall Policies (format "second set"; azure-semantics §15). The reader checks shapes and values;
/// references, priorities and rule types are checked by the compiler.
extension DocumentDecoder {
    func ipGroup(_ node: Yams.Node) -> IPGroupSpec? {
        guard let (map, name) = element(node, kind: "IP group", allowed: ["name", "ipAddresses"]) else { return nil }
        _ = map.required("ipAddresses")
        return IPGroupSpec(name: name, ipAddresses: map.strings("ipAddresses"), source: map.source)
    }

    func firewallPolicy(_ node: Yams.Node) -> FirewallPolicySpec? {
        guard
            let (map, name) = element(
                node, kind: "firewall policy",
                allowed: ["name", "basePolicy", "threatIntelMode", "snat", "dnsSettings", "ruleCollectionGroups"])
        else { return nil }
        var spec = FirewallPolicySpec(name: name, source: map.source)
        spec.basePolicy = map.string("basePolicy")
        spec.threatIntelMode = map.choice("threatIntelMode", FirewallSpec.ThreatIntelMode.self)
        if let node = map.value("snat"),
            let snat = MapReader(node, what: "snat of policy '\(name)'", allowed: ["privateRanges", "autoLearnPrivateRanges"], sink: sink)
        {
            spec.snatSource = snat.source
            if snat.value("privateRanges") != nil {
                var ranges: [IPv4Prefix] = []
                for item in snat.list("privateRanges") {
                    guard let text = snat.text(item, "privateRanges") else { continue }
                    if text.lowercased() == "ianaprivateranges" {
                        ranges += IPv4Prefix.ianaPrivateRanges
                    } else if let p = snat.parsePrefix(item, "privateRanges") {
                        ranges.append(p)
                    }
                }
                spec.snatPrivateRanges = ranges
            }
            spec.autoLearnPrivateRanges = snat.choice("autoLearnPrivateRanges", FirewallPolicySpec.AutoLearn.self)
        }
        if let node = map.value("dnsSettings"),
            let dns = MapReader(node, what: "dnsSettings of policy '\(name)'", allowed: ["enableProxy"], sink: sink)
        {
            spec.dnsSource = dns.source
            spec.enableProxy = dns.bool("enableProxy")
        }
        spec.ruleCollectionGroups = map.list("ruleCollectionGroups").compactMap { group($0, policy: name) }
        return spec
    }

    func group(_ node: Yams.Node, policy: String) -> FirewallPolicySpec.RuleCollectionGroup? {
        guard
            let (map, name) = element(
                node, kind: "rule collection group", within: "of policy '\(policy)'", allowed: ["name", "priority", "ruleCollections"])
        else { return nil }
        guard let priority = map.int("priority", range: 0...Int(Int32.max), required: true) else { return nil }
        let collections = map.list("ruleCollections").compactMap { policyCollection($0, group: name) }
        return FirewallPolicySpec.RuleCollectionGroup(name: name, priority: priority, ruleCollections: collections, source: map.source)
    }

    func policyCollection(_ node: Yams.Node, group: String) -> FirewallPolicySpec.RuleCollection? {
        guard
            let (map, name) = element(
                node, kind: "rule collection", within: "in group '\(group)'",
                allowed: ["name", "priority", "ruleCollectionType", "action", "rules"])
        else { return nil }
        guard let priority = map.int("priority", range: 0...Int(Int32.max), required: true),
            let type = map.choice("ruleCollectionType", FirewallPolicySpec.CollectionType.self, required: true),
            let action = map.choice("action", FirewallPolicySpec.CollectionAction.self, required: true)
        else { return nil }
        let rules = map.list("rules").compactMap { policyRule($0, collection: name) }
        return FirewallPolicySpec.RuleCollection(
            name: name, priority: priority, ruleCollectionType: type, action: action, rules: rules, source: map.source)
    }

    func policyRule(_ node: Yams.Node, collection: String) -> FirewallPolicySpec.Rule? {
        guard
            let (map, name) = element(
                node, kind: "rule", within: "in collection '\(collection)'",
                allowed: [
                    "name", "ruleType", "ipProtocols", "sourceAddresses", "sourceIpGroups", "destinationAddresses", "destinationIpGroups",
                    "destinationFqdns", "destinationPorts", "translatedAddress", "translatedFqdn", "translatedPort", "protocols",
                    "targetFqdns", "fqdnTags", "webCategories", "terminateTLS",
                ])
        else { return nil }
        guard let type = map.choice("ruleType", FirewallPolicySpec.RuleType.self, required: true) else { return nil }
        var rule = FirewallPolicySpec.Rule(name: name, ruleType: type, source: map.source)
        let ip = protocols(map, key: "ipProtocols", allowAny: type == .network)
        rule.ipProtocols = ip.list
        rule.anyProtocol = ip.any
        rule.sourceAddresses = map.strings("sourceAddresses")
        rule.sourceIpGroups = map.strings("sourceIpGroups")
        rule.destinationAddresses = map.strings("destinationAddresses")
        rule.destinationIpGroups = map.strings("destinationIpGroups")
        rule.destinationFqdns = map.strings("destinationFqdns")
        rule.destinationPorts = map.ports("destinationPorts")
        rule.translatedAddress = map.address("translatedAddress")
        rule.translatedFqdn = map.string("translatedFqdn")
        rule.translatedPort = map.port("translatedPort")
        rule.targetFqdns = map.strings("targetFqdns")
        rule.fqdnTags = map.strings("fqdnTags")
        rule.webCategories = map.strings("webCategories")
        rule.terminateTLS = map.bool("terminateTLS")
        for item in map.list("protocols") {
            guard
                let p = MapReader(item, what: "protocol of rule '\(name)'", allowed: ["protocolType", "port"], sink: sink),
                let kind = p.choice("protocolType", FirewallSpec.AppProtocol.Kind.self, required: true),
                let port = p.port("port", required: true)
            else { continue }
            rule.protocols.append(FirewallSpec.AppProtocol(kind: kind, port: port))
        }
        return rule
    }
}
