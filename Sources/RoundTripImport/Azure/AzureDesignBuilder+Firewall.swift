import RoundTripCore

extension AzureDesignBuilder {
    static func buildFirewalls(_ context: AzureBuildContext) {
        for resource in context.resources("Microsoft.Network/azureFirewalls") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            let configurations = props.objects("ipConfigurations").map(\.properties)
            guard let first = configurations.first,
                let subnet = context.subnet(first.ref("subnet"), from: resource, "ipConfigurations.subnet", at: first.location("subnet"))
            else {
                context.unknown(
                    resource, "properties.ipConfigurations", "no subnet in the input; the firewall is left out", at: props.location)
                continue
            }
            guard let address = first.address("privateIPAddress") else {
                context.unknown(
                    resource, "ipConfigurations.privateIPAddress", "no private address in the input; the firewall is left out",
                    at: first.location)
                continue
            }
            var firewall = FirewallSpec(
                name: resource.name, subnet: subnet, privateIPAddress: address,
                source: SourceMap(
                    element: resource.source,
                    fields: ["privateIPAddress": first.location("privateIPAddress"), "subnet": first.location("subnet")]))
            firewall.publicIPAddresses = configurations.compactMap { p in
                context.name(
                    of: p.ref("publicIPAddress"), from: resource, "ipConfigurations.publicIPAddress", at: p.location("publicIPAddress"))
            }
            if let mode = context.choice(
                props.string("threatIntelMode"), FirewallSpec.ThreatIntelMode.self, at: props.location("threatIntelMode"), "threatIntelMode"
            ) {
                firewall.threatIntelMode = mode
            }
            if let extra = props.object("additionalProperties"), let ranges = extra.string("Network.SNAT.PrivateRanges") {
                let location = extra.location("Network.SNAT.PrivateRanges")
                let parts = ranges.split(separator: ",").map { String($0).trimmingWhitespace }
                if parts != ["IANAPrivateRanges"] {
                    firewall.snatPrivateRanges = parts.filter { $0 != "IANAPrivateRanges" }.compactMap {
                        context.prefix($0, at: location, resource: resource)
                    }
                    if parts.contains("IANAPrivateRanges") { firewall.snatPrivateRanges? += IPv4Prefix.ianaPrivateRanges }
                }
            }
            if props.has("managementIpConfiguration") { firewall.forcedTunneling = true }
            firewall.firewallPolicy = context.name(
                of: props.ref("firewallPolicy"), from: resource, "properties.firewallPolicy", at: props.location("firewallPolicy"))
            if props.has("firewallPolicy") { firewall.source.fields["firewallPolicy"] = props.location("firewallPolicy") }
            if props.has("hubIPAddresses") {
                context.skip(
                    resource, "properties.hubIPAddresses", "Virtual WAN hub firewalls are not modelled",
                    at: props.location("hubIPAddresses"))
            }
            firewall.natRuleCollections = collections(props, "natRuleCollections", resource) { natRule($0, $1, resource) }
            firewall.networkRuleCollections = collections(props, "networkRuleCollections", resource) { networkRule($0, $1, resource) }
            firewall.applicationRuleCollections = collections(props, "applicationRuleCollections", resource) {
                applicationRule($0, $1, resource)
            }
            context.names[AzureResourceID.normalize(resource.id)] = resource.name
            context.design.azureFirewalls.append(firewall)
        }
    }

    /// Classic rule collections: `{name, properties: {priority, action: {type}, rules: [...]}}`.
    static func collections<Rule>(
        _ props: AzureProps, _ key: String, _ resource: AzureResource, rule: (AzureProps, String) -> Rule?
    ) -> [FirewallSpec.Collection<Rule>] {
        props.objects(key).compactMap { element in
            let p = element.properties
            let name = element.string("name") ?? ""
            let actionText = p.object("action")?.string("type") ?? p.string("action")
            let action: RuleAction
            if key == "natRuleCollections" {
                action = .allow
            } else if let parsed = props.context.choice(actionText, RuleAction.self, at: p.location("action"), "action") {
                action = parsed
            } else {
                props.context.error(.missingField, at: element.location, "rule collection '\(name)' has no action")
                return nil
            }
            let rules = p.objects("rules").compactMap { ruleProps in rule(ruleProps, ruleProps.string("name") ?? "") }
            return FirewallSpec.Collection(
                name: name, priority: p.int("priority") ?? 0, action: action, rules: rules,
                source: SourceMap(element: element.location, fields: ["priority": p.location("priority"), "action": p.location("action")]))
        }
    }

    static func noteIPGroups(_ p: AzureProps, _ resource: AzureResource) {
        for key in ["sourceIpGroups", "destinationIpGroups"] where !p.strings(key).isEmpty {
            p.context.skip(
                resource, "rules.\(key)", "classic rules do not take IP groups in RoundTrip; the rule matches without them",
                at: p.location(key))
        }
    }

    static func ports(_ p: AzureProps, _ key: String) -> [PortRange] {
        p.strings(key).flatMap { text, location in
            text.split(separator: ",").compactMap { part -> PortRange? in
                if let range = PortRange(String(part)) { return range }
                p.context.error(.badPort, at: location, "'\(part)' is not a port, range or '*'")
                return nil
            }
        }
    }

    static func transports(_ p: AzureProps) -> (protocols: [TransportProtocol], any: Bool) {
        var protocols: [TransportProtocol] = []
        var any = false
        for (text, location) in p.strings("protocols") {
            if text.lowercased() == "any" {
                any = true
            } else if let value = p.context.choice(text, TransportProtocol.self, at: location, "protocol") {
                protocols.append(value)
            }
        }
        return (protocols, any)
    }

    static func fields(_ p: AzureProps, _ keys: [String]) -> [String: SourceLocation] {
        Dictionary(uniqueKeysWithValues: keys.filter(p.has).map { ($0, p.location($0)) })
    }

    static func natRule(_ p: AzureProps, _ name: String, _ resource: AzureResource) -> FirewallSpec.NatRule? {
        noteIPGroups(p, resource)
        guard let translated = p.address("translatedAddress"), let port = p.port("translatedPort") else {
            if p.has("translatedFqdn") {
                p.context.skip(
                    resource, "natRuleCollections rule \(name)", "DNAT to an FQDN is not modelled", at: p.location("translatedFqdn"))
            } else {
                p.context.error(.missingField, at: p.location, "DNAT rule '\(name)' needs translatedAddress and translatedPort")
            }
            return nil
        }
        return FirewallSpec.NatRule(
            name: name, protocols: transports(p).protocols, sourceAddresses: p.strings("sourceAddresses").map(\.text),
            destinationAddresses: p.strings("destinationAddresses").map(\.text), destinationPorts: ports(p, "destinationPorts"),
            translatedAddress: translated, translatedPort: port,
            source: SourceMap(
                element: p.location,
                fields: fields(
                    p, ["sourceAddresses", "destinationAddresses", "destinationPorts", "translatedAddress", "translatedPort", "protocols"]))
        )
    }

    static func networkRule(_ p: AzureProps, _ name: String, _ resource: AzureResource) -> FirewallSpec.NetworkRule? {
        noteIPGroups(p, resource)
        let (protocols, any) = transports(p)
        return FirewallSpec.NetworkRule(
            name: name, protocols: protocols, anyProtocol: any, sourceAddresses: p.strings("sourceAddresses").map(\.text),
            destinationAddresses: p.strings("destinationAddresses").map(\.text),
            destinationFqdns: p.strings("destinationFqdns").map(\.text),
            destinationPorts: ports(p, "destinationPorts"),
            source: SourceMap(
                element: p.location,
                fields: fields(p, ["sourceAddresses", "destinationAddresses", "destinationFqdns", "destinationPorts", "protocols"])))
    }

    static func applicationRule(_ p: AzureProps, _ name: String, _ resource: AzureResource) -> FirewallSpec.ApplicationRule? {
        noteIPGroups(p, resource)
        var protocols: [FirewallSpec.AppProtocol] = []
        for element in p.objects("protocols") {
            guard
                let kind = p.context.choice(
                    element.string("protocolType"), FirewallSpec.AppProtocol.Kind.self, at: element.location("protocolType"), "protocolType"
                )
            else { continue }
            let defaultPort: UInt16 = kind == .http ? 80 : kind == .https ? 443 : 1433
            protocols.append(FirewallSpec.AppProtocol(kind: kind, port: element.port("port") ?? defaultPort))
        }
        return FirewallSpec.ApplicationRule(
            name: name, sourceAddresses: p.strings("sourceAddresses").map(\.text), protocols: protocols,
            targetFqdns: p.strings("targetFqdns").map(\.text), fqdnTags: p.strings("fqdnTags").map(\.text),
            source: SourceMap(element: p.location, fields: fields(p, ["sourceAddresses", "protocols", "targetFqdns", "fqdnTags"])))
    }
}
