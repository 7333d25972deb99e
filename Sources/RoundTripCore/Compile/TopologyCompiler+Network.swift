/// Network resources: public IPs, route tables, NAT gateways, VNets and subnets, peerings, gateways, on-premises networks.
extension TopologyCompiler {
    mutating func compilePublicIPs() {
        for spec in design.publicIPAddresses {
            let index = topology.publicIPs.count
            guard register(spec.name, index, in: \.publicIPIndex, at: spec.source.element) else { continue }
            if spec.isPrefix && spec.prefix.length < 28 {
                error(
                    .publicIPPrefixSize, spec.source["ipPrefix"],
                    "public IP prefix '\(spec.name)' is \(spec.prefix); Azure public IP prefixes are /28 to /32")
                continue
            }
            if spec.prefix.network.isPrivate {
                error(
                    .privateIPAsPublic, spec.source[spec.isPrefix ? "ipPrefix" : "ipAddress"],
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
                .publicIPInUse, at, "public IP '\(name)' is already attached to \(previous)",
                hint: "a public IP resource is associated with one resource at a time")
            return nil
        }
        usedPublicIPs[index] = owner
        return index
    }

    /// The next hop a user may write (R6) and its address (R8); reports and returns false when it is not valid.
    mutating func checkNextHop(_ route: RouteSpec) -> Bool {
        let userTypes: [NextHopType] = [.virtualAppliance, .virtualNetworkGateway, .vnetLocal, .internet, .none]
        if !userTypes.contains(route.nextHopType) {
            error(
                .badValue, route.source["nextHopType"],
                "route '\(route.name)': nextHopType \(route.nextHopType.rawValue) is created by Azure only (R6); use one of \(userTypes.map(\.rawValue).joined(separator: ", "))"
            )
            return false
        }
        if route.nextHopType == .virtualAppliance && route.nextHopIpAddress == nil {
            error(.missingField, route.source.element, "route '\(route.name)': nextHopType VirtualAppliance needs nextHopIpAddress (R8)")
            return false
        }
        if route.nextHopType != .virtualAppliance && route.nextHopIpAddress != nil {
            error(
                .forbiddenField, route.source["nextHopIpAddress"],
                "route '\(route.name)': nextHopIpAddress is only allowed with nextHopType VirtualAppliance")
            return false
        }
        return true
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
                    error(.duplicateName, route.source.element, "duplicate route name '\(route.name)' in route table '\(spec.name)'")
                    continue
                }
                guard checkNextHop(route) else { continue }
                var prefixes: [IPv4Prefix] = []
                var tag: String?
                switch route.addressPrefix {
                case .prefix(let p): prefixes = [p]
                case .serviceTag(let name):
                    tagRoutes += 1
                    if let known = topology.serviceTags.prefixes(name) {
                        prefixes = known
                        tag = name
                    } else if ServiceTagTable.isValidName(name) {
                        // Azure accepts any service tag; offline, one no table defines covers no prefix.
                        tag = name
                        warn(
                            .unresolvedServiceTag, route.source["addressPrefix"],
                            "route '\(route.name)' in route table '\(spec.name)': service tag '\(name)' is unresolved, so the route matches nothing",
                            hint: unresolvedTagHint(name))
                    } else {
                        error(
                            .unknownServiceTag, route.source["addressPrefix"],
                            "route '\(route.name)': '\(name)' is neither a CIDR prefix nor a service tag name",
                            hint: Suggestion.hint(for: name, in: topology.serviceTags.names)
                                ?? "a service tag is letters and digits with an optional .Region suffix, e.g. AzureCloud.westeurope")
                    }
                }
                routes.append(
                    UserRoute(
                        name: route.name, serviceTag: tag, prefixes: prefixes, nextHopType: route.nextHopType,
                        nextHopIP: route.nextHopIpAddress, source: route.source))
            }
            if tagRoutes > 25 {
                error(
                    .tooManyServiceTagRoutes, spec.source.element,
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
                    .natGatewayAddresses, spec.source["publicIPAddresses"],
                    "NAT gateway '\(spec.name)' has \(addresses.count) public addresses; it needs 1 to 16 (N3)")
            }
            if !(4...120).contains(spec.idleTimeoutInMinutes) {
                error(
                    .outOfRange, spec.source["idleTimeoutInMinutes"],
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
                error(.missingField, spec.source.element, "virtual network '\(spec.name)' needs at least one addressSpace prefix")
            }
            for (i, a) in spec.addressSpace.enumerated() {
                for b in spec.addressSpace[(i + 1)...] where a.overlaps(b) {
                    error(
                        .overlappingAddressSpace, spec.source["addressSpace"],
                        "virtual network '\(spec.name)': address ranges \(a) and \(b) overlap")
                }
            }
            var subnetIndexes: [Int] = []
            var local = Set<String>()
            for subnetSpec in spec.subnets {
                let qualified = "\(spec.name)/\(subnetSpec.name)"
                if !local.insert(subnetSpec.name).inserted {
                    error(
                        .duplicateName, subnetSpec.source.element,
                        "duplicate subnet name '\(subnetSpec.name)' in virtual network '\(spec.name)'")
                    continue
                }
                if !spec.addressSpace.contains(where: { $0.contains(subnetSpec.addressPrefix) }) {
                    error(
                        .subnetOutsideVNet, subnetSpec.source["addressPrefix"],
                        "subnet '\(qualified)' prefix \(subnetSpec.addressPrefix) is outside the virtual network's address space \(spec.addressSpace.map(\.description).joined(separator: ", "))"
                    )
                }
                for other in subnetIndexes where topology.subnets[other].prefix.overlaps(subnetSpec.addressPrefix) {
                    error(
                        .overlappingSubnets, subnetSpec.source["addressPrefix"],
                        "subnet '\(qualified)' prefix \(subnetSpec.addressPrefix) overlaps subnet '\(topology.subnets[other].qualifiedName)' (\(topology.subnets[other].prefix))"
                    )
                }
                let role: SubnetRole
                switch subnetSpec.name {
                case "AzureFirewallSubnet": role = .azureFirewall
                case "AzureFirewallManagementSubnet": role = .azureFirewallManagement
                case "GatewaySubnet": role = .gateway
                case "AzureBastionSubnet": role = .bastion
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
                            .natOnGatewaySubnet, subnetSpec.source["natGateway"],
                            "a NAT gateway cannot be attached to GatewaySubnet (N1)")
                    }
                    if let nat {
                        if let other = natVNet[nat], other != vnetIndexValue {
                            error(
                                .natGatewayVNets, subnetSpec.source["natGateway"],
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
                error(.selfPeering, spec.source["to"], "peering '\(spec.name)' connects virtual network '\(spec.from)' to itself")
                continue
            }
            if byPair[[from, to]] != nil {
                error(.duplicatePeering, spec.source.element, "virtual network '\(spec.from)' already has a peering to '\(spec.to)'")
                continue
            }
            for a in topology.vnets[from].addressSpace {
                for b in topology.vnets[to].addressSpace where a.overlaps(b) {
                    error(
                        .overlappingPeeredAddressSpace, spec.source.element,
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
                    .useRemoteGateways, p.source["useRemoteGateways"],
                    "virtual network '\(topology.vnets[p.from].name)' sets useRemoteGateways on peerings '\(topology.peerings[other].name)' and '\(p.name)'; only one peering may (P2)"
                )
            }
            remoteUsers[p.from] = i
        }
    }

    mutating func compileGateways() {
        // One gateway of each type per VNet: keyed by VNet and type, so a third gateway is compared with its own kind.
        var perVNet: [VNetGatewayKey: Int] = [:]
        for spec in design.virtualNetworkGateways {
            let index = topology.gateways.count
            guard register(spec.name, index, in: \.gatewayIndex, at: spec.source.element) else { continue }
            guard let subnet = resolveSubnet(spec.subnet, at: spec.source["subnet"], context: "gateway '\(spec.name)'") else { continue }
            if topology.subnets[subnet].role != .gateway {
                error(
                    .gatewaySubnetName, spec.source["subnet"],
                    "gateway '\(spec.name)' must sit in a subnet named GatewaySubnet, not '\(topology.subnets[subnet].name)'")
            }
            let vnet = topology.subnets[subnet].vnet
            let key = VNetGatewayKey(vnet: vnet, type: spec.gatewayType)
            if let other = perVNet[key] {
                error(
                    .duplicateGateway, spec.source.element,
                    "virtual network '\(topology.vnets[vnet].name)' already has \(spec.gatewayType.rawValue) gateway '\(topology.gateways[other].name)'"
                )
            }
            perVNet[key] = index
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
                    .useRemoteGateways, p.source["useRemoteGateways"],
                    "peering '\(p.name)' sets useRemoteGateways but '\(topology.vnets[p.to].name)' \(remoteHasGateway ? "does not allow gateway transit on its peering back" : "has no gateway")",
                    hint: "set allowGatewayTransit: true on the remote side's peering (P2)")
            }
            if topology.gateways.contains(where: { $0.vnet == p.from }) {
                error(
                    .useRemoteGateways, p.source["useRemoteGateways"],
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
                        .overlappingOnPremises, spec.source["addressPrefixes"],
                        "on-premises prefix \(prefix) overlaps virtual network '\(vnet.name)'; Azure prefers the VNet route (R20)")
                }
            }
            topology.onPremises.append(
                OnPremisesNetwork(
                    name: spec.name, addressPrefixes: spec.addressPrefixes, gateway: gateway,
                    forcedTunnelDefaultRoute: spec.forcedTunnelDefaultRoute, source: spec.source))
        }
    }
}

/// A VNet and a gateway type: Azure allows one gateway of each type per VNet.
struct VNetGatewayKey: Hashable {
    var vnet: Int
    var type: GatewayType
}
