import RoundTripCore

/// Devices, workloads, clusters and assertions.
extension Writer {
    mutating func loadBalancers(_ list: [LoadBalancerSpec]) {
        guard section("loadBalancers", list) else { return }
        for lb in list {
            element(lb.name, lb.source, indent: 2)
            if section("frontendIPConfigurations", lb.frontendIPConfigurations, indent: 4) {
                for fe in lb.frontendIPConfigurations {
                    element(fe.name, fe.source, indent: 6)
                    if let pip = fe.publicIPAddress { out.field("publicIPAddress", YAMLEmitter.scalar(pip), indent: 8) }
                    if let subnet = fe.subnet { out.field("subnet", YAMLEmitter.scalar(subnet), indent: 8) }
                    if let ip = fe.privateIPAddress { out.field("privateIPAddress", ip.description, indent: 8) }
                }
            }
            if section("backendAddressPools", lb.backendAddressPools, indent: 4) {
                for pool in lb.backendAddressPools {
                    element(pool.name, pool.source, indent: 6)
                    if !pool.members.isEmpty { out.field("members", YAMLEmitter.sequence(pool.members), indent: 8) }
                    if !pool.ipAddresses.isEmpty {
                        out.field("ipAddresses", YAMLEmitter.sequence(pool.ipAddresses.map(\.description)), indent: 8)
                    }
                }
            }
            for (key, rules) in [("loadBalancingRules", lb.loadBalancingRules), ("inboundNatRules", lb.inboundNatRules)] {
                guard section(key, rules, indent: 4) else { continue }
                for rule in rules {
                    element(rule.name, rule.source, indent: 6)
                    out.field("frontendIPConfiguration", YAMLEmitter.scalar(rule.frontendIPConfiguration), indent: 8)
                    if let pool = rule.backendAddressPool { out.field("backendAddressPool", YAMLEmitter.scalar(pool), indent: 8) }
                    out.field("protocol", rule.protocolType.rawValue, indent: 8)
                    out.field("frontendPort", "\(rule.frontendPort)", indent: 8)
                    out.field("backendPort", "\(rule.backendPort)", indent: 8)
                    if rule.enableFloatingIP { out.field("enableFloatingIP", "true", indent: 8) }
                }
            }
            if section("outboundRules", lb.outboundRules, indent: 4) {
                for rule in lb.outboundRules {
                    element(rule.name, rule.source, indent: 6)
                    out.field("frontendIPConfigurations", YAMLEmitter.sequence(rule.frontendIPConfigurations), indent: 8)
                    out.field("backendAddressPool", YAMLEmitter.scalar(rule.backendAddressPool), indent: 8)
                    if rule.allocatedOutboundPorts != 0 { out.field("allocatedOutboundPorts", "\(rule.allocatedOutboundPorts)", indent: 8) }
                    if rule.idleTimeoutInMinutes != 4 { out.field("idleTimeoutInMinutes", "\(rule.idleTimeoutInMinutes)", indent: 8) }
                }
            }
        }
    }

    mutating func firewalls(_ list: [FirewallSpec]) {
        guard section("azureFirewalls", list) else { return }
        for fw in list {
            element(fw.name, fw.source, indent: 2)
            out.field("subnet", YAMLEmitter.scalar(fw.subnet), indent: 4)
            out.field("privateIPAddress", fw.privateIPAddress.description, indent: 4)
            if !fw.instanceIPAddresses.isEmpty {
                out.field("instanceIPAddresses", YAMLEmitter.sequence(fw.instanceIPAddresses.map(\.description)), indent: 4)
            } else if fw.instanceCount != 2 {
                out.field("instanceCount", "\(fw.instanceCount)", indent: 4)
            }
            if !fw.publicIPAddresses.isEmpty { out.field("publicIPAddresses", YAMLEmitter.sequence(fw.publicIPAddresses), indent: 4) }
            if let ranges = fw.snatPrivateRanges {
                out.field("snatPrivateRanges", YAMLEmitter.sequence(ranges.map(\.description)), indent: 4)
            }
            if fw.forcedTunneling { out.field("forcedTunneling", "true", indent: 4) }
            if fw.threatIntelMode != .alert { out.field("threatIntelMode", fw.threatIntelMode.rawValue, indent: 4) }
            if let policy = fw.firewallPolicy { out.field("firewallPolicy", YAMLEmitter.scalar(policy), indent: 4) }
            collections("natRuleCollections", fw.natRuleCollections, action: false) { w, r in
                w.out.field("protocols", YAMLEmitter.sequence(r.protocols.map { $0.rawValue.uppercased() }), indent: 8)
                w.out.field("sourceAddresses", YAMLEmitter.sequence(r.sourceAddresses), indent: 8)
                w.out.field("destinationAddresses", YAMLEmitter.sequence(r.destinationAddresses), indent: 8)
                w.out.field("destinationPorts", YAMLEmitter.sequence(r.destinationPorts.map(\.description)), indent: 8)
                w.out.field("translatedAddress", r.translatedAddress.description, indent: 8)
                w.out.field("translatedPort", "\(r.translatedPort)", indent: 8)
            }
            collections("networkRuleCollections", fw.networkRuleCollections, action: true) { w, r in
                let protocols = r.anyProtocol ? ["Any"] : r.protocols.map { $0.rawValue.uppercased() }
                w.out.field("protocols", YAMLEmitter.sequence(protocols), indent: 8)
                w.out.field("sourceAddresses", YAMLEmitter.sequence(r.sourceAddresses), indent: 8)
                if !r.destinationAddresses.isEmpty {
                    w.out.field("destinationAddresses", YAMLEmitter.sequence(r.destinationAddresses), indent: 8)
                }
                if !r.destinationFqdns.isEmpty { w.out.field("destinationFqdns", YAMLEmitter.sequence(r.destinationFqdns), indent: 8) }
                w.out.field("destinationPorts", YAMLEmitter.sequence(r.destinationPorts.map(\.description)), indent: 8)
            }
            collections("applicationRuleCollections", fw.applicationRuleCollections, action: true) { w, r in
                w.out.field("sourceAddresses", YAMLEmitter.sequence(r.sourceAddresses), indent: 8)
                w.out.field("protocols", YAMLEmitter.sequence(r.protocols.map(\.description)), indent: 8)
                if !r.targetFqdns.isEmpty { w.out.field("targetFqdns", YAMLEmitter.sequence(r.targetFqdns), indent: 8) }
                if !r.fqdnTags.isEmpty { w.out.field("fqdnTags", YAMLEmitter.sequence(r.fqdnTags), indent: 8) }
            }
        }
    }

