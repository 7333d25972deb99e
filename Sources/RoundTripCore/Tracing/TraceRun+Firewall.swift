/// Azure Firewall: instances behind a platform load balancer, DNAT with SNAT (F13), rule processing (F5–F8),
/// SNAT by private ranges (F14), application rules as a proxy (F15), a session table per instance (M3).
extension TraceRun {
    /// A packet reaching the firewall's private side: at its frontend (nil instance) or at one instance.
    mutating func arriveFirewallPrivate(_ f: Int, instance: Int?, _ packet: Packet) -> Step {
        let fw = t.firewalls[f]
        touchedSubnets.insert(fw.subnet)
        touchedFirewalls.insert(f)
        let count = fw.instanceIPs.count
        var i: Int
        // Set when a reply addressed to one instance was routed to the frontend and may reach another (P5).
        var addressedTo: Int?
        if let instance {
            i = instance
        } else if let target = fw.instanceIPs.firstIndex(of: packet.destination) {
            // A reply addressed to one instance but routed to the frontend: the platform LB may pick another (P5).
            i = count > 1 ? (target + 1) % count : target
            if count > 1 { addressedTo = target }
        } else {
            i = Int(packet.symmetricHash(salt: 500 + f) % UInt64(count))
        }
        let node = Node.firewall(firewall: f, instance: i)
        let device = Device.firewall(firewall: f, instance: i)
        // A reply addressed to the firewall's public IP belongs on its public side; arriving here it finds no session
        // (§16, F13: the private side's table never holds it), however the sessions were created.
        let toPublicSide = fw.publicAddresses.contains(packet.destination)
        if !toPublicSide, let s = sessions.reply(to: packet, where: { $0.device == device }) {
            return replyThroughFirewall(f, i, session: s, packet)
        }
        if direction == .return {
            let reason: TraceReason
            if toPublicSide {
                reason = .firewallPublicReplyOnPrivateSide(firewall: f, miss: sessionMiss(packet))
            } else if sessions.reply(to: packet, where: { if case .firewall(f, _) = $0.device { return true } else { return false } })
                != nil
            {
                reason =
                    addressedTo.map { .firewallFrontendRehash(firewall: f, instance: i, reply: packet, addressedTo: $0) }
                    ?? .firewallOtherInstance(firewall: f, instance: i, reply: packet)
            } else {
                reason = .firewallNoSession(firewall: f, miss: sessionMiss(packet))
            }
            return dropHere(node, packet, .asymmetric, reason, session: SessionEvent(device: device, kind: .missing))
        }
        if packet.destination == fw.privateIP || fw.instanceIPs.contains(packet.destination)
            || fw.publicAddresses.contains(packet.destination)
        {
            return dropHere(
                node, packet, .denied, .firewallOwnAddress(firewall: f),
                decision: .firewallDefaultDeny(firewall: f))
        }
        // F8: network rules, then application rules (HTTP/HTTPS/MSSQL), then deny.
        var out = packet
        var decision: Decision
        var snatNote: TraceReason
        // F25: a policy group holding an FQDN network rule without the DNS proxy can't be deployed; a flow whose
        // evaluation reaches it (no earlier network rule decides) is unsupported there.
        let blocked = fw.networkCollections.firstIndex { $0.origin?.fqdnRuleWithoutProxy != nil }
        if let (c, r) = matchNetworkRule(fw, packet, before: blocked) {
            decision = .firewallNetworkRule(firewall: f, collection: c, rule: r)
            if fw.networkCollections[c].action == .deny {
                return dropHere(
                    node, packet, .denied,
                    .firewallNetworkRuleDenies(firewall: f, collection: c, rule: r),
                    decision: decision)
            }
            if fw.snatPrivateRanges.contains(where: { $0.contains(packet.destination) }) {
                snatNote = .firewallNoSNAT(destination: packet.destination)
            } else {
                guard let translated = firewallSNATAddress(fw, instance: i, packet, internetBound: isInternetBound(fw, packet)) else {
                    return dropHere(
                        node, packet, .noRoute, .firewallNoPublicIP(firewall: f, destination: packet.destination),
                        decision: decision)
                }
                out.source = translated
                snatNote = .firewallSNAT(destination: packet.destination, translated: translated)
            }
        } else if let b = blocked, let origin = fw.networkCollections[b].origin {
            return dropHere(
                node, packet, .unsupportedConfig, .firewallDnsProxyRequired(firewall: f, origin: origin), cause: fqdnRuleCause(f, origin))
        } else if let (c, r) = matchImplicitDNATAllow(fw, packet) {
            // F18: a DNAT rule with source `*` also allows VNet-to-VNet traffic to its translated address, always SNATed.
            decision = .firewallNatRule(firewall: f, collection: c, rule: r)
            out.source = fw.instanceIPs[i]
            snatNote = .firewallImplicitDNATAllow(firewall: f, collection: c, rule: r, translated: out.source)
        } else if let (c, r) = matchApplicationRule(fw, packet) {
            decision = .firewallApplicationRule(firewall: f, collection: c, rule: r)
            if fw.applicationCollections[c].action == .deny {
                return dropHere(
                    node, packet, .denied,
                    .firewallApplicationRuleDenies(firewall: f, collection: c, rule: r, fqdn: flow.fqdn, destination: packet.destination),
                    decision: decision)
            }
            // Application rules always SNAT (F15): an instance address, or the public IP for Internet targets.
            let translated =
                firewallSNATAddress(fw, instance: i, packet, internetBound: isInternetBound(fw, packet)) ?? fw.instanceIPs[i]
            out.source = translated
            snatNote = .firewallApplicationProxy(translated: translated)
        } else {
            return dropHere(
                node, packet, .denied, .firewallNoRuleMatched(firewall: f, packet: packet, fqdn: flow.fqdn),
                decision: .firewallDefaultDeny(firewall: f))
        }
        var hop = Hop(
            direction: direction, node: node, packet: packet, decision: decision, session: SessionEvent(device: device, kind: .created))
        if out.source != packet.source {
            hop.rewrites = [
                Rewrite(
                    field: .source, kind: .snat, beforeAddress: packet.source, beforePort: packet.sourcePort, afterAddress: out.source,
                    afterPort: out.sourcePort)
            ]
        }
        // A P5 hand-over never gets here: the forward packet to an instance address is dropped above.
        hop.note = snatNote
        guard record(hop) else { return .stop }
        sessions.open(Session(device: device, original: packet, translated: out, stateful: true))
        if direction == .forward && !out.source.isPrivate { egress = fw.publicAddresses }
        return .send(subnet: fw.subnet, sender: .firewall(f, i), packet: out)
    }

