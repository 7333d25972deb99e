/// Azure Firewalls and their rule collections.
extension TopologyCompiler {
    mutating func compileFirewalls() {
        for spec in design.azureFirewalls {
            let index = topology.firewalls.count
            guard register(spec.name, index, in: \.firewallIndex, at: spec.source.element) else { continue }
            guard let subnet = resolveSubnet(spec.subnet, at: spec.source["subnet"], context: "firewall '\(spec.name)'") else { continue }
            let sub = topology.subnets[subnet]
            if sub.role != .azureFirewall {
                error(
                    .firewallSubnetName, spec.source["subnet"],
                    "Azure Firewall '\(spec.name)' must be in a subnet named AzureFirewallSubnet, not '\(sub.name)' (F1)")
            }
            if !sub.prefix.contains(spec.privateIPAddress) {
                error(
                    .addressOutsideSubnet, spec.source["privateIPAddress"],
                    "firewall private IP \(spec.privateIPAddress) is outside \(sub.qualifiedName) (\(sub.prefix))")
            }
            // An Azure Firewall always runs 2 to 20 instances (prescaling minimum 2, §16 D3; F16).
            var instances = spec.instanceIPAddresses
            if instances.isEmpty {
                if spec.instanceCount < 2 || spec.instanceCount > 20 {
                    error(
                        .outOfRange, spec.source["instanceCount"],
                        "instanceCount must be 2 to 20 (an Azure Firewall never runs fewer than two instances, §16 D3; F16), not \(spec.instanceCount)"
                    )
                }
                instances = (1...max(2, min(spec.instanceCount, 20))).map { IPv4Address(spec.privateIPAddress.value &+ UInt32($0)) }
            } else if instances.count < 2 || instances.count > 20 {
                error(
                    .outOfRange, spec.source["instanceIPAddresses"],
                    "instanceIPAddresses lists \(instances.count) addresses; an Azure Firewall runs 2 to 20 instances (§16 D3; F16)")
            }
            for address in instances where !sub.prefix.contains(address) {
                error(
                    .addressOutsideSubnet, spec.source["instanceIPAddresses"],
                    "firewall instance address \(address) is outside \(sub.qualifiedName) (\(sub.prefix))")
            }
            var pips: [Int] = []
            for name in spec.publicIPAddresses {
                if let pip = claimPublicIP(name, by: "firewall '\(spec.name)'", at: spec.source["publicIPAddresses"]) { pips.append(pip) }
            }
            var policy: PolicyRules?
            if let name = spec.firewallPolicy {
                if !spec.natRuleCollections.isEmpty || !spec.networkRuleCollections.isEmpty || !spec.applicationRuleCollections.isEmpty {
                    error(
                        .firewallPolicyAndRules, spec.source["firewallPolicy"],
                        "Azure Firewall '\(spec.name)' uses firewall policy '\(name)' and classic rule collections; a firewall uses one or the other (F19)",
                        hint: "move the classic collections into a rule collection group of the policy (F27), or remove firewallPolicy")
                }
                policy = policyRules(name, for: spec)
                if spec.snatPrivateRanges != nil {
                    warn(
                        .policySnatOverride, spec.source["snatPrivateRanges"],
                        "Azure Firewall '\(spec.name)' sets snatPrivateRanges and uses firewall policy '\(name)'; the policy's snat settings apply (F26)",
                        hint: "set snat.privateRanges on the policy and remove snatPrivateRanges from the firewall")
                }
            }
            let natCollections = spec.natRuleCollections.map { c in
                Firewall.Collection(
                    name: c.name, priority: c.priority, action: c.action,
                    rules: c.rules.map { r in
                        let rule = "firewall '\(spec.name)' DNAT rule '\(r.name)'"
                        return Firewall.NatRule(
                            name: r.name, protocols: r.protocols,
                            sources: addressSet(r.sourceAddresses, at: r.source["sourceAddresses"], rule: rule, field: "sourceAddresses"),
                            destinations: addressSet(
                                r.destinationAddresses, at: r.source["destinationAddresses"], rule: rule, field: "destinationAddresses",
                                allowPublicIPNames: true),
                            ports: r.destinationPorts, translatedAddress: r.translatedAddress, translatedPort: r.translatedPort,
                            source: r.source)
                    }, source: c.source)
            }
            let networkCollections = spec.networkRuleCollections.map { c in
                Firewall.Collection(
                    name: c.name, priority: c.priority, action: c.action,
                    rules: c.rules.map { r in
                        let rule = "firewall '\(spec.name)' network rule '\(r.name)'"
                        return Firewall.NetworkRule(
                            name: r.name, protocols: r.protocols, anyProtocol: r.anyProtocol,
                            sources: addressSet(r.sourceAddresses, at: r.source["sourceAddresses"], rule: rule, field: "sourceAddresses"),
                            destinations: addressSet(
                                r.destinationAddresses, at: r.source["destinationAddresses"], rule: rule, field: "destinationAddresses"),
                            destinationFqdns: r.destinationFqdns, ports: r.destinationPorts, source: r.source)
                    }, source: c.source)
            }
            var appCollections: [Firewall.Collection<Firewall.ApplicationRule>] = []
            for c in spec.applicationRuleCollections {
                var rules: [Firewall.ApplicationRule] = []
                for r in c.rules {
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
                    rules.append(
                        Firewall.ApplicationRule(
                            name: r.name,
                            sources: addressSet(
                                r.sourceAddresses, at: r.source["sourceAddresses"],
                                rule: "firewall '\(spec.name)' application rule '\(r.name)'", field: "sourceAddresses"),
                            protocols: r.protocols, fqdns: fqdns, fqdnTags: r.fqdnTags, source: r.source))
                }
                appCollections.append(
                    Firewall.Collection(name: c.name, priority: c.priority, action: c.action, rules: rules, source: c.source))
            }
            checkCollections(
                spec.natRuleCollections.map { ($0.name, $0.priority, $0.source, $0.rules.map { ($0.name, $0.source) }) },
                firewall: spec.name)
            checkCollections(
                spec.networkRuleCollections.map { ($0.name, $0.priority, $0.source, $0.rules.map { ($0.name, $0.source) }) },
                firewall: spec.name)
            checkCollections(
                spec.applicationRuleCollections.map { ($0.name, $0.priority, $0.source, $0.rules.map { ($0.name, $0.source) }) },
                firewall: spec.name)
            // Collections run in priority order (F6); equal priorities keep input order.
            func ordered<R>(_ list: [Firewall.Collection<R>]) -> [Firewall.Collection<R>] {
                list.enumerated().sorted { ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset) }.map(\.element)
            }
            // F26: a firewall with a policy uses the policy's snat settings.
            let snatRanges = policy.map { $0.snatPrivateRanges } ?? spec.snatPrivateRanges
            topology.firewalls.append(
                Firewall(
                    name: spec.name, subnet: subnet, vnet: sub.vnet, privateIP: spec.privateIPAddress, instanceIPs: instances,
                    publicIPs: pips, publicAddresses: pips.flatMap { topology.publicIPs[$0].addresses },
                    snatPrivateRanges: snatRanges ?? IPv4Prefix.ianaPrivateRanges,
                    snatRangesAreDefault: snatRanges == nil, forcedTunneling: spec.forcedTunneling,
                    threatIntelMode: spec.threatIntelMode, natCollections: policy?.nat ?? ordered(natCollections),
                    networkCollections: policy?.network ?? ordered(networkCollections),
                    applicationCollections: policy?.application ?? ordered(appCollections), source: spec.source, policy: policy?.info))
            for c in policy?.nat ?? natCollections {
                for r in c.rules {
                    for range in r.destinations.ranges where !design.options.allowPrivateDnat {
                        let coversPublic = topology.firewalls[index].publicAddresses.contains { range.contains($0) }
                        if !coversPublic {
                            error(
                                .dnatDestination, r.source["destinationAddresses"],
                                "DNAT rule '\(r.name)' destination \(range) is not a public IP of firewall '\(spec.name)'",
                                hint:
                                    "DNAT applies to the firewall's public IPs (F10); private DNAT needs options.allowPrivateDnat (F11, version-sensitive)"
                            )
                        }
                    }
                    for port in r.ports where port.upper > 63999 || port.lower == 0 {
                        error(.dnatPort, r.source["destinationPorts"], "DNAT rule '\(r.name)' port \(port) is outside 1-63999 (F10)")
                    }
                }
            }
        }
    }

    mutating func checkCollections(_ collections: [(String, Int, SourceMap, [(String, SourceMap)])], firewall: String) {
        var names = Set<String>()
        for (name, priority, source, rules) in collections {
            if !names.insert(name).inserted {
                error(.duplicateName, source.element, "duplicate rule collection name '\(name)' in firewall '\(firewall)'")
            }
            if !(100...65000).contains(priority) {
                error(.outOfRange, source["priority"], "rule collection '\(name)' priority must be 100 to 65000, not \(priority) (F6)")
            }
            var ruleNames = Set<String>()
            for (ruleName, ruleSource) in rules where !ruleNames.insert(ruleName).inserted {
                error(.duplicateName, ruleSource.element, "duplicate rule name '\(ruleName)' in collection '\(name)'")
            }
        }
    }

    /// Members of a backend pool: workload names and/or bare addresses.
}
