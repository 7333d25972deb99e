extension Topology {
    /// Checks a design and resolves every reference.
    ///
    /// - Returns: the topology, with warnings in ``findings``.
    /// - Throws: ``DesignError`` with every error found (unknown references with did-you-mean, addresses outside
    ///   their subnet, duplicates, overlapping peered address spaces, next hops nobody owns, …).
    public static func compile(_ design: Design) throws(DesignError) -> Topology {
        var compiler = TopologyCompiler(design)
        compiler.run()
        let errors = compiler.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DesignError(errors) }
        return compiler.topology
    }
}

/// Name → index for one kind of element, with did-you-mean on misses.
struct NameIndex {
    var kind: String
    var indexes: [String: Int] = [:]
    init(_ kind: String) { self.kind = kind }
}

struct TopologyCompiler {
    let design: Design
    var topology: Topology
    var diagnostics: [Diagnostic] = []
    var publicIPIndex = NameIndex("public IP address")
    var vnetIndex = NameIndex("virtual network")
    var subnetIndex = NameIndex("subnet")
    var routeTableIndex = NameIndex("route table")
    var natIndex = NameIndex("NAT gateway")
    var gatewayIndex = NameIndex("virtual network gateway")
    var onPremIndex = NameIndex("on-premises network")
    var lbIndex = NameIndex("load balancer")
    var firewallIndex = NameIndex("Azure Firewall")
    var appGatewayIndex = NameIndex("application gateway")
    var workloadIndex = NameIndex("workload")
    var clusterIndex = NameIndex("Kubernetes cluster")
    var endpointIndex = NameIndex("endpoint")
    var usedPublicIPs: [Int: String] = [:]

    init(_ design: Design) {
        self.design = design
        topology = Topology(
            name: design.name, file: design.file, region: design.region, options: design.options,
            serviceTags: ServiceTagTable(overrides: design.serviceTags))
    }

    // MARK: helpers