    /// A firewall's rule collections of one kind; `rule` writes a rule's own fields.
    mutating func collections<R>(
        _ key: String, _ list: [FirewallSpec.Collection<R>], action: Bool, rule: (inout Writer, R) -> Void
    ) where R: NamedRule {
        guard section(key, list, indent: 4) else { return }
        for c in list {
            element(c.name, c.source, indent: 6)
            out.field("priority", "\(c.priority)", indent: 8)
            if action { out.field("action", c.action.rawValue, indent: 8) }
            out.open("rules", indent: 8)
            for r in c.rules {
                element(r.name, r.source, indent: 10)
                var nested = Writer()
                rule(&nested, r)
                // The rule's fields were written at indent 8; shift them under the `- name:` at indent 10.
                for line in nested.out.text.split(separator: "\n") { out.append("    " + line) }
            }
        }
    }

    mutating func appGateways(_ list: [AppGatewaySpec]) {
        guard section("applicationGateways", list) else { return }
        for agw in list {
            element(agw.name, agw.source, indent: 2)
            out.field("subnet", YAMLEmitter.scalar(agw.subnet), indent: 4)
            if !agw.instanceIPAddresses.isEmpty {
                out.field("instanceIPAddresses", YAMLEmitter.sequence(agw.instanceIPAddresses.map(\.description)), indent: 4)
            }
            if section("frontendIPConfigurations", agw.frontendIPConfigurations, indent: 4) {
                for fe in agw.frontendIPConfigurations {
                    element(fe.name, fe.source, indent: 6)
                    if let pip = fe.publicIPAddress { out.field("publicIPAddress", YAMLEmitter.scalar(pip), indent: 8) }
                    if let ip = fe.privateIPAddress { out.field("privateIPAddress", ip.description, indent: 8) }
                }
            }
            if section("httpListeners", agw.httpListeners, indent: 4) {
                for l in agw.httpListeners {
                    element(l.name, l.source, indent: 6)
                    out.field("frontendIPConfiguration", YAMLEmitter.scalar(l.frontendIPConfiguration), indent: 8)
                    out.field("port", "\(l.port)", indent: 8)
                    out.field("protocol", l.protocolKind.rawValue, indent: 8)
                    out.field("backendAddressPool", YAMLEmitter.scalar(l.backendAddressPool), indent: 8)
                    out.field("backendPort", "\(l.backendPort)", indent: 8)
                }
            }
            if section("backendAddressPools", agw.backendAddressPools, indent: 4) {
                for pool in agw.backendAddressPools {
                    element(pool.name, pool.source, indent: 6)
                    if !pool.members.isEmpty { out.field("members", YAMLEmitter.sequence(pool.members), indent: 8) }
                    if !pool.ipAddresses.isEmpty {
                        out.field("ipAddresses", YAMLEmitter.sequence(pool.ipAddresses.map(\.description)), indent: 8)
                    }
                    if !pool.fqdns.isEmpty { out.field("fqdns", YAMLEmitter.sequence(pool.fqdns), indent: 8) }
                }
            }
        }
    }