    /// The SNAT source: a public IP for Internet-bound traffic; an instance's private address for everything else
    /// (private, peered or on-premises destinations, F14/F15) and in forced-tunnel mode (F17). Nil when Internet-bound
    /// traffic has no public IP to leave from.
    func firewallSNATAddress(_ fw: Firewall, instance: Int, _ packet: Packet, internetBound: Bool) -> IPv4Address? {
        if fw.forcedTunneling || !internetBound { return fw.instanceIPs[instance] }
        return fw.publicAddresses.first
    }

    /// Whether the firewall's own subnet routes the destination to the Internet (rather than into a VNet, a peering,
    /// a gateway or an appliance).
    func isInternetBound(_ fw: Firewall, _ packet: Packet) -> Bool {
        let routes = t.effectiveRoutes[fw.subnet]
        guard let index = routes.lookup(packet.destination) else { return !packet.destination.isPrivate }
        return routes.routes[index].nextHopType == .internet
    }

    /// A packet reaching one of the firewall's public IPs from the Internet: a reply, or DNAT (F7, F13).
    mutating func arriveFirewallPublic(_ f: Int, _ packet: Packet) -> Step {
        let fw = t.firewalls[f]
        touchedSubnets.insert(fw.subnet)
        touchedFirewalls.insert(f)
        if let s = sessions.reply(to: packet, where: { if case .firewall(f, _) = $0.device { return true } else { return false } }),
            case .firewall(_, let i) = sessions[s].device
        {
            return replyThroughFirewall(f, i, session: s, packet)
        }
        let frontNode = Node.firewall(firewall: f, instance: nil)
        if direction == .return {
            return dropHere(frontNode, packet, .asymmetric, .firewallNoSession(firewall: f, miss: sessionMiss(packet)))
        }
        let blocked = fw.natCollections.firstIndex { $0.origin?.fqdnRuleWithoutProxy != nil }
        let match = matchNatRule(fw, packet, before: blocked)
        if match == nil, let b = blocked, let origin = fw.natCollections[b].origin {
            return dropHere(
                frontNode, packet, .unsupportedConfig, .firewallDnsProxyRequired(firewall: f, origin: origin),
                cause: fqdnRuleCause(f, origin))
        }
        guard let (c, r) = match else {
            return dropHere(
                frontNode, packet, .denied, .firewallNoDNATRule(firewall: f, packet: packet),
                decision: .firewallDefaultDeny(firewall: f))
        }
        let rule = fw.natCollections[c].rules[r]
        let i = Int(packet.symmetricHash(salt: 500 + f) % UInt64(fw.instanceIPs.count))
        var out = packet
        out.destination = rule.translatedAddress
        out.destinationPort = rule.translatedPort
        // F13: inbound DNAT is always paired with SNAT — to an instance address, or to the public IP when the
        // translated target is itself public (S2).
        out.source = rule.translatedAddress.isPrivate ? fw.instanceIPs[i] : packet.destination
        let device = Device.firewall(firewall: f, instance: i)
        var hop = Hop(
            direction: direction, node: .firewall(firewall: f, instance: i), packet: packet,
            decision: .firewallNatRule(firewall: f, collection: c, rule: r), session: SessionEvent(device: device, kind: .created))
        hop.rewrites = [
            Rewrite(
                field: .destination, kind: .dnat, beforeAddress: packet.destination, beforePort: packet.destinationPort,
                afterAddress: out.destination, afterPort: out.destinationPort),
            Rewrite(
                field: .source, kind: .snat, beforeAddress: packet.source, beforePort: packet.sourcePort, afterAddress: out.source,
                afterPort: out.sourcePort),
        ]
        hop.note = .firewallDNAT(firewall: f, collection: c, rule: r, forcedTunneling: fw.forcedTunneling)
        guard record(hop) else { return .stop }
        sessions.open(Session(device: device, original: packet, translated: out, stateful: true))
        return .send(subnet: fw.subnet, sender: .firewall(f, i), packet: out)
    }

