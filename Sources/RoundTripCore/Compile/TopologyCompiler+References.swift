/// References in flows and assertions: endpoints, flow ends, assertion sources and destinations.
extension TopologyCompiler {
    mutating func compileEndpoints() {
        topology.endpoints.append(
            Endpoint(
                name: "internet", address: Flow.representativeInternetClient, addressIsRepresentative: true, fqdn: nil,
                onPremises: nil, source: SourceMap(element: .synthesized(design.file))))
        endpointIndex.indexes["internet"] = 0
        var synthesized: UInt32 = 1
        for spec in design.endpoints {
            let index = topology.endpoints.count
            guard register(spec.name, index, in: \.endpointIndex, at: spec.source.element) else { continue }
            var onPrem: Int?
            if let name = spec.onPremisesNetwork {
                onPrem = resolve(name, in: onPremIndex, at: spec.source["onPremisesNetwork"], context: "endpoint '\(spec.name)'")
                if let onPrem, let address = spec.ipAddress,
                    !topology.onPremises[onPrem].addressPrefixes.contains(where: { $0.contains(address) })
                {
                    error(
                        .addressOutsideNetwork, spec.source["ipAddress"],
                        "endpoint '\(spec.name)' address \(address) is outside on-premises network '\(name)'")
                }
            }
            let address: IPv4Address
            var representative = false
            if let given = spec.ipAddress {
                address = given
            } else {
                guard spec.fqdn != nil else {
                    error(.missingField, spec.source.element, "endpoint '\(spec.name)' needs ipAddress or fqdn")
                    continue
                }
                // An on-premises network without prefixes has no address to offer; such an endpoint takes
                // a TEST-NET-2 representative like any unknown address.
                if let onPrem, let first = topology.onPremises[onPrem].addressPrefixes.first {
                    address = IPv4Address(first.network.value &+ 10)
                } else {
                    // Unknown public address: a representative from TEST-NET-2 (198.51.100.0/24).
                    address = IPv4Address(IPv4Address(198, 51, 100, 0).value &+ synthesized)
                    synthesized += 1
                }
                representative = true
            }
            topology.endpoints.append(
                Endpoint(
                    name: spec.name, address: address, addressIsRepresentative: representative, fqdn: spec.fqdn, onPremises: onPrem,
                    source: spec.source))
        }
    }

    /// Resolves a flow end: endpoint, workload, public IP, `LB/FRONTEND`, `AGW/LISTENER` or a literal address.
    mutating func resolveEnd(_ text: String, at: SourceLocation, flow: String) -> (FlowEnd, fqdn: String?, port: UInt16?)? {
        if let e = endpointIndex.indexes[text] {
            let endpoint = topology.endpoints[e]
            if let onPrem = endpoint.onPremises { return (.onPremises(network: onPrem, address: endpoint.address), endpoint.fqdn, nil) }
            return (classify(endpoint.address), endpoint.fqdn, nil)
        }
        if let w = workloadIndex.indexes[text] {
            return (.workload(w, topology.workloads[w].addresses[0]), topology.workloads[w].fqdn, nil)
        }
        // A private endpoint by its FQDN or its private-link resource (§13).
        let lowered = text.lowercased()
        if let w = topology.workloads.firstIndex(where: {
            $0.fqdn?.lowercased() == lowered || $0.privateLinkResource?.lowercased() == lowered
        }) {
            return (.workload(w, topology.workloads[w].addresses[0]), topology.workloads[w].fqdn, nil)
        }
        if let pip = publicIPIndex.indexes[text] {
            return (classify(topology.publicIPs[pip].prefix.network), nil, nil)
        }
        if let slash = text.firstIndex(of: "/") {
            let parent = String(text[..<slash])
            let child = String(text[text.index(after: slash)...])
            if let l = lbIndex.indexes[parent] {
                if let fe = topology.loadBalancers[l].frontends.first(where: { $0.name == child }) {
                    return (classify(fe.address), nil, nil)
                }
                error(
                    .unknownReference, at, "flow '\(flow)': load balancer '\(parent)' has no frontend '\(child)'",
                    hint: Suggestion.hint(for: child, in: topology.loadBalancers[l].frontends.map(\.name)))
                return nil
            }
            if let g = appGatewayIndex.indexes[parent] {
                let agw = topology.appGateways[g]
                if let listener = agw.listeners.first(where: { $0.name == child }) {
                    return (classify(agw.frontends[listener.frontend].address), nil, listener.port)
                }
                error(
                    .unknownReference, at, "flow '\(flow)': application gateway '\(parent)' has no listener '\(child)'",
                    hint: Suggestion.hint(for: child, in: agw.listeners.map(\.name)))
                return nil
            }
        }
        if let f = firewallIndex.indexes[text], let address = topology.firewalls[f].publicAddresses.first {
            return (.publicAddress(address), nil, nil)
        }
        if let address = IPv4Address(text) { return (classify(address), nil, nil) }
        var candidates = Array(endpointIndex.indexes.keys) + Array(workloadIndex.indexes.keys) + Array(publicIPIndex.indexes.keys)
        candidates += topology.loadBalancers.flatMap { lb in lb.frontends.map { "\(lb.name)/\($0.name)" } }
        candidates += topology.appGateways.flatMap { g in g.listeners.map { "\(g.name)/\($0.name)" } }
        error(
            .unknownReference, at,
            "flow '\(flow)': '\(text)' is not an endpoint, workload, public IP, LB/FRONTEND, AGW/LISTENER or IPv4 address",
            hint: Suggestion.hint(for: text, in: candidates))
        return nil
    }

