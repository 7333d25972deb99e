import RoundTripCore

/// One network interface as the builder reads it: its subnet, addresses, public IP, forwarding and pool back-references.
struct AzureNIC {
    let resource: AzureResource
    var subnet: String?
    var addresses: [(IPv4Address, subnet: String?)] = []
    var publicIP: String?
    var forwarding: Bool?
    var pools: [String] = []
    var configurationIDs: [String] = []
    var securityGroup: String?
    var applicationSecurityGroups: [String] = []
    let location: SourceLocation
}

extension AzureDesignBuilder {
    /// The NIC resource types: standalone NICs and the instance NICs of scale sets.
    static let nicTypes = [
        "Microsoft.Network/networkInterfaces", "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/networkInterfaces",
    ]

    static func nic(_ resource: AzureResource, _ context: AzureBuildContext) -> AzureNIC {
        let props = AzureProps(properties: resource, context: context)
        var nic = AzureNIC(resource: resource, location: resource.source)
        nic.forwarding = props.bool("enableIPForwarding")
        nic.securityGroup = context.name(
            of: props.ref("networkSecurityGroup"), from: resource, "properties.networkSecurityGroup",
            at: props.location("networkSecurityGroup"))
        for element in props.objects("ipConfigurations") {
            let p = element.properties
            if let id = element.string("id") { nic.configurationIDs.append(AzureResourceID.normalize(id)) }
            let subnet = context.subnet(p.ref("subnet"), from: resource, "ipConfigurations.subnet", at: p.location("subnet"))
            if nic.subnet == nil { nic.subnet = subnet }
            if let address = p.address("privateIPAddress") {
                nic.addresses.append((address, subnet))
            } else if !p.has("privateIPAddress") {
                context.unknown(
                    resource, "ipConfigurations.privateIPAddress", "no private address in the input (dynamic, not allocated yet?)",
                    at: p.location)
            }
            if nic.publicIP == nil {
                nic.publicIP = context.name(
                    of: p.ref("publicIPAddress"), from: resource, "ipConfigurations.publicIPAddress", at: p.location("publicIPAddress"))
            }
            nic.pools += p.refs("loadBalancerBackendAddressPools") + p.refs("applicationGatewayBackendAddressPools")
            for ref in p.strings("applicationSecurityGroups") {
                if let name = context.name(
                    of: AzureResourceID.normalize(ref.text), from: resource, "ipConfigurations.applicationSecurityGroups", at: ref.location),
                    !nic.applicationSecurityGroups.contains(name)
                {
                    nic.applicationSecurityGroups.append(name)
                }
            }
        }
        return nic
    }

    /// Makes a workload of NICs, registering it as their owner and as a member of their pools.
    @discardableResult
    static func workload(
        _ name: String, kind: WorkloadKind, nics: [AzureNIC], owner: AzureResource, at source: SourceLocation, _ context: AzureBuildContext
    ) -> Bool {
        guard let subnet = nics.lazy.compactMap(\.subnet).first else {
            context.unknown(owner, "workload \(name)", "none of its network interfaces has a subnet in the inputs; no workload is made")
            return false
        }
        var addresses: [IPv4Address] = []
        for nic in nics {
            context.handled.insert(AzureResourceID.normalize(nic.resource.id))
            context.read(nic.resource)
            context.owners[AzureResourceID.normalize(nic.resource.id)] = name
            for id in nic.configurationIDs { context.owners[id] = name }
            for pool in nic.pools where context.poolMembers[pool]?.contains(name) != true {
                context.poolMembers[pool, default: []].append(name)
            }
            for (address, addressSubnet) in nic.addresses {
                if addressSubnet == subnet {
                    addresses.append(address)
                } else {
                    context.skip(
                        nic.resource, "address \(address)",
                        "a workload lives in one subnet; \(address) in \(addressSubnet ?? "another subnet") is left out of '\(name)'")
                }
            }
        }
        var spec = WorkloadSpec(name: name, kind: kind, subnet: subnet, ipAddresses: addresses, source: SourceMap(element: source))
        let forwarding = nics.compactMap(\.forwarding)
        if !forwarding.isEmpty { spec.enableIPForwarding = forwarding.contains(true) }
        if kind == .vm, spec.enableIPForwarding == true { spec.kind = .nva }
        spec.publicIPAddress = nics.lazy.compactMap(\.publicIP).first
        spec.networkSecurityGroup = nics.lazy.compactMap(\.securityGroup).first
        for group in nics.flatMap(\.applicationSecurityGroups) where !spec.applicationSecurityGroups.contains(group) {
            spec.applicationSecurityGroups.append(group)
        }
        context.design.workloads.append(spec)
        return true
    }

