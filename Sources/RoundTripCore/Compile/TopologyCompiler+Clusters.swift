/// AKS clusters: node pools, pods, implicit load balancers and outbound types.
extension TopologyCompiler {
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
                        .badNodePool, spec.source["nodePools"],
                        "cluster '\(spec.name)' node pool '\(name)' is a \(topology.workloads[w].kind.rawValue), not an aksNodePool")
                }
                pools.append(w)
                topology.workloads[w].cluster = index
                if spec.networkPlugin == "kubenet" { topology.workloads[w].enableIPForwarding = true }
            }
            if pools.isEmpty {
                error(.missingField, spec.source.element, "cluster '\(spec.name)' needs at least one node pool in nodePools")
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
                            .addressOutsidePodCidr, topology.workloads[w].source["ipAddresses"],
                            "pod address \(address) is outside cluster '\(spec.name)' podCidr \(cidr)")
                    }
                }
            }
            if spec.networkPlugin == "kubenet" && spec.podCidr == nil {
                error(.missingField, spec.source.element, "cluster '\(spec.name)' uses kubenet and needs podCidr")
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
                        .missingNatGateway, spec.source["outboundType"],
                        "cluster '\(spec.name)' uses \(spec.outboundType.rawValue) but neither names a natGateway nor has one on its node subnets"
                    )
                }
                for w in pools where topology.subnets[topology.workloads[w].subnet].natGateway != nat {
                    if spec.outboundType == .managedNATGateway, let nat {
                        topology.subnets[topology.workloads[w].subnet].natGateway = nat  // AKS attaches it
                    } else {
                        error(
                            .natGatewayNotAttached, spec.source["natGateway"],
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
                    .outboundIPsUnknown, spec.source["outboundType"],
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
}