    /// Classifies a literal address by what owns it.
    func classify(_ address: IPv4Address) -> FlowEnd {
        if topology.addresses.publicOwner(of: address) != nil { return .publicAddress(address) }
        if let (v, owner) = topology.addresses.firstOwner(of: address) {
            if case .nic(let w) = owner { return .workload(w, address) }
            return .privateAddress(vnet: v, address: address)
        }
        if let pod = topology.addresses.pod(at: address) { return .workload(pod, address) }
        for (n, network) in topology.onPremises.enumerated() where network.addressPrefixes.contains(where: { $0.contains(address) }) {
            return .onPremises(network: n, address: address)
        }
        return .internet(address)
    }

    mutating func compileFlows() {
        var names = Set<String>()
        for spec in design.flows {
            if !names.insert(spec.name).inserted {
                error(.duplicateName, spec.source.element, "duplicate flow name '\(spec.name)'")
                continue
            }
            let from = resolveEnd(spec.from, at: spec.source["from"], flow: spec.name)
            let to = resolveEnd(spec.to, at: spec.source["to"], flow: spec.name)
            guard let from, let to else { continue }
            guard let port = spec.port ?? to.port else {
                error(.missingField, spec.source.element, "flow '\(spec.name)' needs a destination port")
                continue
            }
            if case .privateAddress = from.0 {
                error(
                    .badFlowSource, spec.source["from"],
                    "flow '\(spec.name)' starts at '\(spec.from)', which is a device frontend, not a host")
                continue
            }
            if case .publicAddress = from.0 {
                error(
                    .badFlowSource, spec.source["from"],
                    "flow '\(spec.name)' starts at public address '\(spec.from)', which belongs to a device; start from a workload or endpoint"
                )
                continue
            }
            if from.0 == to.0 {
                error(.badFlow, spec.source["to"], "flow '\(spec.name)' starts and ends at the same address")
                continue
            }
            if let expected = spec.expectDroppedAt, !elementNames.contains(expected) {
                error(
                    .unknownReference, spec.source["expectDroppedAt"],
                    "flow '\(spec.name)': expectDroppedAt names '\(expected)', which is no element of the design",
                    hint: Suggestion.hint(for: expected, in: elementNames))
            }
            topology.flows.append(
                Flow(
                    name: spec.name, fromText: spec.from, toText: spec.to, from: from.0, to: to.0, fqdn: to.fqdn,
                    port: port, sourcePort: spec.sourcePort ?? Flow.representativeSourcePort, protocolType: spec.protocolType,
                    expect: spec.expect,
                    expectDroppedAt: spec.expectDroppedAt, expectEgressIP: spec.expectEgressIP,
                    description: spec.description, source: spec.source))
        }
    }

