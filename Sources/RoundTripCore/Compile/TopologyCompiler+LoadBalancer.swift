/// Load balancers (declared and the implicit AKS ones).
extension TopologyCompiler {
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
                        .frontendKind, fe.source.element, "frontend '\(fe.name)' has both a public IP and a private address; choose one")
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
                        .addressOutsideSubnet, fe.source["privateIPAddress"],
                        "frontend address \(address) is outside \(topology.subnets[subnet].qualifiedName) (\(topology.subnets[subnet].prefix))"
                    )
                }
                frontends.append(.init(name: fe.name, address: address, publicIP: nil, subnet: subnet, source: fe.source))
            } else {
                error(.missingField, fe.source.element, "frontend '\(fe.name)' needs publicIPAddress, or subnet and privateIPAddress")
                feNames.indexes[fe.name] = nil
            }
        }
        if publicCount > 0 && publicCount < frontends.count {
            error(
                .mixedLoadBalancer, spec.source.element,
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
                    error(.duplicateName, r.source.element, "duplicate rule name '\(r.name)' in load balancer '\(spec.name)'"); continue
                }
                guard
                    let fe = resolve(
                        r.frontendIPConfiguration, in: feNames, at: r.source["frontendIPConfiguration"], context: "rule '\(r.name)'")
                else { continue }
                var pool: Int?
                var target: LoadBalancer.Member?
                if kind == .loadBalancing {
                    guard let name = r.backendAddressPool else {
                        error(.missingField, r.source.element, "rule '\(r.name)' needs backendAddressPool"); continue
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
                            .inboundNatTarget, r.source["backendAddressPool"],
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
                        .haPortsPublic, r.source.element, "HA-ports rule '\(r.name)' is only available on internal load balancers (L8)")
                }
                if (r.frontendPort == 0) != (r.backendPort == 0) || (r.frontendPort == 0 && r.protocolType != .all) {
                    error(
                        .badPorts, r.source.element,
                        "rule '\(r.name)': ports 0 are only for HA ports (protocol All, frontendPort 0, backendPort 0)")
                }
                rules.append(rule)
            }
        }
        var outbound: [LoadBalancer.OutboundRule] = []
        for o in spec.outboundRules {
            if !ruleNames.insert(o.name).inserted {
                error(.duplicateName, o.source.element, "duplicate rule name '\(o.name)' in load balancer '\(spec.name)'"); continue
            }
            if !isPublic { error(.outboundInternal, o.source.element, "outbound rule '\(o.name)' needs a public load balancer (L6)") }
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
                    .outOfRange, o.source["allocatedOutboundPorts"],
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
}