    mutating func error(_ code: String, _ at: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, code, at: at, message, hint: hint))
    }

    mutating func warn(_ code: String, _ at: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, code, at: at, message, hint: hint))
    }

    /// Registers a name in one of the compiler's indexes; reports a duplicate. Returns false on duplicate.
    mutating func register(_ name: String, _ index: Int, in path: WritableKeyPath<TopologyCompiler, NameIndex>, at: SourceLocation) -> Bool
    {
        var names = self[keyPath: path]
        let fresh = register(name, index, in: &names, at: at)
        self[keyPath: path] = names
        return fresh
    }

    /// Registers a name; reports a duplicate. Returns false on duplicate.
    mutating func register(_ name: String, _ index: Int, in names: inout NameIndex, at: SourceLocation) -> Bool {
        if names.indexes[name] != nil {
            error("duplicate-name", at, "duplicate \(names.kind) name '\(name)'", hint: "names must be unique within their kind")
            return false
        }
        names.indexes[name] = index
        return true
    }

    /// Resolves a reference, reporting an unknown name with a did-you-mean.
    mutating func resolve(_ name: String, in names: NameIndex, at: SourceLocation, context: String) -> Int? {
        if let index = names.indexes[name] { return index }
        error(
            "unknown-reference", at, "\(context) names \(names.kind) '\(name)', which the design does not define",
            hint: Suggestion.hint(for: name, in: names.indexes.keys) ?? known(names))
        return nil
    }

    func known(_ names: NameIndex) -> String {
        let all = names.indexes.keys.sorted()
        if all.isEmpty { return "the design defines no \(names.kind)" }
        let shown = all.prefix(6).map { "'\($0)'" }.joined(separator: ", ")
        return "known: \(shown)\(all.count > 6 ? ", …" : "")"
    }

    mutating func resolveSubnet(_ reference: String, at: SourceLocation, context: String) -> Int? {
        if let index = subnetIndex.indexes[reference] { return index }
        guard reference.contains("/") else {
            error(
                "bad-reference", at, "\(context): subnet reference '\(reference)' must be written VNET/SUBNET",
                hint: Suggestion.hint(for: reference, in: subnetIndex.indexes.keys))
            return nil
        }
        return resolve(reference, in: subnetIndex, at: at, context: context)
    }

    // MARK: run

    mutating func run() {
        // Phases run in dependency order. A phase with errors may leave a name registered without its element,
        // so later phases (which index by those names) run only on a clean model: every error of the first
        // failing phase is reported, and nothing ever indexes past an array.
        let phases: [(inout TopologyCompiler) -> Void] = [
            { $0.compilePublicIPs() }, { $0.compileRouteTables() }, { $0.compileNatGateways() }, { $0.compileVNets() },
            { $0.compilePeerings() }, { $0.compileGateways() }, { $0.compileOnPremises() }, { $0.compileWorkloads() },
            { $0.compileFirewalls() }, { $0.compileAppGateways() }, { $0.compileLoadBalancers() }, { $0.compileClusters() },
            { $0.indexAddresses() }, { $0.checkNextHops() }, { $0.compileEndpoints() }, { $0.compileFlows() },
            { $0.compileAssertions() },
        ]
        for phase in phases {
            phase(&self)
            if diagnostics.contains(where: { $0.severity == .error }) { return }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
        topology.reachableGateways = topology.vnets.indices.map { EffectiveRoutes.computeGateways(reachableFrom: $0, in: topology) }
        topology.advertisedVNets = topology.gateways.indices.map { g in
            Set(topology.vnets.indices.filter { topology.reachableGateways[$0].contains(g) })
        }
        topology.connectedPeers = topology.vnets.indices.map { v in
            topology.peerings.enumerated().compactMap { p, peering in peering.from == v && peering.reverse != nil ? (p, peering.to) : nil }
        }
        topology.effectiveRoutes = topology.subnets.indices.map { EffectiveRoutes.compute(for: $0, in: topology) }
        topology.findings = ConfigAudit.findings(in: topology)
    }

    mutating func compilePublicIPs() {
        for spec in design.publicIPAddresses {
            let index = topology.publicIPs.count
            guard register(spec.name, index, in: \.publicIPIndex, at: spec.source.element) else { continue }
            if spec.isPrefix && spec.prefix.length < 28 {
                error(
                    "public-ip-prefix-size", spec.source["ipPrefix"],
                    "public IP prefix '\(spec.name)' is \(spec.prefix); Azure public IP prefixes are /28 to /32")
                continue
            }
            if spec.prefix.network.isPrivate {
                error(
                    "private-public-ip", spec.source[spec.isPrefix ? "ipPrefix" : "ipAddress"],
                    "public IP '\(spec.name)' has private address \(spec.prefix)",
                    hint: "public IPs must be outside 10/8, 172.16/12, 192.168/16 and 100.64/10")
            }
            topology.publicIPs.append(PublicIP(name: spec.name, prefix: spec.prefix, source: spec.source))
        }
    }

    /// Attaches a public IP resource to one owner; a public IP can serve only one resource.
    mutating func claimPublicIP(_ name: String, by owner: String, at: SourceLocation) -> Int? {
        guard let index = resolve(name, in: publicIPIndex, at: at, context: owner) else { return nil }
        if let previous = usedPublicIPs[index], previous != owner {
            error(
                "public-ip-in-use", at, "public IP '\(name)' is already attached to \(previous)",
                hint: "a public IP resource is associated with one resource at a time")
            return nil
        }
        usedPublicIPs[index] = owner
        return index
    }

    mutating func compileRouteTables() {
        for spec in design.routeTables {
            let index = topology.routeTables.count
            guard register(spec.name, index, in: \.routeTableIndex, at: spec.source.element) else { continue }
            var seen = Set<String>()
            var routes: [UserRoute] = []
            var tagRoutes = 0
            for route in spec.routes {
                if !seen.insert(route.name).inserted {
                    error("duplicate-name", route.source.element, "duplicate route name '\(route.name)' in route table '\(spec.name)'")
                    continue
                }
                var prefixes: [IPv4Prefix] = []
                var tag: String?
                switch route.addressPrefix {
                case .prefix(let p): prefixes = [p]
                case .serviceTag(let name):
                    tagRoutes += 1
                    if let known = topology.serviceTags.prefixes(name) {
                        prefixes = known
                        tag = name
                    } else {
                        error(
                            "unknown-service-tag", route.source["addressPrefix"],
                            "route '\(route.name)': '\(name)' is neither a CIDR prefix nor a known service tag",
                            hint: Suggestion.hint(for: name, in: topology.serviceTags.names)
                                ?? "define it under serviceTags")
                    }
                }
                routes.append(
                    UserRoute(
                        name: route.name, serviceTag: tag, prefixes: prefixes, nextHopType: route.nextHopType,
                        nextHopIP: route.nextHopIpAddress, source: route.source))
            }
            if tagRoutes > 25 {
                error(
                    "too-many-service-tag-routes", spec.source.element,
                    "route table '\(spec.name)' has \(tagRoutes) service-tag routes; Azure allows 25 (R13a)")
            }
            topology.routeTables.append(
                RouteTable(
                    name: spec.name, disableBgpRoutePropagation: spec.disableBgpRoutePropagation, routes: routes,
                    source: spec.source))
        }
    }

    mutating func compileNatGateways() {
        for spec in design.natGateways {
            let index = topology.natGateways.count
            guard register(spec.name, index, in: \.natIndex, at: spec.source.element) else { continue }
            var pips: [Int] = []
            var addresses: [IPv4Address] = []
            for name in spec.publicIPAddresses {
                guard let pip = claimPublicIP(name, by: "NAT gateway '\(spec.name)'", at: spec.source["publicIPAddresses"]) else {
                    continue
                }
                pips.append(pip)
                addresses += topology.publicIPs[pip].addresses
            }
            if addresses.isEmpty || addresses.count > 16 {
                error(
                    "nat-gateway-addresses", spec.source["publicIPAddresses"],
                    "NAT gateway '\(spec.name)' has \(addresses.count) public addresses; it needs 1 to 16 (N3)")
            }
            if !(4...120).contains(spec.idleTimeoutInMinutes) {
                error(
                    "out-of-range", spec.source["idleTimeoutInMinutes"],
                    "idleTimeoutInMinutes must be 4 to 120, not \(spec.idleTimeoutInMinutes)")
            }
            topology.natGateways.append(
                NatGateway(
                    name: spec.name, publicIPs: pips, addresses: addresses,
                    idleTimeoutInMinutes: spec.idleTimeoutInMinutes, source: spec.source))
        }
    }

    mutating func compileVNets() {
        var natVNet: [Int: Int] = [:]
        for spec in design.virtualNetworks {
            let vnetIndexValue = topology.vnets.count
            guard register(spec.name, vnetIndexValue, in: \.vnetIndex, at: spec.source.element) else { continue }
            if spec.addressSpace.isEmpty {
                error("missing-field", spec.source.element, "virtual network '\(spec.name)' needs at least one addressSpace prefix")
            }
            for (i, a) in spec.addressSpace.enumerated() {
                for b in spec.addressSpace[(i + 1)...] where a.overlaps(b) {
                    error(
                        "overlapping-address-space", spec.source["addressSpace"],
                        "virtual network '\(spec.name)': address ranges \(a) and \(b) overlap")
                }
            }
            var subnetIndexes: [Int] = []
            var local = Set<String>()
            for subnetSpec in spec.subnets {
                let qualified = "\(spec.name)/\(subnetSpec.name)"
                if !local.insert(subnetSpec.name).inserted {
                    error(
                        "duplicate-name", subnetSpec.source.element,
                        "duplicate subnet name '\(subnetSpec.name)' in virtual network '\(spec.name)'")
                    continue
                }
                if !spec.addressSpace.contains(where: { $0.contains(subnetSpec.addressPrefix) }) {
                    error(
                        "subnet-outside-vnet", subnetSpec.source["addressPrefix"],
                        "subnet '\(qualified)' prefix \(subnetSpec.addressPrefix) is outside the virtual network's address space \(spec.addressSpace.map(\.description).joined(separator: ", "))"
                    )
                }
                for other in subnetIndexes where topology.subnets[other].prefix.overlaps(subnetSpec.addressPrefix) {
                    error(
                        "overlapping-subnets", subnetSpec.source["addressPrefix"],
                        "subnet '\(qualified)' prefix \(subnetSpec.addressPrefix) overlaps subnet '\(topology.subnets[other].qualifiedName)' (\(topology.subnets[other].prefix))"
                    )
                }
                let role: SubnetRole
                switch subnetSpec.name {
                case "AzureFirewallSubnet": role = .azureFirewall
                case "AzureFirewallManagementSubnet": role = .azureFirewallManagement
                case "GatewaySubnet": role = .gateway
                default: role = .regular
                }
                var routeTable: Int?
                if let name = subnetSpec.routeTable {
                    routeTable = resolve(name, in: routeTableIndex, at: subnetSpec.source["routeTable"], context: "subnet '\(qualified)'")
                }
                var nat: Int?
                if let name = subnetSpec.natGateway {
                    nat = resolve(name, in: natIndex, at: subnetSpec.source["natGateway"], context: "subnet '\(qualified)'")
                    if role == .gateway {
                        error(
                            "nat-on-gateway-subnet", subnetSpec.source["natGateway"],
                            "a NAT gateway cannot be attached to GatewaySubnet (N1)")
                    }
                    if let nat {
                        if let other = natVNet[nat], other != vnetIndexValue {
                            error(
                                "nat-gateway-vnets", subnetSpec.source["natGateway"],
                                "NAT gateway '\(name)' already serves virtual network '\(topology.vnets[other].name)'; one NAT gateway serves subnets of one VNet only (N1)"
                            )
                        }
                        natVNet[nat] = vnetIndexValue
                    }
                }
                let index = topology.subnets.count
                subnetIndex.indexes[qualified] = index
                subnetIndexes.append(index)
                topology.subnets.append(
                    Subnet(
                        name: subnetSpec.name, vnet: vnetIndexValue, qualifiedName: qualified,
                        prefix: subnetSpec.addressPrefix, routeTable: routeTable, natGateway: nat,
                        defaultOutboundAccess: subnetSpec.defaultOutboundAccess, role: role, source: subnetSpec.source))
            }
            topology.vnets.append(VNet(name: spec.name, addressSpace: spec.addressSpace, subnets: subnetIndexes, source: spec.source))
        }
    }

    mutating func compilePeerings() {
        var names = NameIndex("peering")
        var byPair: [[Int]: Int] = [:]
        for spec in design.virtualNetworkPeerings {
            let index = topology.peerings.count
            guard register(spec.name, index, in: &names, at: spec.source.element) else { continue }
            let from = resolve(spec.from, in: vnetIndex, at: spec.source["from"], context: "peering '\(spec.name)'")
            let to = resolve(spec.to, in: vnetIndex, at: spec.source["to"], context: "peering '\(spec.name)'")
            guard let from, let to else { continue }
            if from == to {
                error("self-peering", spec.source["to"], "peering '\(spec.name)' connects virtual network '\(spec.from)' to itself")
                continue
            }
            if byPair[[from, to]] != nil {
                error("duplicate-peering", spec.source.element, "virtual network '\(spec.from)' already has a peering to '\(spec.to)'")
                continue
            }
            for a in topology.vnets[from].addressSpace {
                for b in topology.vnets[to].addressSpace where a.overlaps(b) {
                    error(
                        "overlapping-peered-address-space", spec.source.element,
                        "peering '\(spec.name)': '\(spec.from)' (\(a)) and '\(spec.to)' (\(b)) have overlapping address spaces; Azure cannot peer them"
                    )
                }
            }
            byPair[[from, to]] = index
            topology.peerings.append(
                Peering(
                    name: spec.name, from: from, to: to, allowVirtualNetworkAccess: spec.allowVirtualNetworkAccess,
                    allowForwardedTraffic: spec.allowForwardedTraffic, allowGatewayTransit: spec.allowGatewayTransit,
                    useRemoteGateways: spec.useRemoteGateways, reverse: nil, source: spec.source))
        }
        for i in topology.peerings.indices {
            let p = topology.peerings[i]
            topology.peerings[i].reverse = byPair[[p.to, p.from]]
        }
        var remoteUsers: [Int: Int] = [:]
        for (i, p) in topology.peerings.enumerated() where p.useRemoteGateways {
            if let other = remoteUsers[p.from] {
                error(
                    "use-remote-gateways", p.source["useRemoteGateways"],
                    "virtual network '\(topology.vnets[p.from].name)' sets useRemoteGateways on peerings '\(topology.peerings[other].name)' and '\(p.name)'; only one peering may (P2)"
                )
            }
            remoteUsers[p.from] = i
        }
    }

    mutating func compileGateways() {
        var perVNet: [Int: Int] = [:]
        for spec in design.virtualNetworkGateways {
            let index = topology.gateways.count
            guard register(spec.name, index, in: \.gatewayIndex, at: spec.source.element) else { continue }
            guard let subnet = resolveSubnet(spec.subnet, at: spec.source["subnet"], context: "gateway '\(spec.name)'") else { continue }
            if topology.subnets[subnet].role != .gateway {
                error(
                    "gateway-subnet-name", spec.source["subnet"],
                    "gateway '\(spec.name)' must sit in a subnet named GatewaySubnet, not '\(topology.subnets[subnet].name)'")
            }
            let vnet = topology.subnets[subnet].vnet
            if let other = perVNet[vnet], topology.gateways[other].gatewayType == spec.gatewayType {
                error(
                    "duplicate-gateway", spec.source.element,
                    "virtual network '\(topology.vnets[vnet].name)' already has \(spec.gatewayType.rawValue) gateway '\(topology.gateways[other].name)'"
                )
            }
            perVNet[vnet] = index
            topology.gateways.append(
                VNetGateway(
                    name: spec.name, gatewayType: spec.gatewayType, subnet: subnet, vnet: vnet, bgpEnabled: spec.bgpEnabled,
                    source: spec.source))
        }
        // useRemoteGateways needs the remote side to offer transit and have a gateway.
        for p in topology.peerings where p.useRemoteGateways {
            let remoteHasGateway = topology.gateways.contains { $0.vnet == p.to }
            let transit = p.reverse.map { topology.peerings[$0].allowGatewayTransit } ?? false
            if !remoteHasGateway || !transit {
                error(
                    "use-remote-gateways", p.source["useRemoteGateways"],
                    "peering '\(p.name)' sets useRemoteGateways but '\(topology.vnets[p.to].name)' \(remoteHasGateway ? "does not allow gateway transit on its peering back" : "has no gateway")",
                    hint: "set allowGatewayTransit: true on the remote side's peering (P2)")
            }
            if topology.gateways.contains(where: { $0.vnet == p.from }) {
                error(
                    "use-remote-gateways", p.source["useRemoteGateways"],
                    "virtual network '\(topology.vnets[p.from].name)' has its own gateway and cannot use a remote one (P2)")
            }
        }
    }

    mutating func compileOnPremises() {
        for spec in design.onPremisesNetworks {
            let index = topology.onPremises.count
            guard register(spec.name, index, in: \.onPremIndex, at: spec.source.element) else { continue }
            guard
                let gateway = resolve(
                    spec.gateway, in: gatewayIndex, at: spec.source["gateway"], context: "on-premises network '\(spec.name)'")
            else { continue }
            for prefix in spec.addressPrefixes {
                for vnet in topology.vnets where vnet.addressSpace.contains(where: { $0.overlaps(prefix) }) {
                    warn(
                        "overlapping-on-premises", spec.source["addressPrefixes"],
                        "on-premises prefix \(prefix) overlaps virtual network '\(vnet.name)'; Azure prefers the VNet route (R20)")
                }
            }
            topology.onPremises.append(
                OnPremisesNetwork(
                    name: spec.name, addressPrefixes: spec.addressPrefixes, gateway: gateway,
                    forcedTunnelDefaultRoute: spec.forcedTunnelDefaultRoute, source: spec.source))
        }
    }

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
                error("missing-field", spec.source.element, "workload '\(spec.name)' needs at least one address in ipAddresses")
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
                    "bad-host", spec.source["hostedOn"],
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
    mutating func addressSet(_ entries: [String], at: SourceLocation, allowPublicIPNames: Bool = false) -> AddressSet {
        var ranges: [AddressRange] = []
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
            } else {
                var candidates = topology.serviceTags.names
                if allowPublicIPNames { candidates += publicIPIndex.indexes.keys }
                error(
                    "bad-address", at,
                    "'\(text)' is not an address, CIDR prefix, range (a.b.c.d-e.f.g.h), '*'\(allowPublicIPNames ? ", public IP name" : "") or known service tag",
                    hint: Suggestion.hint(for: text, in: candidates))
            }
        }
        return AddressSet(ranges: ranges, text: entries)
    }

    mutating func compileFirewalls() {
        for spec in design.azureFirewalls {
            let index = topology.firewalls.count
            guard register(spec.name, index, in: \.firewallIndex, at: spec.source.element) else { continue }
            guard let subnet = resolveSubnet(spec.subnet, at: spec.source["subnet"], context: "firewall '\(spec.name)'") else { continue }
            let sub = topology.subnets[subnet]
            if sub.role != .azureFirewall {
                error(
                    "firewall-subnet-name", spec.source["subnet"],
                    "Azure Firewall '\(spec.name)' must be in a subnet named AzureFirewallSubnet, not '\(sub.name)' (F1)")
            }
            if !sub.prefix.contains(spec.privateIPAddress) {
                error(
                    "address-outside-subnet", spec.source["privateIPAddress"],
                    "firewall private IP \(spec.privateIPAddress) is outside \(sub.qualifiedName) (\(sub.prefix))")
            }
            var instances = spec.instanceIPAddresses
            if instances.isEmpty {
                if spec.instanceCount < 1 || spec.instanceCount > 20 {
                    error("out-of-range", spec.source["instanceCount"], "instanceCount must be 1 to 20 (F16), not \(spec.instanceCount)")
                }
                instances = (1...max(1, min(spec.instanceCount, 20))).map { IPv4Address(spec.privateIPAddress.value &+ UInt32($0)) }
            }
            for address in instances where !sub.prefix.contains(address) {
                error(
                    "address-outside-subnet", spec.source["instanceIPAddresses"],
                    "firewall instance address \(address) is outside \(sub.qualifiedName) (\(sub.prefix))")
            }
            var pips: [Int] = []
            for name in spec.publicIPAddresses {
                if let pip = claimPublicIP(name, by: "firewall '\(spec.name)'", at: spec.source["publicIPAddresses"]) { pips.append(pip) }
            }
            let natCollections = spec.natRuleCollections.map { c in
                Firewall.Collection(
                    name: c.name, priority: c.priority, action: c.action,
                    rules: c.rules.map { r in
                        Firewall.NatRule(
                            name: r.name, protocols: r.protocols,
                            sources: addressSet(r.sourceAddresses, at: r.source["sourceAddresses"]),
                            destinations: addressSet(
                                r.destinationAddresses, at: r.source["destinationAddresses"], allowPublicIPNames: true),
                            ports: r.destinationPorts, translatedAddress: r.translatedAddress, translatedPort: r.translatedPort,
                            source: r.source)
                    }, source: c.source)
            }
            let networkCollections = spec.networkRuleCollections.map { c in
                Firewall.Collection(
                    name: c.name, priority: c.priority, action: c.action,
                    rules: c.rules.map { r in
                        Firewall.NetworkRule(
                            name: r.name, protocols: r.protocols, anyProtocol: r.anyProtocol,
                            sources: addressSet(r.sourceAddresses, at: r.source["sourceAddresses"]),
                            destinations: addressSet(r.destinationAddresses, at: r.source["destinationAddresses"]),
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
                                "unknown-fqdn-tag", r.source["fqdnTags"], "unknown FQDN tag '\(tag)'",
                                hint: Suggestion.hint(for: tag, in: FQDNTags.names) ?? "known: \(FQDNTags.names.joined(separator: ", "))")
                        }
                    }
                    rules.append(
                        Firewall.ApplicationRule(
                            name: r.name, sources: addressSet(r.sourceAddresses, at: r.source["sourceAddresses"]),
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
            topology.firewalls.append(
                Firewall(
                    name: spec.name, subnet: subnet, vnet: sub.vnet, privateIP: spec.privateIPAddress, instanceIPs: instances,
                    publicIPs: pips, publicAddresses: pips.flatMap { topology.publicIPs[$0].addresses },
                    snatPrivateRanges: spec.snatPrivateRanges ?? IPv4Prefix.ianaPrivateRanges,
                    snatRangesAreDefault: spec.snatPrivateRanges == nil, forcedTunneling: spec.forcedTunneling,
                    threatIntelMode: spec.threatIntelMode, natCollections: ordered(natCollections),
                    networkCollections: ordered(networkCollections), applicationCollections: ordered(appCollections),
                    source: spec.source))
            for c in natCollections {
                for r in c.rules {
                    for range in r.destinations.ranges where !design.options.allowPrivateDnat {
                        let coversPublic = topology.firewalls[index].publicAddresses.contains { range.contains($0) }
                        if !coversPublic {
                            error(
                                "dnat-destination", r.source["destinationAddresses"],
                                "DNAT rule '\(r.name)' destination \(range) is not a public IP of firewall '\(spec.name)'",
                                hint:
                                    "DNAT applies to the firewall's public IPs (F10); private DNAT needs options.allowPrivateDnat (F11, version-sensitive)"
                            )
                        }
                    }
                    for port in r.ports where port.upper > 63999 || port.lower == 0 {
                        error("dnat-port", r.source["destinationPorts"], "DNAT rule '\(r.name)' port \(port) is outside 1-63999 (F10)")
                    }
                }
            }
        }
    }

    mutating func checkCollections(_ collections: [(String, Int, SourceMap, [(String, SourceMap)])], firewall: String) {
        var names = Set<String>()
        for (name, priority, source, rules) in collections {
            if !names.insert(name).inserted {
                error("duplicate-name", source.element, "duplicate rule collection name '\(name)' in firewall '\(firewall)'")
            }
            if !(100...65000).contains(priority) {
                error("out-of-range", source["priority"], "rule collection '\(name)' priority must be 100 to 65000, not \(priority) (F6)")
            }
            var ruleNames = Set<String>()
            for (ruleName, ruleSource) in rules where !ruleNames.insert(ruleName).inserted {
                error("duplicate-name", ruleSource.element, "duplicate rule name '\(ruleName)' in collection '\(name)'")
            }
        }
    }

    /// Members of a backend pool: workload names and/or bare addresses.
    mutating func poolMembers(workloads: [String], addresses: [IPv4Address], at: SourceLocation, context: String) -> [LoadBalancer.Member] {
        var members: [LoadBalancer.Member] = []
        for name in workloads {
            guard let w = resolve(name, in: workloadIndex, at: at, context: context) else { continue }
            members += topology.workloads[w].addresses.map { LoadBalancer.Member(address: $0, workload: w) }
        }
        members += addresses.map { LoadBalancer.Member(address: $0, workload: nil) }
        return members
    }

    mutating func compileAppGateways() {
        for spec in design.applicationGateways {
            let index = topology.appGateways.count
            guard register(spec.name, index, in: \.appGatewayIndex, at: spec.source.element) else { continue }
            guard let subnet = resolveSubnet(spec.subnet, at: spec.source["subnet"], context: "application gateway '\(spec.name)'") else {
                continue
            }
            let sub = topology.subnets[subnet]
            if sub.role == .gateway || sub.role == .azureFirewall {
                error("appgw-subnet", spec.source["subnet"], "application gateway '\(spec.name)' cannot use \(sub.name) (A4)")
            }
            topology.subnets[subnet].role = .applicationGateway
            var instances = spec.instanceIPAddresses
            if instances.isEmpty {
                // Azure reserves the first four addresses; instances take the next ones (A4).
                instances = [4, 5].map { IPv4Address(sub.prefix.network.value &+ $0) }
            }
            for address in instances where !sub.prefix.contains(address) {
                error(
                    "address-outside-subnet", spec.source["instanceIPAddresses"],
                    "application gateway instance address \(address) is outside \(sub.qualifiedName)")
            }
            var frontends: [AppGateway.Frontend] = []
            var frontendNames: [String: Int] = [:]
            for fe in spec.frontendIPConfigurations {
                if frontendNames[fe.name] != nil {
                    error("duplicate-name", fe.source.element, "duplicate frontend name '\(fe.name)'"); continue
                }
                if let pipName = fe.publicIPAddress {
                    guard let pip = claimPublicIP(pipName, by: "application gateway '\(spec.name)'", at: fe.source["publicIPAddress"])
                    else { continue }
                    frontendNames[fe.name] = frontends.count
                    frontends.append(
                        .init(name: fe.name, address: topology.publicIPs[pip].prefix.network, isPublic: true, source: fe.source))
                } else if let address = fe.privateIPAddress {
                    if !sub.prefix.contains(address) {
                        error(
                            "address-outside-subnet", fe.source["privateIPAddress"],
                            "private frontend \(address) is outside \(sub.qualifiedName)")
                    }
                    frontendNames[fe.name] = frontends.count
                    frontends.append(.init(name: fe.name, address: address, isPublic: false, source: fe.source))
                } else {
                    error("missing-field", fe.source.element, "frontend '\(fe.name)' needs publicIPAddress or privateIPAddress")
                }
            }
            var pools: [AppGateway.Pool] = []
            var poolNames = NameIndex("backend pool")
            for pool in spec.backendAddressPools {
                guard register(pool.name, pools.count, in: &poolNames, at: pool.source.element) else { continue }
                var members = poolMembers(
                    workloads: pool.members, addresses: pool.ipAddresses, at: pool.source["members"], context: "pool '\(pool.name)'")
                var unresolved: [String] = []
                for fqdn in pool.fqdns {
                    if let endpoint = design.endpoints.first(where: { $0.fqdn?.lowercased() == fqdn.lowercased() }),
                        let address = endpoint.ipAddress
                    {
                        members.append(.init(address: address, workload: nil))
                    } else {
                        unresolved.append(fqdn)
                    }
                }
                pools.append(.init(name: pool.name, members: members, unresolvedFqdns: unresolved, source: pool.source))
            }
            var listeners: [AppGateway.Listener] = []
            var listenerNames = Set<String>()
            for l in spec.httpListeners {
                if !listenerNames.insert(l.name).inserted {
                    error("duplicate-name", l.source.element, "duplicate listener name '\(l.name)'"); continue
                }
                var feNames = NameIndex("frontend of '\(spec.name)'")
                feNames.indexes = frontendNames
                let fe = resolve(
                    l.frontendIPConfiguration, in: feNames, at: l.source["frontendIPConfiguration"], context: "listener '\(l.name)'")
                let pool = resolve(l.backendAddressPool, in: poolNames, at: l.source["backendAddressPool"], context: "listener '\(l.name)'")
                guard let fe, let pool else { continue }
                listeners.append(
                    .init(
                        name: l.name, frontend: fe, port: l.port, protocolKind: l.protocolKind, pool: pool, backendPort: l.backendPort,
                        source: l.source))
            }
            topology.appGateways.append(
                AppGateway(
                    name: spec.name, subnet: subnet, vnet: sub.vnet, instanceIPs: instances, frontends: frontends,
                    listeners: listeners, pools: pools, source: spec.source))
        }
    }

    /// Compiles one load balancer spec (explicit or expanded from an AKS cluster).
    mutating func compileLoadBalancer(_ spec: LoadBalancerSpec, implicit: Bool) {
        let index = topology.loadBalancers.count
        guard register(spec.name, index, in: \.lbIndex, at: spec.source.element) else { return }
        var frontends: [LoadBalancer.Frontend] = []
        var feNames = NameIndex("frontend of load balancer '\(spec.name)'")
        var publicCount = 0
        for fe in spec.frontendIPConfigurations {
            guard register(fe.name, frontends.count, in: &feNames, at: fe.source.element) else { continue }
            if let pipName = fe.publicIPAddress {
                if fe.subnet != nil || fe.privateIPAddress != nil {
                    error(
                        "frontend-kind", fe.source.element, "frontend '\(fe.name)' has both a public IP and a private address; choose one")
                }
                guard let pip = claimPublicIP(pipName, by: "load balancer '\(spec.name)'", at: fe.source["publicIPAddress"]) else {
                    feNames.indexes[fe.name] = nil; continue
                }
                publicCount += 1
                frontends.append(
                    .init(name: fe.name, address: topology.publicIPs[pip].prefix.network, publicIP: pip, subnet: nil, source: fe.source))
            } else if let subnetName = fe.subnet, let address = fe.privateIPAddress {
                guard let subnet = resolveSubnet(subnetName, at: fe.source["subnet"], context: "frontend '\(fe.name)'") else {
                    feNames.indexes[fe.name] = nil; continue
                }
                if !topology.subnets[subnet].prefix.contains(address) {
                    error(
                        "address-outside-subnet", fe.source["privateIPAddress"],
                        "frontend address \(address) is outside \(topology.subnets[subnet].qualifiedName) (\(topology.subnets[subnet].prefix))"
                    )
                }
                frontends.append(.init(name: fe.name, address: address, publicIP: nil, subnet: subnet, source: fe.source))
            } else {
                error("missing-field", fe.source.element, "frontend '\(fe.name)' needs publicIPAddress, or subnet and privateIPAddress")
                feNames.indexes[fe.name] = nil
            }
        }
        if publicCount > 0 && publicCount < frontends.count {
            error(
                "mixed-load-balancer", spec.source.element,
                "load balancer '\(spec.name)' mixes public and internal frontends; a load balancer is one or the other")
        }
        let isPublic = publicCount > 0
        var pools: [LoadBalancer.Pool] = []
        var poolNames = NameIndex("backend pool of load balancer '\(spec.name)'")
        for pool in spec.backendAddressPools {
            guard register(pool.name, pools.count, in: &poolNames, at: pool.source.element) else { continue }
            pools.append(
                .init(
                    name: pool.name,
                    members: poolMembers(
                        workloads: pool.members, addresses: pool.ipAddresses, at: pool.source["members"], context: "pool '\(pool.name)'"),
                    source: pool.source))
        }
        var rules: [LoadBalancer.Rule] = []
        var ruleNames = Set<String>()
        for (kind, list) in [(LoadBalancer.RuleKind.loadBalancing, spec.loadBalancingRules), (.inboundNat, spec.inboundNatRules)] {
            for r in list {
                if !ruleNames.insert(r.name).inserted {
                    error("duplicate-name", r.source.element, "duplicate rule name '\(r.name)' in load balancer '\(spec.name)'"); continue
                }
                guard
                    let fe = resolve(
                        r.frontendIPConfiguration, in: feNames, at: r.source["frontendIPConfiguration"], context: "rule '\(r.name)'")
                else { continue }
                var pool: Int?
                var target: LoadBalancer.Member?
                if kind == .loadBalancing {
                    guard let name = r.backendAddressPool else {
                        error("missing-field", r.source.element, "rule '\(r.name)' needs backendAddressPool"); continue
                    }
                    pool = resolve(name, in: poolNames, at: r.source["backendAddressPool"], context: "rule '\(r.name)'")
                    if pool == nil { continue }
                } else {
                    // An inbound NAT rule forwards to one address: its pool must hold exactly one.
                    guard let name = r.backendAddressPool,
                        let p = resolve(name, in: poolNames, at: r.source["backendAddressPool"], context: "inbound NAT rule '\(r.name)'")
                    else { continue }
                    guard pools[p].members.count == 1 else {
                        error(
                            "inbound-nat-target", r.source["backendAddressPool"],
                            "inbound NAT rule '\(r.name)' forwards to one address, but pool '\(pools[p].name)' holds \(pools[p].members.count)"
                        )
                        continue
                    }
                    target = pools[p].members[0]
                }
                let rule = LoadBalancer.Rule(
                    name: r.name, kind: kind, frontend: fe, pool: pool, target: target, protocolType: r.protocolType,
                    frontendPort: r.frontendPort, backendPort: r.backendPort, enableFloatingIP: r.enableFloatingIP, source: r.source)
                if rule.isHAPorts && isPublic {
                    error(
                        "ha-ports-public", r.source.element, "HA-ports rule '\(r.name)' is only available on internal load balancers (L8)")
                }
                if (r.frontendPort == 0) != (r.backendPort == 0) || (r.frontendPort == 0 && r.protocolType != .all) {
                    error(
                        "bad-ports", r.source.element,
                        "rule '\(r.name)': ports 0 are only for HA ports (protocol All, frontendPort 0, backendPort 0)")
                }
                rules.append(rule)
            }
        }
        var outbound: [LoadBalancer.OutboundRule] = []
        for o in spec.outboundRules {
            if !ruleNames.insert(o.name).inserted {
                error("duplicate-name", o.source.element, "duplicate rule name '\(o.name)' in load balancer '\(spec.name)'"); continue
            }
            if !isPublic { error("outbound-internal", o.source.element, "outbound rule '\(o.name)' needs a public load balancer (L6)") }
            var fes: [Int] = []
            for name in o.frontendIPConfigurations {
                if let fe = resolve(name, in: feNames, at: o.source["frontendIPConfigurations"], context: "outbound rule '\(o.name)'") {
                    fes.append(fe)
                }
            }
            guard
                let pool = resolve(
                    o.backendAddressPool, in: poolNames, at: o.source["backendAddressPool"], context: "outbound rule '\(o.name)'")
            else { continue }
            if o.allocatedOutboundPorts % 8 != 0 {
                error(
                    "out-of-range", o.source["allocatedOutboundPorts"],
                    "allocatedOutboundPorts must be a multiple of 8 (L15), not \(o.allocatedOutboundPorts)")
            }
            outbound.append(
                .init(
                    name: o.name, frontends: fes, pool: pool, allocatedOutboundPorts: o.allocatedOutboundPorts,
                    idleTimeoutInMinutes: o.idleTimeoutInMinutes, source: o.source))
        }
        topology.loadBalancers.append(
            LoadBalancer(
                name: spec.name, isPublic: isPublic, frontends: frontends, pools: pools, rules: rules,
                outboundRules: outbound, implicit: implicit, source: spec.source))
    }

    /// Compiles the declared load balancers with the AKS Services that land on them, then the load balancers AKS
    /// creates implicitly (`kubernetes`, `kubernetes-internal`), so each is compiled exactly once.
    mutating func compileLoadBalancers() {
        var specs = design.loadBalancers
        for cluster in design.kubernetesClusters {
            let name = cluster.loadBalancer ?? "kubernetes"
            for isInternalLB in [false, true] {
                let lbName = isInternalLB ? "\(name)-internal" : name
                let hasServices = cluster.services.contains { $0.isInternal == isInternalLB }
                let needsOutbound = !isInternalLB && cluster.outboundType == .loadBalancer
                if let i = specs.firstIndex(where: { $0.name == lbName }) {
                    if specs[i].backendAddressPools.isEmpty && hasServices {
                        var pool = LoadBalancerSpec.Pool(name: "kubernetes", source: cluster.source)
                        pool.members = cluster.nodePools
                        specs[i].backendAddressPools = [pool]
                    }
                    appendServices(cluster, to: &specs[i], isInternalLB: isInternalLB)
                } else if hasServices || needsOutbound {
                    specs.append(implicitLoadBalancer(for: cluster, name: lbName, isInternalLB: isInternalLB))
                }
            }
        }
        for (i, spec) in specs.enumerated() { compileLoadBalancer(spec, implicit: i >= design.loadBalancers.count) }
    }

    /// The load balancer AKS creates: node pools as backend, one frontend and rule per Service, and (outbound type
    /// `loadBalancer`) an outbound rule on the outbound IPs.
    func implicitLoadBalancer(for cluster: ClusterSpec, name: String, isInternalLB: Bool) -> LoadBalancerSpec {
        let at = cluster.source
        var spec = LoadBalancerSpec(name: name, source: at)
        var pool = LoadBalancerSpec.Pool(name: isInternalLB ? "kubernetes-internal" : "kubernetes", source: at)
        pool.members = cluster.nodePools
        spec.backendAddressPools = [pool]
        let outboundIPs = cluster.loadBalancerProfile?.outboundIPs ?? []
        if !isInternalLB && cluster.outboundType == .loadBalancer && !outboundIPs.isEmpty {
            var names: [String] = []
            for pip in outboundIPs {
                var fe = LoadBalancerSpec.Frontend(name: "outbound-\(pip)", source: cluster.loadBalancerProfile?.source ?? at)
                fe.publicIPAddress = pip
                names.append(fe.name)
                spec.frontendIPConfigurations.append(fe)
            }
            var rule = LoadBalancerSpec.OutboundRule(
                name: "aksOutboundRule", frontendIPConfigurations: names, backendAddressPool: pool.name,
                source: cluster.loadBalancerProfile?.source ?? at)
            rule.allocatedOutboundPorts = cluster.loadBalancerProfile?.allocatedOutboundPorts ?? 0
            rule.idleTimeoutInMinutes = cluster.loadBalancerProfile?.idleTimeoutInMinutes ?? 30
            spec.outboundRules = [rule]
        }
        appendServices(cluster, to: &spec, isInternalLB: isInternalLB)
        return spec
    }

    /// Adds Service frontends and rules to a load balancer spec.
    func appendServices(_ cluster: ClusterSpec, to spec: inout LoadBalancerSpec, isInternalLB: Bool) {
        let poolName = spec.backendAddressPools.first?.name ?? "kubernetes"
        let nodeSubnet = cluster.nodePools.first.flatMap { pool in design.workloads.first { $0.name == pool }?.subnet }
        for service in cluster.services where service.isInternal == isInternalLB {
            var fe = LoadBalancerSpec.Frontend(name: service.name, source: service.source)
            if isInternalLB {
                fe.privateIPAddress = service.privateIPAddress
                fe.subnet = nodeSubnet
            } else {
                fe.publicIPAddress = service.publicIPAddress
            }
            spec.frontendIPConfigurations.append(fe)
            var rule = LoadBalancerSpec.Rule(
                name: "\(service.name)-\(service.protocolType.rawValue)-\(service.port)", frontendIPConfiguration: service.name,
                protocolType: service.protocolType == .udp ? .udp : .tcp, frontendPort: service.port,
                backendPort: service.port, source: service.source)
            rule.backendAddressPool = poolName
            rule.enableFloatingIP = service.enableFloatingIP
            spec.loadBalancingRules.append(rule)
        }
    }

    mutating func compileClusters() {
        for spec in design.kubernetesClusters {
            let index = topology.clusters.count
            guard register(spec.name, index, in: \.clusterIndex, at: spec.source.element) else { continue }
            var pools: [Int] = []
            for name in spec.nodePools {
                guard let w = resolve(name, in: workloadIndex, at: spec.source["nodePools"], context: "cluster '\(spec.name)'") else {
                    continue
                }
                if topology.workloads[w].kind != .aksNodePool {
                    error(
                        "bad-node-pool", spec.source["nodePools"],
                        "cluster '\(spec.name)' node pool '\(name)' is a \(topology.workloads[w].kind.rawValue), not an aksNodePool")
                }
                pools.append(w)
                topology.workloads[w].cluster = index
                if spec.networkPlugin == "kubenet" { topology.workloads[w].enableIPForwarding = true }
            }
            if pools.isEmpty {
                error("missing-field", spec.source.element, "cluster '\(spec.name)' needs at least one node pool in nodePools")
            }
            // Pods of this cluster: those hosted on its node pools.
            for w in topology.workloads.indices where topology.workloads[w].kind == .pod {
                guard let host = topology.workloads[w].hostedOn, pools.contains(host) else { continue }
                topology.workloads[w].cluster = index
                if spec.networkPlugin == "kubenet" {
                    topology.workloads[w].onKubenet = true
                    guard let cidr = spec.podCidr else { continue }
                    for address in topology.workloads[w].addresses where !cidr.contains(address) {
                        error(
                            "address-outside-pod-cidr", topology.workloads[w].source["ipAddresses"],
                            "pod address \(address) is outside cluster '\(spec.name)' podCidr \(cidr)")
                    }
                }
            }
            if spec.networkPlugin == "kubenet" && spec.podCidr == nil {
                error("missing-field", spec.source.element, "cluster '\(spec.name)' uses kubenet and needs podCidr")
            }
            var nat: Int?
            if let name = spec.natGateway {
                nat = resolve(name, in: natIndex, at: spec.source["natGateway"], context: "cluster '\(spec.name)'")
            }
            if spec.outboundType == .managedNATGateway || spec.outboundType == .userAssignedNATGateway {
                // The NAT gateway must be attached to the node subnets (AKS-NAT).
                let natOnSubnets = pools.compactMap { topology.subnets[topology.workloads[$0].subnet].natGateway }
                if nat == nil { nat = natOnSubnets.first }
                if nat == nil {
                    error(
                        "missing-nat-gateway", spec.source["outboundType"],
                        "cluster '\(spec.name)' uses \(spec.outboundType.rawValue) but neither names a natGateway nor has one on its node subnets"
                    )
                }
                for w in pools where topology.subnets[topology.workloads[w].subnet].natGateway != nat {
                    if spec.outboundType == .managedNATGateway, let nat {
                        topology.subnets[topology.workloads[w].subnet].natGateway = nat  // AKS attaches it
                    } else {
                        error(
                            "nat-gateway-not-attached", spec.source["natGateway"],
                            "cluster '\(spec.name)' uses userAssignedNATGateway but subnet '\(topology.subnets[topology.workloads[w].subnet].qualifiedName)' has no natGateway '\(spec.natGateway ?? "")' attached (AKS-NAT)"
                        )
                    }
                }
            }
            let outboundIPs = (spec.loadBalancerProfile?.outboundIPs ?? []).compactMap { publicIPIndex.indexes[$0] }
            let lbName = spec.loadBalancer ?? "kubernetes"
            let lb = lbIndex.indexes[lbName]
            let internalLB = lbIndex.indexes["\(lbName)-internal"]
            if spec.outboundType == .loadBalancer && outboundIPs.isEmpty && spec.loadBalancerProfile?.managedOutboundIPCount == nil {
                warn(
                    "outbound-ips-unknown", spec.source["outboundType"],
                    "cluster '\(spec.name)' uses outboundType loadBalancer without loadBalancerProfile.outboundIPs; its egress address is unknown",
                    hint: "list the managed outbound public IPs under loadBalancerProfile.outboundIPs")
            }
            topology.clusters.append(
                Cluster(
                    name: spec.name, outboundType: spec.outboundType, networkPlugin: spec.networkPlugin,
                    podCidr: spec.podCidr, nodePools: pools, loadBalancer: lb, internalLoadBalancer: internalLB,
                    natGateway: nat, outboundIPs: outboundIPs,
                    managedOutboundIPCount: spec.loadBalancerProfile?.managedOutboundIPCount,
                    allocatedOutboundPorts: spec.loadBalancerProfile?.allocatedOutboundPorts ?? 0, source: spec.source))
        }
    }

    mutating func indexAddresses() {
        func claim(_ vnet: Int, _ address: IPv4Address, _ owner: AddressOwner, _ what: String, at: SourceLocation) {
            let key = VNetAddress(vnet: vnet, address: address)
            if let existing = topology.privateOwners[key], existing != owner {
                error(
                    "duplicate-address", at,
                    "\(address) in '\(topology.vnets[vnet].name)' is claimed by \(what) and by \(describe(existing))")
                return
            }
            topology.privateOwners[key] = owner
        }
        func claimPublic(_ address: IPv4Address, _ owner: PublicOwner, at: SourceLocation) {
            if let existing = topology.publicOwners[address], existing != owner {
                error("duplicate-address", at, "public address \(address) is used by two resources")
                return
            }
            topology.publicOwners[address] = owner
        }
        for (w, workload) in topology.workloads.enumerated() {
            let subnet = topology.subnets[workload.subnet]
            if workload.onKubenet {
                for address in workload.addresses { topology.podsByAddress[address] = w }
                continue
            }
            for address in workload.addresses {
                if !subnet.prefix.contains(address) {
                    error(
                        "address-outside-subnet", workload.source["ipAddresses"],
                        "workload '\(workload.name)' address \(address) is outside its subnet \(subnet.qualifiedName) (\(subnet.prefix))")
                    continue
                }
                claim(subnet.vnet, address, .nic(workload: w), "workload '\(workload.name)'", at: workload.source["ipAddresses"])
                if workload.kind == .pod { topology.podsByAddress[address] = w }
            }
            if let pip = workload.publicIP {
                claimPublic(topology.publicIPs[pip].prefix.network, .instancePublicIP(workload: w), at: workload.source["publicIPAddress"])
            }
        }
        for (l, lb) in topology.loadBalancers.enumerated() {
            for (f, fe) in lb.frontends.enumerated() {
                if let subnet = fe.subnet {
                    claim(
                        topology.subnets[subnet].vnet, fe.address, .loadBalancerFrontend(lb: l, frontend: f),
                        "load balancer '\(lb.name)' frontend '\(fe.name)'", at: fe.source["privateIPAddress"])
                } else {
                    claimPublic(fe.address, .loadBalancerFrontend(lb: l, frontend: f), at: fe.source["publicIPAddress"])
                }
            }
        }
        for (f, fw) in topology.firewalls.enumerated() {
            claim(fw.vnet, fw.privateIP, .firewallFrontend(firewall: f), "firewall '\(fw.name)'", at: fw.source["privateIPAddress"])
            for (i, address) in fw.instanceIPs.enumerated() {
                claim(
                    fw.vnet, address, .firewallInstance(firewall: f, instance: i), "firewall '\(fw.name)' instance \(i)",
                    at: fw.source.element)
            }
            for address in fw.publicAddresses { claimPublic(address, .firewall(firewall: f), at: fw.source["publicIPAddresses"]) }
        }
        for (g, agw) in topology.appGateways.enumerated() {
            for (i, address) in agw.instanceIPs.enumerated() {
                claim(
                    agw.vnet, address, .appGatewayInstance(gateway: g, instance: i), "application gateway '\(agw.name)' instance \(i)",
                    at: agw.source.element)
            }
            for (f, fe) in agw.frontends.enumerated() {
                if fe.isPublic {
                    claimPublic(fe.address, .appGatewayFrontend(gateway: g, frontend: f), at: fe.source.element)
                } else {
                    claim(
                        agw.vnet, fe.address, .appGatewayFrontend(gateway: g, frontend: f),
                        "application gateway '\(agw.name)' frontend '\(fe.name)'", at: fe.source.element)
                }
            }
        }
        for (n, nat) in topology.natGateways.enumerated() {
            for address in nat.addresses { claimPublic(address, .natGateway(natGateway: n), at: nat.source["publicIPAddresses"]) }
        }
    }

    func describe(_ owner: AddressOwner) -> String {
        switch owner {
        case .nic(let w): return "workload '\(topology.workloads[w].name)'"
        case .loadBalancerFrontend(let l, let f):
            return "load balancer '\(topology.loadBalancers[l].name)' frontend '\(topology.loadBalancers[l].frontends[f].name)'"
        case .firewallFrontend(let f): return "firewall '\(topology.firewalls[f].name)'"
        case .firewallInstance(let f, let i): return "firewall '\(topology.firewalls[f].name)' instance \(i)"
        case .appGatewayFrontend(let g, _), .appGatewayInstance(let g, _): return "application gateway '\(topology.appGateways[g].name)'"
        }
    }

    /// A VirtualAppliance next hop must be an address some NIC, internal LB frontend or firewall owns (R9, M5).
    mutating func checkNextHops() {
        for table in topology.routeTables {
            for route in table.routes where route.nextHopType == .virtualAppliance {
                guard let ip = route.nextHopIP else { continue }
                let owned = topology.vnets.indices.contains { v in
                    switch topology.privateOwners[VNetAddress(vnet: v, address: ip)] {
                    case .nic, .loadBalancerFrontend, .firewallFrontend, .firewallInstance: return true
                    default: return false
                    }
                }
                if !owned {
                    error(
                        "next-hop-not-owned", route.source["nextHopIpAddress"],
                        "route '\(route.name)' in '\(table.name)' sends traffic to \(ip), which no NIC, internal load balancer or firewall in the design owns; Azure drops such traffic (M5)",
                        hint: "add the appliance as a workload, or correct the next-hop address")
                }
            }
        }
    }

    mutating func compileEndpoints() {
        topology.endpoints.append(
            Endpoint(
                name: "internet", address: IPv4Address(203, 0, 113, 10), addressIsRepresentative: true, fqdn: nil,
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
                        "address-outside-network", spec.source["ipAddress"],
                        "endpoint '\(spec.name)' address \(address) is outside on-premises network '\(name)'")
                }
            }
            var address = spec.ipAddress
            var representative = false
            if address == nil {
                guard spec.fqdn != nil else {
                    error("missing-field", spec.source.element, "endpoint '\(spec.name)' needs ipAddress or fqdn")
                    continue
                }
                if let onPrem {
                    address = topology.onPremises[onPrem].addressPrefixes.first.map { IPv4Address($0.network.value &+ 10) }
                } else {
                    // Unknown public address: a representative from TEST-NET-2 (198.51.100.0/24).
                    address = IPv4Address(IPv4Address(198, 51, 100, 0).value &+ synthesized)
                    synthesized += 1
                }
                representative = true
            }
            topology.endpoints.append(
                Endpoint(
                    name: spec.name, address: address!, addressIsRepresentative: representative, fqdn: spec.fqdn, onPremises: onPrem,
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
            return (.workload(w, topology.workloads[w].addresses[0]), nil, nil)
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
                    "unknown-reference", at, "flow '\(flow)': load balancer '\(parent)' has no frontend '\(child)'",
                    hint: Suggestion.hint(for: child, in: topology.loadBalancers[l].frontends.map(\.name)))
                return nil
            }
            if let g = appGatewayIndex.indexes[parent] {
                let agw = topology.appGateways[g]
                if let listener = agw.listeners.first(where: { $0.name == child }) {
                    return (classify(agw.frontends[listener.frontend].address), nil, listener.port)
                }
                error(
                    "unknown-reference", at, "flow '\(flow)': application gateway '\(parent)' has no listener '\(child)'",
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
            "unknown-reference", at,
            "flow '\(flow)': '\(text)' is not an endpoint, workload, public IP, LB/FRONTEND, AGW/LISTENER or IPv4 address",
            hint: Suggestion.hint(for: text, in: candidates))
        return nil
    }

    /// Classifies a literal address by what owns it.
    func classify(_ address: IPv4Address) -> FlowEnd {
        if topology.publicOwners[address] != nil { return .publicAddress(address) }
        for v in topology.vnets.indices {
            switch topology.privateOwners[VNetAddress(vnet: v, address: address)] {
            case .nic(let w): return .workload(w, address)
            case .some: return .privateAddress(vnet: v, address: address)
            case nil: continue
            }
        }
        if let pod = topology.podsByAddress[address] { return .workload(pod, address) }
        for (n, network) in topology.onPremises.enumerated() where network.addressPrefixes.contains(where: { $0.contains(address) }) {
            return .onPremises(network: n, address: address)
        }
        return .internet(address)
    }

    mutating func compileFlows() {
        var names = Set<String>()
        for spec in design.flows {
            if !names.insert(spec.name).inserted {
                error("duplicate-name", spec.source.element, "duplicate flow name '\(spec.name)'")
                continue
            }
            let from = resolveEnd(spec.from, at: spec.source["from"], flow: spec.name)
            let to = resolveEnd(spec.to, at: spec.source["to"], flow: spec.name)
            guard let from, let to else { continue }
            guard let port = spec.port ?? to.port else {
                error("missing-field", spec.source.element, "flow '\(spec.name)' needs a destination port")
                continue
            }
            if case .privateAddress = from.0 {
                error(
                    "bad-flow-source", spec.source["from"],
                    "flow '\(spec.name)' starts at '\(spec.from)', which is a device frontend, not a host")
                continue
            }
            if case .publicAddress = from.0 {
                error(
                    "bad-flow-source", spec.source["from"],
                    "flow '\(spec.name)' starts at public address '\(spec.from)', which belongs to a device; start from a workload or endpoint"
                )
                continue
            }
            if from.0 == to.0 {
                error("bad-flow", spec.source["to"], "flow '\(spec.name)' starts and ends at the same address")
                continue
            }
            if let expected = spec.expectDroppedAt, !elementNames.contains(expected) {
                error(
                    "unknown-reference", spec.source["expectDroppedAt"],
                    "flow '\(spec.name)': expectDroppedAt names '\(expected)', which is no element of the design",
                    hint: Suggestion.hint(for: expected, in: elementNames))
            }
            topology.flows.append(
                Flow(
                    name: spec.name, fromText: spec.from, toText: spec.to, from: from.0, to: to.0, fqdn: to.fqdn,
                    port: port, sourcePort: spec.sourcePort ?? 50000, protocolType: spec.protocolType, expect: spec.expect,
                    expectDroppedAt: spec.expectDroppedAt, expectEgressIP: spec.expectEgressIP,
                    description: spec.description, source: spec.source))
        }
    }

    /// Compiles `assertions`: sources, destinations and checks, every name resolved.
    mutating func compileAssertions() {
        var names = Set<String>()
        for spec in design.assertions {
            if !names.insert(spec.name).inserted {
                error("duplicate-name", spec.source.element, "duplicate assertion name '\(spec.name)'")
                continue
            }
            if spec.expect == nil && spec.through == nil && spec.egressVia == nil && !spec.noDefaultOutboundAccess {
                error(
                    "missing-field", spec.source.element,
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
                error("missing-field", spec.source.element, "assertion '\(spec.name)' needs 'to'")
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
                    "unknown-reference", spec.source["through"],
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
                        "unknown-reference", spec.source["egressVia"],
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
            "unknown-reference", at,
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
            error("missing-field", at, "assertion '\(name)' needs a port for '\(text)'")
            return nil
        }
        if text == "internet" {
            guard let p = needPort(nil) else { return nil }
            return [Assertion.Destination(end: .internet(IPv4Address(203, 0, 113, 10)), port: p, fqdn: nil, label: "internet")]
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
        return names
    }
}