    /// Compiles `assertions`: sources, destinations and checks, every name resolved.
    mutating func compileAssertions() {
        var names = Set<String>()
        for spec in design.assertions {
            if !names.insert(spec.name).inserted {
                error(.duplicateName, spec.source.element, "duplicate assertion name '\(spec.name)'")
                continue
            }
            if spec.expect == nil && spec.through == nil && spec.egressVia == nil && !spec.noDefaultOutboundAccess {
                error(
                    .missingField, spec.source.element,
                    "assertion '\(spec.name)' needs expect, through, egressVia or noDefaultOutboundAccess")
                continue
            }
            guard let sources = assertionSources(spec.from, at: spec.source["from"], name: spec.name) else { continue }
            var destinations: [Assertion.Destination] = []
            if !spec.to.isEmpty {
                guard let resolved = assertionDestinations(spec.to, port: spec.port, at: spec.source["to"], name: spec.name) else {
                    continue
                }
                destinations = resolved
            } else if !spec.noDefaultOutboundAccess {
                error(.missingField, spec.source.element, "assertion '\(spec.name)' needs 'to'")
                continue
            }
            var reverse: (Assertion.Source, [Assertion.Destination])?
            if spec.bidirectional {
                guard let back = assertionSources(spec.to, at: spec.source["to"], name: spec.name),
                    let there = assertionDestinations(spec.from, port: spec.port, at: spec.source["from"], name: spec.name)
                else { continue }
                reverse = (back, there)
            }
            if let through = spec.through, !elementNames.contains(through) {
                error(
                    .unknownReference, spec.source["through"],
                    "assertion '\(spec.name)': through names '\(through)', which is no element of the design",
                    hint: Suggestion.hint(for: through, in: elementNames))
            }
            var via: [IPv4Address]?
            if let text = spec.egressVia {
                if let pip = publicIPIndex.indexes[text] {
                    via = topology.publicIPs[pip].addresses
                } else if let address = IPv4Address(text) {
                    via = [address]
                } else {
                    error(
                        .unknownReference, spec.source["egressVia"],
                        "assertion '\(spec.name)': egressVia must name a public IP or be an address, not '\(text)'",
                        hint: Suggestion.hint(for: text, in: publicIPIndex.indexes.keys))
                    continue
                }
            }
            topology.assertions.append(
                Assertion(
                    name: spec.name, description: spec.description, fromText: spec.from, toText: spec.to, sources: sources,
                    destinations: destinations, reverse: reverse, protocolType: spec.protocolType, expect: spec.expect,
                    through: spec.through, egressVia: via, egressViaText: spec.egressVia,
                    noDefaultOutboundAccess: spec.noDefaultOutboundAccess, source: spec.source))
        }
    }

    /// Workloads in a VNet or subnet, as flow ends (each address).
    func hosts(inVNet vnet: Int?, subnet: Int?) -> [FlowEnd] {
        topology.workloads.enumerated().flatMap { w, workload -> [FlowEnd] in
            let s = topology.subnets[workload.subnet]
            guard subnet.map({ $0 == workload.subnet }) ?? (s.vnet == vnet), !workload.onKubenet else { return [] }
            return workload.addresses.map { .workload(w, $0) }
        }
    }