    /// A reply matching a firewall session: undo the NAT and send it on from AzureFirewallSubnet.
    mutating func replyThroughFirewall(_ f: Int, _ i: Int, session s: Int, _ packet: Packet) -> Step {
        let restored = sessions.match(s)
        var hop = Hop(
            direction: direction, node: .firewall(firewall: f, instance: i), packet: packet, decision: .session,
            session: SessionEvent(device: sessions[s].device, kind: .matched))
        if restored.source != packet.source || restored.sourcePort != packet.sourcePort {
            hop.rewrites.append(
                Rewrite(
                    field: .source, kind: .unDnat, beforeAddress: packet.source, beforePort: packet.sourcePort,
                    afterAddress: restored.source, afterPort: restored.sourcePort))
        }
        if restored.destination != packet.destination || restored.destinationPort != packet.destinationPort {
            hop.rewrites.append(
                Rewrite(
                    field: .destination, kind: .unSnat, beforeAddress: packet.destination, beforePort: packet.destinationPort,
                    afterAddress: restored.destination, afterPort: restored.destinationPort))
        }
        guard record(hop) else { return .stop }
        return .send(subnet: t.firewalls[f].subnet, sender: .firewall(f, i), packet: restored)
    }

    /// The network rule with FQDNs that makes policy group `origin` undeployable without the DNS proxy (F25): the
    /// configuration element to change.
    func fqdnRuleCause(_ f: Int, _ origin: FirewallPolicyOrigin) -> Decision? {
        for (c, collection) in t.firewalls[f].networkCollections.enumerated()
        where collection.origin?.policy == origin.policy && collection.origin?.ruleCollectionGroup == origin.ruleCollectionGroup {
            if let r = collection.rules.firstIndex(where: { $0.name == origin.fqdnRuleWithoutProxy && !$0.destinationFqdns.isEmpty }) {
                return .firewallNetworkRule(firewall: f, collection: c, rule: r)
            }
        }
        return nil
    }