    mutating func workloads(_ list: [WorkloadSpec]) {
        guard section("workloads", list) else { return }
        for w in list {
            element(w.name, w.source, indent: 2)
            out.field("kind", w.kind.rawValue, indent: 4)
            out.field("subnet", YAMLEmitter.scalar(w.subnet), indent: 4)
            out.field("ipAddresses", YAMLEmitter.sequence(w.ipAddresses.map(\.description)), indent: 4)
            if let pip = w.publicIPAddress { out.field("publicIPAddress", YAMLEmitter.scalar(pip), indent: 4) }
            if let forwarding = w.enableIPForwarding { out.field("enableIPForwarding", "\(forwarding)", indent: 4) }
            if w.kind == .nva {
                if !w.stateful { out.field("stateful", "false", indent: 4) }
                if w.snat { out.field("snat", "true", indent: 4) }
            }
            if let host = w.hostedOn { out.field("hostedOn", YAMLEmitter.scalar(host), indent: 4) }
            if let nsg = w.networkSecurityGroup { out.field("networkSecurityGroup", YAMLEmitter.scalar(nsg), indent: 4) }
            if !w.applicationSecurityGroups.isEmpty {
                out.field("applicationSecurityGroups", YAMLEmitter.sequence(w.applicationSecurityGroups), indent: 4)
            }
            if let resource = w.privateLinkResource { out.field("privateLinkResource", YAMLEmitter.scalar(resource), indent: 4) }
            if let fqdn = w.fqdn { out.field("fqdn", YAMLEmitter.scalar(fqdn), indent: 4) }
        }
    }

    mutating func clusters(_ list: [ClusterSpec]) {
        guard section("kubernetesClusters", list) else { return }
        for c in list {
            element(c.name, c.source, indent: 2)
            out.field("outboundType", c.outboundType.rawValue, indent: 4)
            if c.networkPlugin != "azure" { out.field("networkPlugin", YAMLEmitter.scalar(c.networkPlugin), indent: 4) }
            if let cidr = c.podCidr { out.field("podCidr", cidr.description, indent: 4) }
            out.field("nodePools", YAMLEmitter.sequence(c.nodePools), indent: 4)
            if let lb = c.loadBalancer { out.field("loadBalancer", YAMLEmitter.scalar(lb), indent: 4) }
            if let nat = c.natGateway { out.field("natGateway", YAMLEmitter.scalar(nat), indent: 4) }
            if let p = c.loadBalancerProfile {
                out.open("loadBalancerProfile", indent: 4)
                if let count = p.managedOutboundIPCount { out.field("managedOutboundIPCount", "\(count)", indent: 6) }
                if !p.outboundIPs.isEmpty { out.field("outboundIPs", YAMLEmitter.sequence(p.outboundIPs), indent: 6) }
                if p.allocatedOutboundPorts != 0 { out.field("allocatedOutboundPorts", "\(p.allocatedOutboundPorts)", indent: 6) }
                if p.idleTimeoutInMinutes != 30 { out.field("idleTimeoutInMinutes", "\(p.idleTimeoutInMinutes)", indent: 6) }
            }
            guard section("services", c.services, indent: 4) else { continue }
            for s in c.services {
                element(s.name, s.source, indent: 6)
                if s.isInternal { out.field("internal", "true", indent: 8) }
                out.field("port", "\(s.port)", indent: 8)
                if let nodePort = s.nodePort { out.field("nodePort", "\(nodePort)", indent: 8) }
                if s.protocolType != .tcp { out.field("protocol", s.protocolType.rawValue, indent: 8) }
                if let pip = s.publicIPAddress { out.field("publicIPAddress", YAMLEmitter.scalar(pip), indent: 8) }
                if let ip = s.privateIPAddress { out.field("privateIPAddress", ip.description, indent: 8) }
                if !s.enableFloatingIP { out.field("enableFloatingIP", "false", indent: 8) }
            }
        }
    }

    mutating func assertions(_ list: [AssertionSpec]) {
        guard section("assertions", list) else { return }
        for a in list {
            element(a.name, a.source, indent: 2)
            if let d = a.description { out.field("description", YAMLEmitter.scalar(d), indent: 4) }
            out.field("from", YAMLEmitter.scalar(a.from), indent: 4)
            if !a.to.isEmpty { out.field("to", YAMLEmitter.scalar(a.to), indent: 4) }
            if let port = a.port { out.field("port", "\(port)", indent: 4) }
            if a.protocolType != .tcp { out.field("protocol", a.protocolType.rawValue, indent: 4) }
            switch a.expect {
            case .verdict(let v): out.field("expect", v.rawValue, indent: 4)
            case .noAsymmetry: out.field("expect", "no-asymmetry", indent: 4)
            case nil: break
            }
            if let through = a.through { out.field("through", YAMLEmitter.scalar(through), indent: 4) }
            if let via = a.egressVia { out.field("egressVia", YAMLEmitter.scalar(via), indent: 4) }
            if a.noDefaultOutboundAccess { out.field("noDefaultOutboundAccess", "true", indent: 4) }
            if a.bidirectional { out.field("bidirectional", "true", indent: 4) }
        }
    }
}

/// A firewall rule: its name and where it was written.
protocol NamedRule {
    /// The rule's name.
    var name: String { get }
    /// Where the rule was written.
    var source: SourceMap { get }
}

extension FirewallSpec.NatRule: NamedRule {}
extension FirewallSpec.NetworkRule: NamedRule {}
extension FirewallSpec.ApplicationRule: NamedRule {}