    /// Resolves an assertion's `from`.
    mutating func assertionSources(_ text: String, at: SourceLocation, name: String) -> Assertion.Source? {
        if text == "internet" { return .internet(nil) }
        if text == "workloads" {
            return .hosts(
                topology.workloads.enumerated().filter { !$0.element.onKubenet }.flatMap { w, workload in
                    workload.addresses.map { .workload(w, $0) }
                })
        }
        if let n = onPremIndex.indexes[text] { return .onPremises(n, nil) }
        if let v = vnetIndex.indexes[text] { return .hosts(hosts(inVNet: v, subnet: nil)) }
        if let s = subnetIndex.indexes[text] { return .hosts(hosts(inVNet: nil, subnet: s)) }
        if let w = workloadIndex.indexes[text] { return .hosts(topology.workloads[w].addresses.map { .workload(w, $0) }) }
        if let e = endpointIndex.indexes[text] {
            let endpoint = topology.endpoints[e]
            if let n = endpoint.onPremises { return .hosts([.onPremises(network: n, address: endpoint.address)]) }
            return .hosts([classify(endpoint.address)])
        }
        if let prefix = IPv4Prefix(text) {
            let space = AddressSpace([prefix])
            if let n = topology.onPremises.indices.first(where: { topology.onPremises[$0].addressPrefixes.contains { $0.overlaps(prefix) } }
            ) {
                return .onPremises(n, space)
            }
            if let v = topology.vnets.indices.first(where: { topology.vnets[$0].addressSpace.contains { $0.overlaps(prefix) } }) {
                return .hosts(hosts(inVNet: v, subnet: nil).filter { prefix.contains($0.address) })
            }
            return .internet(space)
        }
        let candidates =
            ["internet"] + Array(onPremIndex.indexes.keys) + Array(vnetIndex.indexes.keys) + Array(subnetIndex.indexes.keys)
            + Array(workloadIndex.indexes.keys)
        error(
            .unknownReference, at,
            "assertion '\(name)': from '\(text)' is not internet, an on-premises network, VNET, VNET/SUBNET, workload, endpoint or CIDR",
            hint: Suggestion.hint(for: text, in: candidates))
        return nil
    }

    /// Resolves an assertion's `to`.
    mutating func assertionDestinations(_ text: String, port: UInt16?, at: SourceLocation, name: String) -> [Assertion.Destination]? {
        if text == "frontends" {
            return topology.entryPoints().compactMap { entry in
                guard case .internet = entry.clients else { return nil }
                if case .flow = entry.kind { return nil }
                return Assertion.Destination(end: classify(entry.address), port: entry.port, fqdn: nil, label: entry.name)
            }
        }
        func needPort(_ implied: UInt16?) -> UInt16? {
            if let p = port ?? implied { return p }
            error(.missingField, at, "assertion '\(name)' needs a port for '\(text)'")
            return nil
        }
        if text == "internet" {
            guard let p = needPort(nil) else { return nil }
            return [Assertion.Destination(end: .internet(Flow.representativeInternetClient), port: p, fqdn: nil, label: "internet")]
        }
        if vnetIndex.indexes[text] != nil || subnetIndex.indexes[text] != nil {
            guard let p = needPort(nil) else { return nil }
            let ends =
                vnetIndex.indexes[text].map { hosts(inVNet: $0, subnet: nil) } ?? hosts(inVNet: nil, subnet: subnetIndex.indexes[text])
            var seen = Set<Int>()
            return ends.compactMap { end in
                guard case .workload(let w, _) = end, seen.insert(w).inserted else { return nil }
                return Assertion.Destination(end: end, port: p, fqdn: nil, label: topology.workloads[w].name)
            }
        }
        guard let (end, fqdn, implied) = resolveEnd(text, at: at, flow: name), let p = needPort(implied) else { return nil }
        return [Assertion.Destination(end: end, port: p, fqdn: fqdn, label: text)]
    }

    /// Every name a drop can be reported at.
    var elementNames: Set<String> {
        var names = Set<String>()
        for index in [
            workloadIndex, firewallIndex, lbIndex, appGatewayIndex, natIndex, gatewayIndex, onPremIndex, endpointIndex, vnetIndex,
            subnetIndex, publicIPIndex,
        ] {
            names.formUnion(index.indexes.keys)
        }
        names.formUnion(design.virtualNetworkPeerings.map(\.name))
        names.formUnion(topology.securityGroups.map(\.name))
        return names
    }
}
