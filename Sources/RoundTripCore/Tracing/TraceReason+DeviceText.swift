/// Reasons at devices (NICs, load balancers, Application Gateways, Azure Firewall) in English.
extension Topology {
    func describeDeviceReason(_ reason: TraceReason) -> String {
        switch reason {
        case .nodeDeliversToPod(let pod): return "node delivers to pod '\(workloads[pod].name)'"
        case .ipForwardingDisabled(let w, let destination):
            return
                "'\(workloads[w].name)' receives traffic for \(destination) but has enableIPForwarding false, so Azure drops it (R10)"
        case .ipForwarding: return "IP forwarding"
        case .nvaNoSession(let w, let miss): return describeMiss("NVA '\(workloads[w].name)'", miss)
        case .loadBalancerNoRule(let l, let fe, let protocolType, let port):
            return
                "load balancer '\(loadBalancers[l].name)' frontend '\(loadBalancers[l].frontends[fe].name)' has no rule for \(protocolType.rawValue) port \(port)"
        case .loadBalancerNoHAPortsRule(let l, let fe):
            return
                "load balancer '\(loadBalancers[l].name)' frontend '\(loadBalancers[l].frontends[fe].name)' has no HA-ports rule to forward routed traffic"
        case .loadBalancerHairpin(let l, let w, let size):
            let some =
                size > 1 ? "; with \(size) members, the connections hashed back to '\(workloads[w].name)' fail and the others may work" : ""
            return
                "'\(workloads[w].name)' is in the backend pool of load balancer '\(loadBalancers[l].name)' and connects to its frontend: Azure does not support this hairpin (L5)\(some)"
        case .loadBalancerEmptyPool(let l, let r):
            return "load balancer '\(loadBalancers[l].name)' rule '\(loadBalancers[l].rules[r].name)' has an empty backend pool"
        case .loadBalancerIndependentHash(let l, let other, let reached, let holder):
            let against = other.map { "load balancer '\(loadBalancers[$0].name)'" } ?? "the forward path"
            return
                "load balancer '\(loadBalancers[l].name)' hashes independently of \(against); the packet can reach \(reached) instead of \(holder), which holds the session (L9)"
        case .loadBalancerBackendNotNIC(let l, let address):
            return "backend \(address) of load balancer '\(loadBalancers[l].name)' is no NIC in the design"
        case .appGatewayAnswersClient: return "answers the client on its own connection"
        case .appGatewayNoSession(let g, let instance, let miss):
            let name = "application gateway '\(appGateways[g].name)'" + (instance.map { " instance \($0)" } ?? "")
            return describeMiss(name, miss)
        case .appGatewayInstanceAddress(let g):
            return "application gateway '\(appGateways[g].name)' instance addresses accept no traffic of their own"
        case .appGatewayNoListener(let g, let fe, let port, let protocolType):
            let agw = appGateways[g]
            return "application gateway '\(agw.name)' has no listener on \(agw.frontends[fe].name):\(port)/\(protocolType.rawValue)"
        case .appGatewayEmptyPool(let g, let p):
            let agw = appGateways[g]
            let pool = agw.pools[p]
            let why =
                pool.unresolvedFqdns.isEmpty
                ? "" : " (FQDNs \(pool.unresolvedFqdns.joined(separator: ", ")) resolve to no endpoint in the design)"
            return "application gateway '\(agw.name)' pool '\(pool.name)' has no backend\(why)"
        case .appGatewayProxy(let g, let i):
            return
                "terminates the client connection and opens a new one from instance \(appGateways[g].instanceIPs[i]) (A1; client address in X-Forwarded-For)"
        default: return ""
        }
    }

