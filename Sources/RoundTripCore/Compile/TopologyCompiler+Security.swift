/// Network and application security groups, their associations, and Bastion hosts (azure-semantics §12, §14).
extension TopologyCompiler {
    /// Azure's six default rules (G6), appended after a group's own rules.
    static let defaultRules:
        [(
            name: String, priority: Int, direction: SecurityGroupSpec.Direction, access: SecurityGroupSpec.Access, source: String,
            destination: String
        )] = [
            ("AllowVnetInBound", 65000, .inbound, .allow, "VirtualNetwork", "VirtualNetwork"),
            ("AllowAzureLoadBalancerInBound", 65001, .inbound, .allow, "AzureLoadBalancer", "*"),
            ("DenyAllInBound", 65500, .inbound, .deny, "*", "*"),
            ("AllowVnetOutBound", 65000, .outbound, .allow, "VirtualNetwork", "VirtualNetwork"),
            ("AllowInternetOutBound", 65001, .outbound, .allow, "*", "Internet"),
            ("DenyAllOutBound", 65500, .outbound, .deny, "*", "*"),
        ]

    /// The health-probe and platform address behind `AzureLoadBalancer` (G12) and part of `VirtualNetwork` (G10).
    static let hostAddress = IPv4Prefix(host: IPv4Address(168, 63, 129, 16))

    mutating func compileSecurityGroups() {
        var asgNames = NameIndex("application security group")
        for spec in design.applicationSecurityGroups {
            guard register(spec.name, topology.applicationSecurityGroups.count, in: &asgNames, at: spec.source.element) else { continue }
            topology.applicationSecurityGroups.append(spec.name)
        }
        var nsgNames = NameIndex("network security group")
        for spec in design.networkSecurityGroups {
            guard register(spec.name, topology.securityGroups.count, in: &nsgNames, at: spec.source.element) else { continue }
            var inbound: [SecurityGroup.Rule] = []
            var outbound: [SecurityGroup.Rule] = []
            var seen: [String: String] = [:]
            for rule in spec.securityRules {
                if !(100...4096).contains(rule.priority) {
                    error(
                        .outOfRange, rule.source["priority"],
                        "security rule '\(rule.name)': priority must be 100 to 4096 (G5), not \(rule.priority)")
                }
                let key = "\(rule.direction.rawValue) \(rule.priority)"
                if let other = seen[key] {
                    error(
                        .duplicateName, rule.source["priority"],
                        "security rule '\(rule.name)' has the same priority and direction as '\(other)' in NSG '\(spec.name)' (G5)")
                }
                seen[key] = rule.name
                let context = "security rule '\(rule.name)' of NSG '\(spec.name)'"
                let compiled = SecurityGroup.Rule(
                    name: rule.name, priority: rule.priority, direction: rule.direction, access: rule.access,
                    protocolType: rule.protocolType,
                    sources: securityMatch(
                        rule.sourceAddressPrefixes, groups: rule.sourceApplicationSecurityGroups, asgNames, rule.source, "source", context),
                    destinations: securityMatch(
                        rule.destinationAddressPrefixes, groups: rule.destinationApplicationSecurityGroups, asgNames, rule.source,
                        "destination", context),
                    sourcePorts: rule.sourcePortRanges, destinationPorts: rule.destinationPortRanges, isDefault: false, source: rule.source)
                if rule.direction == .inbound { inbound.append(compiled) } else { outbound.append(compiled) }
            }
            for d in Self.defaultRules {
                let rule = SecurityGroup.Rule(
                    name: d.name, priority: d.priority, direction: d.direction, access: d.access, protocolType: .any,
                    sources: securityMatch([d.source], groups: [], asgNames, spec.source, "source", "default rule"),
                    destinations: securityMatch([d.destination], groups: [], asgNames, spec.source, "destination", "default rule"),
                    sourcePorts: [.any], destinationPorts: [.any], isDefault: true, source: SourceMap(element: spec.source.element))
                if d.direction == .inbound { inbound.append(rule) } else { outbound.append(rule) }
            }
            topology.securityGroups.append(
                SecurityGroup(
                    name: spec.name, inbound: inbound.sorted { $0.priority < $1.priority },
                    outbound: outbound.sorted { $0.priority < $1.priority },
                    source: spec.source))
        }
        // Associations: subnets and NICs.
        for vnet in design.virtualNetworks {
            for subnet in vnet.subnets {
                guard let s = subnetIndex.indexes["\(vnet.name)/\(subnet.name)"], s < topology.subnets.count else { continue }
                topology.subnets[s].privateEndpointNetworkPolicies = subnet.privateEndpointNetworkPolicies
                guard let name = subnet.networkSecurityGroup else { continue }
                topology.subnets[s].networkSecurityGroup = resolve(
                    name, in: nsgNames, at: subnet.source["networkSecurityGroup"], context: "subnet '\(vnet.name)/\(subnet.name)'")
            }
        }
        for spec in design.workloads {
            guard let w = compiledWorkload(spec.name) else { continue }
            topology.workloads[w].fqdn = spec.fqdn
            topology.workloads[w].privateLinkResource = spec.privateLinkResource
            if let name = spec.networkSecurityGroup {
                topology.workloads[w].networkSecurityGroup = resolve(
                    name, in: nsgNames, at: spec.source["networkSecurityGroup"], context: "workload '\(spec.name)'")
            }
            topology.workloads[w].applicationSecurityGroups = spec.applicationSecurityGroups.compactMap {
                resolve($0, in: asgNames, at: spec.source["applicationSecurityGroups"], context: "workload '\(spec.name)'")
            }
        }
        checkGroupVNets()
    }

