/// Workloads (VMs, NVAs, node pools, pods) and address lists.
extension TopologyCompiler {
    mutating func compileWorkloads() {
        for spec in design.workloads {
            let index = topology.workloads.count
            guard register(spec.name, index, in: \.workloadIndex, at: spec.source.element) else { continue }
            // A pod may omit its subnet: it lives in its node pool's.
            var subnetName = spec.subnet
            if subnetName.isEmpty, let host = spec.hostedOn, let hostSpec = design.workloads.first(where: { $0.name == host }) {
                subnetName = hostSpec.subnet
            }
            guard let subnet = resolveSubnet(subnetName, at: spec.source["subnet"], context: "workload '\(spec.name)'") else { continue }
            if spec.ipAddresses.isEmpty {
                error(.missingField, spec.source.element, "workload '\(spec.name)' needs at least one address in ipAddresses")
            }
            var pip: Int?
            if let name = spec.publicIPAddress {
                pip = claimPublicIP(name, by: "workload '\(spec.name)'", at: spec.source["publicIPAddress"])
            }
            topology.workloads.append(
                Workload(
                    name: spec.name, kind: spec.kind, subnet: subnet, addresses: spec.ipAddresses, publicIP: pip,
                    enableIPForwarding: spec.enableIPForwarding ?? false, stateful: spec.stateful, snat: spec.snat,
                    hostedOn: nil, cluster: nil, onKubenet: false, source: spec.source))
        }
        // Second pass: pods' hosts (all workloads are known now). Only workloads that compiled take part.
        for spec in design.workloads {
            guard let host = spec.hostedOn, let index = compiledWorkload(spec.name) else { continue }
            // An unknown host is reported here; a host that failed to compile has its own error already.
            guard resolve(host, in: workloadIndex, at: spec.source["hostedOn"], context: "pod '\(spec.name)'") != nil,
                let hostWorkload = compiledWorkload(host)
            else { continue }
            if topology.workloads[hostWorkload].kind != .aksNodePool {
                error(
                    .badHost, spec.source["hostedOn"],
                    "pod '\(spec.name)' is hosted on '\(host)', which is a \(topology.workloads[hostWorkload].kind.rawValue), not an aksNodePool"
                )
            }
            topology.workloads[index].hostedOn = hostWorkload
        }
    }

    /// The index of a workload that compiled (its name registered and its element appended), or nil.
    func compiledWorkload(_ name: String) -> Int? {
        guard let index = workloadIndex.indexes[name], index < topology.workloads.count, topology.workloads[index].name == name else {
            return nil
        }
        return index
    }

    /// Compiles a firewall address list (`*`, IP, CIDR, range, service tag, and for DNAT public-IP names).
    ///
    /// A well-formed service tag that no table defines adds no address and is warned about (`unresolved-service-tag`)
    /// naming `rule` and `field`; when nothing in the list resolves, the rule matches nothing. DNAT destinations
    /// (`allowPublicIPNames`) must still resolve: there an unknown name is an error.
    mutating func addressSet(
        _ entries: [String], at: SourceLocation, rule: String, field: String, allowPublicIPNames: Bool = false
    ) -> AddressSet {
        var ranges: [AddressRange] = []
        var unresolved: [String] = []
        for entry in entries {
            let text = entry.trimmingSpaces
            if text == "*" {
                ranges.append(.all)
            } else if let prefix = IPv4Prefix(text) {
                ranges.append(AddressRange(prefix))
            } else if text.contains("-"), case let parts = text.split(separator: "-"), parts.count == 2,
                let low = IPv4Address(parts[0]), let high = IPv4Address(parts[1])
            {
                ranges.append(AddressRange(low, high))
            } else if let prefixes = topology.serviceTags.prefixes(text) {
                ranges += prefixes.map(AddressRange.init)
            } else if allowPublicIPNames, let pip = publicIPIndex.indexes[text] {
                ranges.append(AddressRange(topology.publicIPs[pip].prefix))
            } else if !allowPublicIPNames, ServiceTagTable.isValidName(text) {
                unresolved.append(text)
            } else {
                var candidates = topology.serviceTags.names
                if allowPublicIPNames { candidates += publicIPIndex.indexes.keys }
                error(
                    .badAddress, at,
                    "'\(text)' is not an address, CIDR prefix, range (a.b.c.d-e.f.g.h), '*'\(allowPublicIPNames ? ", public IP name" : "") or service tag",
                    hint: Suggestion.hint(for: text, in: candidates))
            }
        }
        for tag in unresolved {
            let effect = ranges.isEmpty ? "the rule's \(field) match nothing, so the rule never applies" : "it adds no address to \(field)"
            warn(
                .unresolvedServiceTag, at, "\(rule): service tag '\(tag)' in \(field) is unresolved; \(effect)",
                hint: unresolvedTagHint(tag))
        }
        return AddressSet(ranges: ranges, text: entries)
    }
}