    func describeFirewallReason(_ reason: TraceReason) -> String {
        switch reason {
        case .firewallNoSession(let f, let miss): return describeMiss("firewall '\(firewalls[f].name)'", miss)
        case .firewallPublicReplyOnPrivateSide(let f, let miss):
            return describeMiss("firewall '\(firewalls[f].name)'", miss)
                + "; the reply to public IP \(miss.reply.destination) reached the firewall's private side"
        case .firewallOtherInstance(let f, let i, let reply):
            return "firewall '\(firewalls[f].name)' instance \(i) has no session for the reply \(reply): another instance holds it"
        case .firewallFrontendRehash(let f, let i, let reply, let target):
            let fw = firewalls[f]
            return
                "firewall '\(fw.name)' instance \(i) has no session for the reply \(reply): another instance holds it; addressed to instance \(target) (\(reply.destination)) but routed to the frontend \(fw.privateIP); the platform load balancer may hand it to instance \(i) (P5)"
        case .firewallOwnAddress(let f):
            return "firewall '\(firewalls[f].name)' accepts no new connections to its own addresses on the private side"
        case .firewallNetworkRuleDenies(let f, let c, let r):
            let collection = firewalls[f].networkCollections[c]
            return
                "firewall '\(firewalls[f].name)' network rule '\(collection.rules[r].name)' in collection '\(collection.name)'\(Self.ofGroup(collection.origin)) denies it"
        case .firewallNoPublicIP(let f, let destination):
            return "firewall '\(firewalls[f].name)' must SNAT to a public IP for \(destination) but has none"
        case .firewallApplicationRuleDenies(let f, let c, let r, let fqdn, let destination):
            let collection = firewalls[f].applicationCollections[c]
            return
                "firewall '\(firewalls[f].name)' application rule '\(collection.rules[r].name)' in collection '\(collection.name)'\(Self.ofGroup(collection.origin)) denies \(fqdn ?? destination.description)"
        case .firewallDnsProxyRequired(let f, let origin):
            let policy = firewalls[f].policy?.name ?? origin.policy
            return
                "firewall '\(firewalls[f].name)' reaches \(origin.description), whose network rule '\(origin.fqdnRuleWithoutProxy ?? "")' uses destinationFqdns while the DNS proxy is off; Azure does not deploy such a group (F25). Set dnsSettings.enableProxy: true on policy '\(policy)', or use destinationAddresses"
        case .firewallNoRuleMatched(let f, let packet, let fqdn):
            let what = fqdn.map { "\($0) (\(packet.destination))" } ?? packet.destination.description
            return
                "firewall '\(firewalls[f].name)': Action: Deny. Reason: No rule matched. Proceeding with default action. (\(packet.source) → \(what):\(packet.destinationPort)/\(packet.protocolType.rawValue); F8)"
        case .firewallNoSNAT(let destination): return "network rule: \(destination) is in snatPrivateRanges, no SNAT (F14)"
        case .firewallSNAT(let destination, let translated):
            return "network rule: \(destination) is outside snatPrivateRanges, SNAT to \(translated) (F14)"
        case .firewallApplicationProxy(let translated):
            return "application rule: the firewall proxies the connection, SNAT to \(translated) (F15)"
        case .firewallNoDNATRule(let f, let packet):
            return
                "firewall '\(firewalls[f].name)' has no DNAT rule for \(packet.destination):\(packet.destinationPort)/\(packet.protocolType.rawValue); inbound traffic is denied by default (F7)"
        case .securityRuleAllowed(let g, let r, let inbound, let atSubnet, let w):
            let rule = securityGroups[g].rules(inbound ? .inbound : .outbound)[r]
            return
                "NSG '\(securityGroups[g].name)' (\(atSubnet ? "subnet" : "NIC") of '\(workloads[w].name)') allows it: \(rule.isDefault ? "default " : "")rule '\(rule.name)' (priority \(rule.priority), \(rule.direction.rawValue))"
        case .securityRuleDenied(let g, let r, let inbound, let atSubnet, let w, let packet):
            let rule = securityGroups[g].rules(inbound ? .inbound : .outbound)[r]
            let level = atSubnet ? "subnet" : "NIC"
            return
                "NSG '\(securityGroups[g].name)' (\(level) of '\(workloads[w].name)') \(rule.isDefault ? "default " : "")rule '\(rule.name)' (priority \(rule.priority), \(rule.direction.rawValue)) denies \(packet) (G2)"
        case .firewallImplicitDNATAllow(let f, let c, let r, let translated):
            return
                "allowed by the implicit network rule of DNAT rule '\(firewalls[f].natCollections[c].rules[r].name)' (source *), which always SNATs: source becomes \(translated) (F18)"
        case .firewallDNAT(let f, let c, let r, let forcedTunneling):
            let collection = firewalls[f].natCollections[c]
            var text =
                "DNAT rule '\(collection.rules[r].name)' (collection '\(collection.name)'\(Self.ofGroup(collection.origin))); implicit network allow (F7); SNAT so replies return to this instance (F13)"
            if forcedTunneling { text += "; DNAT is not supported in forced-tunnelling mode (F17)" }
            return text
        default: return ""
        }
    }

    /// ` of rule collection group 'z' (policy 'p')` for a collection compiled from a Firewall Policy; empty for classic.
    static func ofGroup(_ origin: FirewallPolicyOrigin?) -> String {
        origin.map { " of \($0.description)" } ?? ""
    }
}