    /// The first DNAT rule matching the packet in the collections before `limit` (all when nil).
    func matchNatRule(_ fw: Firewall, _ packet: Packet, before limit: Int? = nil) -> (Int, Int)? {
        for (c, collection) in fw.natCollections.enumerated() where c < limit ?? Int.max {
            for (r, rule) in collection.rules.enumerated()
            where rule.protocols.contains(packet.protocolType) && rule.sources.contains(packet.source)
                && rule.destinations.contains(packet.destination) && rule.ports.contains(where: { $0.contains(packet.destinationPort) })
            {
                return (c, r)
            }
        }
        return nil
    }

    /// The first network rule matching the packet in the collections before `limit` (all when nil). A policy's
    /// FQDN network rules match the flow's DNS name exactly (F25); classic ones also take wildcards.
    func matchNetworkRule(_ fw: Firewall, _ packet: Packet, before limit: Int? = nil) -> (Int, Int)? {
        for (c, collection) in fw.networkCollections.enumerated() where c < limit ?? Int.max {
            for (r, rule) in collection.rules.enumerated() {
                guard rule.anyProtocol || rule.protocols.contains(packet.protocolType),
                    rule.sources.contains(packet.source),
                    rule.ports.contains(where: { $0.contains(packet.destinationPort) })
                else { continue }
                let byAddress = rule.destinations.contains(packet.destination)
                let byFqdn =
                    packet.destination != flow.to.address
                    ? false
                    : flow.fqdn.map { name in
                        rule.destinationFqdns.contains {
                            fw.policy == nil ? FQDNTags.matches(name, pattern: $0) : $0.lowercased() == name.lowercased()
                        }
                    } ?? false
                if byAddress || byFqdn { return (c, r) }
            }
        }
        return nil
    }

    /// The DNAT rule with source `*` whose translated address and port are the packet's destination (F18).
    func matchImplicitDNATAllow(_ fw: Firewall, _ packet: Packet) -> (Int, Int)? {
        for (c, collection) in fw.natCollections.enumerated() {
            for (r, rule) in collection.rules.enumerated()
            where rule.sources.isAny && rule.translatedAddress == packet.destination && rule.translatedPort == packet.destinationPort
                && rule.protocols.contains(packet.protocolType)
            {
                return (c, r)
            }
        }
        return nil
    }

    func matchApplicationRule(_ fw: Firewall, _ packet: Packet) -> (Int, Int)? {
        guard packet.protocolType == .tcp, packet.destination == flow.to.address, let fqdn = flow.fqdn else { return nil }
        for (c, collection) in fw.applicationCollections.enumerated() {
            for (r, rule) in collection.rules.enumerated()
            where rule.sources.contains(packet.source) && rule.protocols.contains(where: { $0.port == packet.destinationPort })
                && rule.fqdns.contains(where: { FQDNTags.matches(fqdn, pattern: $0) })
            {
                return (c, r)
            }
        }
        return nil
    }
}
