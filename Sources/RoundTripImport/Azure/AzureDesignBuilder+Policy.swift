import RoundTripCore

/// IP groups and Firewall Policies with their rule collection groups (format "second set"; azure-semantics §15).
extension AzureDesignBuilder {
    static func buildIPGroups(_ context: AzureBuildContext) {
        for resource in context.resources("Microsoft.Network/ipGroups") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            context.design.ipGroups.append(
                IPGroupSpec(
                    name: resource.name, ipAddresses: props.strings("ipAddresses").map(\.text),
                    source: props.sourceMap(["ipAddresses": "ipAddresses"], at: resource.source)))
        }
    }

    static func buildFirewallPolicies(_ context: AzureBuildContext) {
        let groupType = "Microsoft.Network/firewallPolicies/ruleCollectionGroups"
        for resource in context.resources("Microsoft.Network/firewallPolicies") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            var policy = FirewallPolicySpec(
                name: resource.name,
                source: props.sourceMap(["basePolicy": "basePolicy", "threatIntelMode": "threatIntelMode"], at: resource.source))
            policy.basePolicy = context.name(
                of: props.ref("basePolicy"), from: resource, "properties.basePolicy", at: props.location("basePolicy"))
            policy.threatIntelMode = context.choice(
                props.string("threatIntelMode"), FirewallSpec.ThreatIntelMode.self, at: props.location("threatIntelMode"),
                "threatIntelMode")
            if let snat = props.object("snat") {
                policy.snatSource = snat.sourceMap(["privateRanges": "privateRanges", "autoLearnPrivateRanges": "autoLearnPrivateRanges"])
                if snat.has("privateRanges") {
                    policy.snatPrivateRanges = snat.strings("privateRanges").flatMap { text, location -> [IPv4Prefix] in
                        if text.lowercased() == "ianaprivateranges" { return IPv4Prefix.ianaPrivateRanges }
                        return context.prefix(text, at: location, resource: resource).map { [$0] } ?? []
                    }
                }
                policy.autoLearnPrivateRanges = context.choice(
                    snat.string("autoLearnPrivateRanges"), FirewallPolicySpec.AutoLearn.self,
                    at: snat.location("autoLearnPrivateRanges"), "autoLearnPrivateRanges")
            }
            if let dns = props.object("dnsSettings") {
                policy.dnsSource = dns.sourceMap(["enableProxy": "enableProxy"])
                policy.enableProxy = dns.bool("enableProxy")
            }
            // ARM lists the groups by id only; their content comes as resources of their own.
            let policyID = AzureResourceID.normalize(resource.id)
            let groups = context.children[policyID + "|rulecollectiongroups"] ?? []
            for group in groups {
                context.read(group)
                if let spec = ruleCollectionGroup(group, context) { policy.ruleCollectionGroups.append(spec) }
            }
            let given = Set(groups.map { AzureResourceID.normalize($0.id) })
            for ref in props.strings("ruleCollectionGroups") where !given.contains(AzureResourceID.normalize(ref.text)) {
                context.unknown(
                    resource, "properties.ruleCollectionGroups",
                    "rule collection group \(ref.text) is not in the inputs; its rules are not applied", at: ref.location)
            }
            context.design.firewallPolicies.append(policy)
        }
        for resource in context.resources(groupType) where !context.handled.contains(AzureResourceID.normalize(resource.id)) {
            context.handled.insert(AzureResourceID.normalize(resource.id))
            context.unknown(resource, groupType, "its firewall policy is not in the inputs; its rules are not applied")
        }
    }

    static func ruleCollectionGroup(_ resource: AzureResource, _ context: AzureBuildContext) -> FirewallPolicySpec.RuleCollectionGroup? {
        let props = AzureProps(properties: resource, context: context)
        guard let priority = props.int("priority") else {
            context.error(.missingField, at: props.location, "rule collection group '\(resource.name)' has no priority")
            return nil
        }
        var collections: [FirewallPolicySpec.RuleCollection] = []
        for element in props.objects("ruleCollections") {
            let p = element.properties
            let name = element.string("name") ?? p.string("name") ?? ""
            guard let collectionPriority = p.int("priority"),
                let type = context.choice(
                    p.string("ruleCollectionType"), FirewallPolicySpec.CollectionType.self, at: p.location("ruleCollectionType"),
                    "ruleCollectionType"),
                let action = context.choice(
                    p.object("action")?.string("type") ?? p.string("action"), FirewallPolicySpec.CollectionAction.self,
                    at: p.location("action"), "action")
            else {
                if !(p.has("priority") && p.has("ruleCollectionType") && p.has("action")) {
                    context.error(.missingField, at: p.location, "rule collection '\(name)' needs priority, ruleCollectionType and action")
                }
                continue
            }
            let rules = p.objects("rules").compactMap { policyRule($0, resource, context) }
            collections.append(
                FirewallPolicySpec.RuleCollection(
                    name: name, priority: collectionPriority, ruleCollectionType: type, action: action, rules: rules,
                    source: SourceMap(
                        element: element.location,
                        fields: fields(p, ["priority", "ruleCollectionType", "action"]))))
        }
        return FirewallPolicySpec.RuleCollectionGroup(
            name: resource.name, priority: priority, ruleCollections: collections,
            source: props.sourceMap(["priority": "priority"], at: resource.source))
    }

    static func policyRule(_ p: AzureProps, _ resource: AzureResource, _ context: AzureBuildContext) -> FirewallPolicySpec.Rule? {
        let name = p.string("name") ?? ""
        guard let type = context.choice(p.string("ruleType"), FirewallPolicySpec.RuleType.self, at: p.location("ruleType"), "ruleType")
        else {
            if !p.has("ruleType") { context.error(.missingField, at: p.location, "rule '\(name)' has no ruleType") }
            return nil
        }
        let keys = [
            "ipProtocols", "sourceAddresses", "sourceIpGroups", "destinationAddresses", "destinationIpGroups", "destinationFqdns",
            "destinationPorts", "translatedAddress", "translatedFqdn", "translatedPort", "protocols", "targetFqdns", "fqdnTags",
            "webCategories", "terminateTLS",
        ]
        var rule = FirewallPolicySpec.Rule(name: name, ruleType: type, source: SourceMap(element: p.location, fields: fields(p, keys)))
        for (text, location) in p.strings("ipProtocols") {
            switch text.uppercased() {
            case "TCP": rule.ipProtocols.append(.tcp)
            case "UDP": rule.ipProtocols.append(.udp)
            case "ICMP": rule.ipProtocols.append(.icmp)
            case "ANY": rule.anyProtocol = true
            default: context.error(.badValue, at: location, "ipProtocols '\(text)' is not one of TCP, UDP, ICMP, Any")
            }
        }
        func groups(_ key: String) -> [String] {
            p.strings(key).compactMap { ref in
                context.name(of: AzureResourceID.normalize(ref.text), from: resource, "rules.\(key)", at: ref.location)
            }
        }
        rule.sourceAddresses = p.strings("sourceAddresses").map(\.text)
        rule.sourceIpGroups = groups("sourceIpGroups")
        rule.destinationAddresses = p.strings("destinationAddresses").map(\.text)
        rule.destinationIpGroups = groups("destinationIpGroups")
        rule.destinationFqdns = p.strings("destinationFqdns").map(\.text)
        rule.destinationPorts = ports(p, "destinationPorts")
        if let text = p.string("translatedAddress"), !text.isEmpty {
            rule.translatedAddress = context.address(text, at: p.location("translatedAddress"))
        }
        if let fqdn = p.string("translatedFqdn"), !fqdn.isEmpty { rule.translatedFqdn = fqdn }
        if let text = p.string("translatedPort"), !text.isEmpty { rule.translatedPort = p.port("translatedPort") }
        for element in p.objects("protocols") {
            guard
                let kind = context.choice(
                    element.string("protocolType"), FirewallSpec.AppProtocol.Kind.self, at: element.location("protocolType"),
                    "protocolType")
            else { continue }
            let defaultPort: UInt16 = kind == .http ? 80 : kind == .https ? 443 : 1433
            rule.protocols.append(FirewallSpec.AppProtocol(kind: kind, port: element.port("port") ?? defaultPort))
        }
        rule.targetFqdns = p.strings("targetFqdns").map(\.text)
        rule.fqdnTags = p.strings("fqdnTags").map(\.text)
        rule.webCategories = p.strings("webCategories").map(\.text)
        rule.terminateTLS = p.bool("terminateTLS")
        for key in ["targetUrls", "httpHeadersToInsert"] where p.member(key)?.node.array?.isEmpty == false {
            context.skip(
                resource, "rules.\(key)", "URL and header matching are not modelled; the rule matches without them", at: p.location(key))
        }
        return rule
    }
}
