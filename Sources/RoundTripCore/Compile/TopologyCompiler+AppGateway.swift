/// Application Gateways and backend pool members.
extension TopologyCompiler {
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
                error(.appGatewaySubnet, spec.source["subnet"], "application gateway '\(spec.name)' cannot use \(sub.name) (A4)")
            }
            topology.subnets[subnet].role = .applicationGateway
            var instances = spec.instanceIPAddresses
            if instances.isEmpty {
                // Azure reserves the first four addresses; instances take the next ones (A4).
                instances = [4, 5].map { IPv4Address(sub.prefix.network.value &+ $0) }
            }
            for address in instances where !sub.prefix.contains(address) {
                error(
                    .addressOutsideSubnet, spec.source["instanceIPAddresses"],
                    "application gateway instance address \(address) is outside \(sub.qualifiedName)")
            }
            var frontends: [AppGateway.Frontend] = []
            var frontendNames: [String: Int] = [:]
            for fe in spec.frontendIPConfigurations {
                if frontendNames[fe.name] != nil {
                    error(.duplicateName, fe.source.element, "duplicate frontend name '\(fe.name)'"); continue
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
                            .addressOutsideSubnet, fe.source["privateIPAddress"],
                            "private frontend \(address) is outside \(sub.qualifiedName)")
                    }
                    frontendNames[fe.name] = frontends.count
                    frontends.append(.init(name: fe.name, address: address, isPublic: false, source: fe.source))
                } else {
                    error(.missingField, fe.source.element, "frontend '\(fe.name)' needs publicIPAddress or privateIPAddress")
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
                    error(.duplicateName, l.source.element, "duplicate listener name '\(l.name)'"); continue
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
}