    /// The NICs in the inputs, by normalized id.
    static func allNICs(_ context: AzureBuildContext) -> [(id: String, resource: AzureResource)] {
        nicTypes.flatMap { context.resources($0) }.map { (AzureResourceID.normalize($0.id), $0) }
    }

    /// The instance NICs of a scale set (`…/virtualMachineScaleSets/NAME/virtualMachines/N/networkInterfaces/…`).
    static func scaleSetNICs(_ scaleSet: AzureResource, _ context: AzureBuildContext) -> [AzureResource] {
        let prefix = AzureResourceID.normalize(scaleSet.id) + "/virtualmachines/"
        return allNICs(context).filter { $0.id.hasPrefix(prefix) }.map(\.resource)
    }

    static func buildClusters(_ context: AzureBuildContext) {
        let scaleSets = context.resources("Microsoft.Compute/virtualMachineScaleSets")
        for resource in context.resources("Microsoft.ContainerService/managedClusters") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            let network = props.object("networkProfile")
            var cluster = ClusterSpec(
                name: resource.name,
                source: network?.sourceMap(["outboundType": "outboundType"], at: resource.source) ?? SourceMap(element: resource.source))
            if let type = context.choice(
                network?.string("outboundType"), OutboundType.self, at: network?.location("outboundType") ?? props.location, "outboundType")
            {
                cluster.outboundType = type
            }
            if let plugin = network?.string("networkPlugin") {
                cluster.networkPlugin = plugin.lowercased() == "none" ? "azure" : plugin.lowercased()
            }
            if let text = network?.string("podCidr"), let network {
                cluster.podCidr = context.prefix(text, at: network.location("podCidr"), resource: resource)
            }
            let nodeGroup = props.string("nodeResourceGroup")?.lowercased()
            for pool in props.objects("agentPoolProfiles") {
                guard let poolName = pool.string("name") else { continue }
                let subnetID = pool.ref("vnetSubnetID")
                let mine = scaleSets.filter { set in
                    let tag = set.top.value(forKeyIgnoringCase: "tags")?.object?.value(forKeyIgnoringCase: "aks-managed-poolName")?.string
                    if let tag { return tag.lowercased() == poolName.lowercased() }
                    return AzureResourceID(set.id)?.resourceGroup?.lowercased() == nodeGroup
                        && set.name.lowercased().hasPrefix("aks-\(poolName.lowercased())-")
                }
                let nics = mine.flatMap { scaleSetNICs($0, context) }.map { nic($0, context) }
                guard !nics.isEmpty else {
                    // The pool stays named on the cluster, so a RoundTrip file can give it as an aksNodePool workload;
                    // without one the importer drops it (DesignImporter.pruneUnknownNodePools).
                    context.unknown(
                        resource, "agentPoolProfiles \(poolName)",
                        "node addresses are not in the cluster resource and no scale set NICs of the pool are in the inputs; give the node pool as a workload of kind aksNodePool in a RoundTrip file, or it is left out",
                        at: pool.location)
                    cluster.nodePools.append(poolName)
                    continue
                }
                for set in mine { context.read(set) }
                var nodes = nics
                if let subnetID, let subnet = context.subnets[subnetID] {
                    nodes = nodes.map {
                        var n = $0; n.subnet = n.subnet ?? subnet; return n
                    }
                }
                if workload(poolName, kind: .aksNodePool, nics: nodes, owner: resource, at: pool.location, context) {
                    cluster.nodePools.append(poolName)
                }
            }
            if let balancer = network?.object("loadBalancerProfile") {
                var profile = ClusterSpec.LoadBalancerProfile(source: balancer.sourceMap())
                profile.managedOutboundIPCount = balancer.object("managedOutboundIPs")?.int("count")
                profile.outboundIPs = (balancer.object("outboundIPs")?.objects("publicIPs") ?? []).compactMap { ip in
                    context.name(
                        of: ip.ref("id") ?? ip.string("id").map(AzureResourceID.normalize), from: resource,
                        "loadBalancerProfile.outboundIPs", at: ip.location)
                }
                if let ports = balancer.int("allocatedOutboundPorts") { profile.allocatedOutboundPorts = ports }
                if let timeout = balancer.int("idleTimeoutInMinutes") { profile.idleTimeoutInMinutes = timeout }
                if balancer.has("outboundIPPrefixes") {
                    context.skip(
                        resource, "loadBalancerProfile.outboundIPPrefixes", "outbound IP prefixes of a cluster are not modelled",
                        at: balancer.location("outboundIPPrefixes"))
                }
                cluster.loadBalancerProfile = profile
            }
            if cluster.outboundType == .userAssignedNATGateway {
                let subnets = Set(cluster.nodePools.compactMap { pool in context.design.workloads.first { $0.name == pool }?.subnet })
                cluster.natGateway =
                    context.design.virtualNetworks.flatMap { vnet in vnet.subnets.map { ("\(vnet.name)/\($0.name)", $0.natGateway) } }
                    .first { subnets.contains($0.0) && $0.1 != nil }?.1 ?? nil
            }
            if cluster.outboundType == .managedNATGateway, let nat = network?.object("natGatewayProfile") {
                context.unknown(
                    resource, "natGatewayProfile", "the AKS-managed NAT gateway's public IPs are not in the cluster resource",
                    at: nat.location)
            }
            context.design.kubernetesClusters.append(cluster)
        }
    }

    static func buildWorkloads(_ context: AzureBuildContext) {
        for resource in context.resources("Microsoft.Compute/virtualMachines") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            let refs = props.object("networkProfile")?.strings("networkInterfaces") ?? []
            var nics: [AzureNIC] = []
            for ref in refs {
                guard let nicResource = context.byID[AzureResourceID.normalize(ref.text)] else {
                    context.unknown(
                        resource, "networkProfile.networkInterfaces", "network interface \(ref.text) is not in the inputs", at: ref.location
                    )
                    continue
                }
                nics.append(nic(nicResource, context))
            }
            if nics.isEmpty, refs.isEmpty { context.unknown(resource, "networkProfile", "no network interfaces; no workload is made") }
            if !nics.isEmpty { workload(resource.name, kind: .vm, nics: nics, owner: resource, at: resource.source, context) }
        }
        for resource in context.resources("Microsoft.Compute/virtualMachineScaleSets")
        where !context.handled.contains(AzureResourceID.normalize(resource.id)) {
            context.read(resource)
            let nics = scaleSetNICs(resource, context).map { nic($0, context) }
            guard !nics.isEmpty else {
                context.unknown(
                    resource, "instance addresses", "no instance network interfaces of the scale set are in the inputs; no workload is made"
                )
                continue
            }
            workload(resource.name, kind: .vm, nics: nics, owner: resource, at: resource.source, context)
        }
        for (id, resource) in allNICs(context) where !context.handled.contains(id) {
            let props = AzureProps(properties: resource, context: context)
            if props.has("privateEndpoint") {
                context.handled.insert(id)
                context.unknown(
                    resource, "properties.privateEndpoint", "the NIC of a private endpoint that is not in the inputs; no workload is made",
                    at: props.location("privateEndpoint"))
                continue
            }
            if let owner = props.ref("virtualMachine"), context.byID[owner] == nil {
                context.unknown(
                    resource, "properties.virtualMachine",
                    "its virtual machine is not in the inputs; the NIC becomes a workload of its own", at: props.location("virtualMachine"))
            }
            workload(resource.name, kind: .vm, nics: [nic(resource, context)], owner: resource, at: resource.source, context)
        }
    }
}