    /// G14: all NICs of an ASG must be in the VNet of the first member; Azure refuses the association otherwise.
    mutating func checkGroupVNets() {
        var firstVNet: [Int: (vnet: Int, workload: String)] = [:]
        for workload in topology.workloads {
            let vnet = topology.subnets[workload.subnet].vnet
            for g in workload.applicationSecurityGroups {
                guard let first = firstVNet[g] else {
                    firstVNet[g] = (vnet, workload.name)
                    continue
                }
                if first.vnet != vnet {
                    error(
                        .badReference, workload.source["applicationSecurityGroups"],
                        "workload '\(workload.name)' joins application security group '\(topology.applicationSecurityGroups[g])', whose members are in virtual network '\(topology.vnets[first.vnet].name)' (first: '\(first.workload)'); all members must share one VNet (G14)"
                    )
                }
            }
        }
    }

    /// Compiles a rule side: `*`, addresses and CIDRs, service tags, ASGs.
    mutating func securityMatch(
        _ entries: [String], groups: [String], _ asgNames: NameIndex, _ source: SourceMap, _ side: String, _ context: String
    ) -> SecurityAddressMatch {
        var match = SecurityAddressMatch(text: entries + groups)
        let field = source["\(side)AddressPrefixes"] == source.element ? source["\(side)AddressPrefix"] : source["\(side)AddressPrefixes"]
        if entries.isEmpty && groups.isEmpty { match.any = true }
        for entry in entries {
            let text = entry.trimmingSpaces
            switch text.lowercased() {
            case "*", "any": match.any = true
            case "virtualnetwork": match.virtualNetwork = true
            case "internet": match.internet = true
            case "azureloadbalancer": match.ranges.append(AddressRange(Self.hostAddress))
            default:
                if let prefix = IPv4Prefix(text) {
                    match.ranges.append(AddressRange(prefix))
                } else if text.contains("-"), case let parts = text.split(separator: "-"), parts.count == 2,
                    let low = IPv4Address(parts[0]), let high = IPv4Address(parts[1])
                {
                    match.ranges.append(AddressRange(low, high))
                } else if let known = topology.serviceTags.prefixes(text) {
                    match.ranges += known.map(AddressRange.init)
                } else if ServiceTagTable.isValidName(text) {
                    // G13: tags that cannot be resolved offline match no traced packet.
                    warn(
                        .unresolvedServiceTag, field,
                        "\(context): service tag '\(text)' in the \(side) is unresolved, so it matches no traced packet (G13)",
                        hint: "load Azure's Service Tags JSON with --service-tags FILE, or define it under serviceTags")
                } else {
                    error(.badAddress, field, "\(context): '\(text)' is not an address, CIDR prefix, range, '*' or service tag")
                }
            }
        }
        for name in groups {
            if let g = resolve(name, in: asgNames, at: source["\(side)ApplicationSecurityGroups"], context: context) {
                match.groups.append(g)
            }
        }
        return match
    }

    /// G10: per subnet, what `VirtualNetwork` covers — its VNet's ranges, every directly connected peer's, the gateway
    /// routes it learns, every prefix of its route table (0.0.0.0/0 included) and the host address.
    mutating func computeVirtualNetworkTag() {
        topology.virtualNetworkTag = topology.subnets.indices.map { s in
            let subnet = topology.subnets[s]
            var prefixes = topology.vnets[subnet.vnet].addressSpace
            for (_, peer) in topology.peerGraph.connectedPeers[subnet.vnet] { prefixes += topology.vnets[peer].addressSpace }
            for route in topology.effectiveRoutes[s].routes where route.source == .virtualNetworkGateway {
                prefixes.append(route.prefix)
            }
            if let table = subnet.routeTable { prefixes += topology.routeTables[table].routes.flatMap(\.prefixes) }
            prefixes.append(Self.hostAddress)
            return prefixes
        }
    }

    /// Bastion hosts (B1–B3): each becomes a workload at its instance addresses in AzureBastionSubnet, so flows can
    /// start at it, and a host record for findings.
    mutating func compileBastions() {
        for spec in design.bastionHosts {
            let index = topology.workloads.count
            guard register(spec.name, index, in: \.workloadIndex, at: spec.source.element) else { continue }
            guard let subnet = resolveSubnet(spec.subnet, at: spec.source["subnet"], context: "Bastion host '\(spec.name)'") else {
                continue
            }
            let sub = topology.subnets[subnet]
            if sub.role != .bastion {
                error(
                    .badReference, spec.source["subnet"],
                    "Bastion host '\(spec.name)' must be in a subnet named AzureBastionSubnet, not '\(sub.name)' (B1)")
            }
            var pip: Int?
            if let name = spec.publicIPAddress {
                pip = claimPublicIP(name, by: "Bastion host '\(spec.name)'", at: spec.source["publicIPAddress"])
            }
            var instances = spec.instanceIPAddresses
            if instances.isEmpty { instances = [4, 5].map { IPv4Address(sub.prefix.network.value &+ $0) } }
            for address in instances where !sub.prefix.contains(address) {
                error(
                    .addressOutsideSubnet, spec.source["instanceIPAddresses"],
                    "Bastion instance address \(address) is outside \(sub.qualifiedName) (\(sub.prefix))")
            }
            var workload = Workload(
                name: spec.name, kind: .vm, subnet: subnet, addresses: instances, publicIP: nil, enableIPForwarding: false, stateful: false,
                snat: false, hostedOn: nil, cluster: nil, onKubenet: false, source: spec.source)
            workload.bastion = topology.bastions.count
            topology.workloads.append(workload)
            topology.bastions.append(Bastion(name: spec.name, subnet: subnet, workload: index, publicIP: pip, source: spec.source))
        }
    }
}
