import RoundTripCore

extension AzureDesignBuilder {
    /// Subnet properties that are read-only, derived, or carry no routing meaning: passed over without a note.
    static let quietSubnetProperties: Set<String> = [
        "provisioningstate", "ipconfigurations", "ipconfigurationprofiles", "purpose", "resourcenavigationlinks",
        "serviceassociationlinks", "privateendpoints", "privatelinkservicenetworkpolicies", "etag", "type", "name", "id",
        "addressprefix", "addressprefixes", "routetable", "natgateway", "defaultoutboundaccess", "applicationgatewayipconfigurations",
        "ipallocations", "sharingscope", "resourcegroup", "networksecuritygroup", "privateendpointnetworkpolicies",
    ]

    static func buildVirtualNetworks(_ context: AzureBuildContext) {
        for resource in context.resources("Microsoft.Network/virtualNetworks") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            let space = props.object("addressSpace")?.prefixes("addressPrefixes") ?? []
            if space.isEmpty {
                context.error(
                    .missingField, at: props.location("addressSpace"),
                    "virtual network '\(resource.name)' has no IPv4 addressSpace.addressPrefixes")
            }
            let vnetID = AzureResourceID.normalize(resource.id)
            context.names[vnetID] = resource.name
            var subnets: [SubnetSpec] = []
            for child in context.children(of: resource, key: "subnets", segment: "subnets") {
                let p = child.props
                let prefixes = p.has("addressPrefix") ? p.prefixes("addressPrefix") : p.prefixes("addressPrefixes")
                guard let prefix = prefixes.first else {
                    context.error(.missingField, at: p.location, "subnet '\(child.name)' has no IPv4 addressPrefix")
                    continue
                }
                if p.strings("addressPrefixes").count > 1 {
                    context.skip(
                        child.resource, "properties.addressPrefixes", "only the first prefix of subnet '\(child.name)' is modelled",
                        at: p.location("addressPrefixes"))
                }
                var subnet = SubnetSpec(
                    name: child.name, addressPrefix: prefix,
                    source: p.sourceMap(
                        [
                            "addressPrefix": p.has("addressPrefix") ? "addressPrefix" : "addressPrefixes", "routeTable": "routeTable",
                            "natGateway": "natGateway", "networkSecurityGroup": "networkSecurityGroup",
                            "privateEndpointNetworkPolicies": "privateEndpointNetworkPolicies",
                        ],
                        at: child.resource.source))
                subnet.routeTable = context.name(
                    of: p.ref("routeTable"), from: child.resource, "properties.routeTable", at: p.location("routeTable"))
                subnet.natGateway = context.name(
                    of: p.ref("natGateway"), from: child.resource, "properties.natGateway", at: p.location("natGateway"))
                if let access = p.bool("defaultOutboundAccess") { subnet.defaultOutboundAccess = access }
                subnet.networkSecurityGroup = context.name(
                    of: p.ref("networkSecurityGroup"), from: child.resource, "properties.networkSecurityGroup",
                    at: p.location("networkSecurityGroup"))
                if let policies = context.choice(
                    p.string("privateEndpointNetworkPolicies"), PrivateEndpointNetworkPolicies.self,
                    at: p.location("privateEndpointNetworkPolicies"), "privateEndpointNetworkPolicies")
                {
                    subnet.privateEndpointNetworkPolicies = policies
                }
                for member in p.object.members where !quietSubnetProperties.contains(member.key.lowercased()) && !member.node.isNull {
                    if let list = member.node.array, list.isEmpty { continue }
                    context.skip(child.resource, "properties.\(member.key)", "subnet property not modelled", at: p.location(member.key))
                }
                context.subnets[child.id] = "\(resource.name)/\(child.name)"
                subnets.append(subnet)
            }
            context.design.virtualNetworks.append(
                VirtualNetworkSpec(
                    name: resource.name, addressSpace: space, subnets: subnets,
                    source: props.sourceMap(["addressSpace": "addressSpace"], at: resource.source)))
            for key in ["enableDdosProtection", "dhcpOptions", "encryption"] where props.has(key) {
                context.skip(resource, "properties.\(key)", "virtual network property not modelled", at: props.location(key))
            }
        }
        for resource in context.resources("Microsoft.Network/virtualNetworks/subnets")
        where !context.handled.contains(AzureResourceID.normalize(resource.id)) {
            context.handled.insert(AzureResourceID.normalize(resource.id))
            context.unknown(resource, "Microsoft.Network/virtualNetworks/subnets", "its virtual network is not in the inputs")
        }
    }

    static func buildPeerings(_ context: AzureBuildContext) {
        // Peering names are unique only within their VNet; a name used again (`to-hub` on every spoke) is read
        // as `NAME@VNET` everywhere it is used.
        let vnets = context.resources("Microsoft.Network/virtualNetworks").map { resource in
            (resource, context.children(of: resource, key: "virtualNetworkPeerings", segment: "virtualNetworkPeerings"))
        }
        var uses: [String: Int] = [:]
        for (_, peerings) in vnets {
            for child in peerings { uses[child.name.lowercased(), default: 0] += 1 }
        }
        for (resource, peerings) in vnets {
            for child in peerings {
                let p = child.props
                guard let remote = p.ref("remoteVirtualNetwork") else {
                    context.error(.missingField, at: p.location, "peering '\(child.name)' has no remoteVirtualNetwork.id")
                    continue
                }
                guard let to = context.names[remote] else {
                    context.unknown(
                        child.resource, "peering \(child.name)",
                        "its remote virtual network \(remote) is not in the inputs; the peering is left out",
                        at: p.location("remoteVirtualNetwork"))
                    continue
                }
                let name = uses[child.name.lowercased(), default: 0] > 1 ? "\(child.name)@\(resource.name)" : child.name
                var peering = PeeringSpec(
                    name: name, from: resource.name, to: to,
                    source: p.sourceMap(
                        [
                            "to": "remoteVirtualNetwork", "allowVirtualNetworkAccess": "allowVirtualNetworkAccess",
                            "allowForwardedTraffic": "allowForwardedTraffic", "allowGatewayTransit": "allowGatewayTransit",
                            "useRemoteGateways": "useRemoteGateways",
                        ], at: child.resource.source))
                peering.allowVirtualNetworkAccess = p.bool("allowVirtualNetworkAccess") ?? true
                peering.allowForwardedTraffic = p.bool("allowForwardedTraffic") ?? false
                peering.allowGatewayTransit = p.bool("allowGatewayTransit") ?? false
                peering.useRemoteGateways = p.bool("useRemoteGateways") ?? false
                if let state = p.string("peeringState"), state.lowercased() != "connected" {
                    context.skip(
                        child.resource, "properties.peeringState", "peering state '\(state)' is read as connected",
                        at: p.location("peeringState"))
                }
                context.design.virtualNetworkPeerings.append(peering)
            }
        }
        for resource in context.resources("Microsoft.Network/virtualNetworks/virtualNetworkPeerings")
        where !context.handled.contains(AzureResourceID.normalize(resource.id)) {
            context.handled.insert(AzureResourceID.normalize(resource.id))
            context.unknown(
                resource, "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "its virtual network is not in the inputs")
        }
    }

    static func buildGateways(_ context: AzureBuildContext) {
        for resource in context.resources("Microsoft.Network/virtualNetworkGateways") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            guard let type = context.choice(props.string("gatewayType"), GatewayType.self, at: props.location("gatewayType"), "gatewayType")
            else {
                if !props.has("gatewayType") {
                    context.error(.missingField, at: props.location, "gateway '\(resource.name)' has no gatewayType")
                }
                continue
            }
            let configuration = props.objects("ipConfigurations").first?.properties
            guard
                let subnet = context.subnet(
                    configuration?.ref("subnet"), from: resource, "properties.ipConfigurations[0].subnet",
                    at: configuration?.location("subnet") ?? props.location)
            else { continue }
            var gateway = GatewaySpec(
                name: resource.name, gatewayType: type, subnet: subnet,
                source: props.sourceMap(["gatewayType": "gatewayType", "bgpEnabled": "enableBgp"], at: resource.source))
            if type == .vpn, let bgp = props.bool("enableBgp") { gateway.bgpEnabled = bgp }
            context.names[AzureResourceID.normalize(resource.id)] = resource.name
            context.design.virtualNetworkGateways.append(gateway)
        }
        var localNetworks: [String: (AzureResource, [IPv4Prefix], AzureProps)] = [:]
        for resource in context.resources("Microsoft.Network/localNetworkGateways") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            let prefixes = props.object("localNetworkAddressSpace")?.prefixes("addressPrefixes") ?? []
            localNetworks[AzureResourceID.normalize(resource.id)] = (resource, prefixes, props)
        }
        var connected: Set<String> = []
        for resource in context.resources("Microsoft.Network/connections") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            guard
                let gateway = context.name(
                    of: props.ref("virtualNetworkGateway1"), from: resource, "properties.virtualNetworkGateway1",
                    at: props.location("virtualNetworkGateway1"))
            else { continue }
            guard let localID = props.ref("localNetworkGateway2"), let (local, prefixes, localProps) = localNetworks[localID] else {
                context.unknown(
                    resource, "on-premises prefixes",
                    "the connection names no local network gateway in the inputs (ExpressRoute circuits learn their prefixes over BGP); no on-premises network is made",
                    at: props.location)
                continue
            }
            guard connected.insert(localID).inserted else { continue }
            guard !prefixes.isEmpty else {
                context.unknown(local, "properties.localNetworkAddressSpace", "no address prefixes; no on-premises network is made")
                continue
            }
            context.design.onPremisesNetworks.append(
                OnPremisesSpec(
                    name: local.name, addressPrefixes: prefixes, gateway: gateway,
                    source: localProps.sourceMap(["addressPrefixes": "localNetworkAddressSpace"], at: local.source)))
        }
        for (id, (local, _, _)) in localNetworks.sorted(by: { $0.key < $1.key }) where !connected.contains(id) {
            context.skip(local, "Microsoft.Network/localNetworkGateways", "no connection in the inputs uses it")
        }
    }
}
