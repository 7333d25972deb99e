import RoundTripCore

/// Network and application security groups, private endpoints and Bastion hosts (format "second set").
extension AzureDesignBuilder {
    /// Registers the names of NSGs, ASGs, IP groups and firewall policies, so that references to them resolve
    /// whatever order the resources come in.
    static func registerSecurityNames(_ context: AzureBuildContext) {
        for type in [
            "Microsoft.Network/networkSecurityGroups", "Microsoft.Network/applicationSecurityGroups", "Microsoft.Network/ipGroups",
            "Microsoft.Network/firewallPolicies",
        ] {
            for resource in context.resources(type) { context.names[AzureResourceID.normalize(resource.id)] = resource.name }
        }
    }

    static func buildApplicationSecurityGroups(_ context: AzureBuildContext) {
        for resource in context.resources("Microsoft.Network/applicationSecurityGroups") {
            context.read(resource)
            context.design.applicationSecurityGroups.append(
                ApplicationSecurityGroupSpec(name: resource.name, source: SourceMap(element: resource.source)))
        }
    }

    static func buildSecurityGroups(_ context: AzureBuildContext) {
        for resource in context.resources("Microsoft.Network/networkSecurityGroups") {
            context.read(resource)
            var group = SecurityGroupSpec(name: resource.name, source: SourceMap(element: resource.source))
            // `defaultSecurityRules` are Azure's six defaults, which RoundTrip always adds: never read.
            for child in context.children(of: resource, key: "securityRules", segment: "securityRules") {
                if let rule = securityRule(child.props, child.name, child.resource, context) { group.securityRules.append(rule) }
            }
            context.design.networkSecurityGroups.append(group)
        }
        for resource in context.resources("Microsoft.Network/networkSecurityGroups/securityRules")
        where !context.handled.contains(AzureResourceID.normalize(resource.id)) {
            context.handled.insert(AzureResourceID.normalize(resource.id))
            context.unknown(
                resource, "Microsoft.Network/networkSecurityGroups/securityRules", "its network security group is not in the inputs")
        }
    }

    static func securityRule(
        _ p: AzureProps, _ name: String, _ resource: AzureResource, _ context: AzureBuildContext
    )
        -> SecurityGroupSpec.Rule?
    {
        guard let priority = p.int("priority"),
            let direction = context.choice(
                p.string("direction"), SecurityGroupSpec.Direction.self, at: p.location("direction"), "direction"),
            let access = context.choice(p.string("access"), SecurityGroupSpec.Access.self, at: p.location("access"), "access"),
            let proto = context.choice(p.string("protocol"), SecurityGroupSpec.RuleProtocol.self, at: p.location("protocol"), "protocol")
        else {
            if !(p.has("priority") && p.has("direction") && p.has("access") && p.has("protocol")) {
                context.error(.missingField, at: p.location, "security rule '\(name)' needs priority, direction, access and protocol")
            }
            return nil
        }
        let keys = [
            "priority", "direction", "access", "protocol", "sourceAddressPrefix", "sourceAddressPrefixes",
            "destinationAddressPrefix", "destinationAddressPrefixes", "sourcePortRange", "sourcePortRanges", "destinationPortRange",
            "destinationPortRanges", "sourceApplicationSecurityGroups", "destinationApplicationSecurityGroups",
        ]
        var rule = SecurityGroupSpec.Rule(
            name: name, priority: priority, direction: direction, access: access, protocolType: proto,
            source: SourceMap(element: resource.source, fields: fields(p, keys)))
        for side in ["source", "destination"] {
            let prefixes = (p.strings("\(side)AddressPrefix") + p.strings("\(side)AddressPrefixes")).map(\.text)
            let groups = p.strings("\(side)ApplicationSecurityGroups").compactMap { ref in
                context.name(
                    of: AzureResourceID.normalize(ref.text), from: resource, "properties.\(side)ApplicationSecurityGroups", at: ref.location
                )
            }
            let given = p.has("\(side)PortRange") || !p.strings("\(side)PortRanges").isEmpty
            let portRanges = ports(p, "\(side)PortRange") + ports(p, "\(side)PortRanges")
            if side == "source" {
                rule.sourceAddressPrefixes = prefixes
                rule.sourceApplicationSecurityGroups = groups
                if given { rule.sourcePortRanges = portRanges }
            } else {
                rule.destinationAddressPrefixes = prefixes
                rule.destinationApplicationSecurityGroups = groups
                if given { rule.destinationPortRanges = portRanges }
            }
        }
        return rule
    }

    static func buildBastionHosts(_ context: AzureBuildContext) {
        for resource in context.resources("Microsoft.Network/bastionHosts") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            guard let configuration = props.objects("ipConfigurations").first?.properties,
                let subnet = context.subnet(
                    configuration.ref("subnet"), from: resource, "properties.ipConfigurations[0].subnet",
                    at: configuration.location("subnet"))
            else {
                if props.objects("ipConfigurations").isEmpty {
                    context.unknown(resource, "properties.ipConfigurations", "no subnet in the input; the Bastion host is left out")
                }
                continue
            }
            var bastion = BastionSpec(
                name: resource.name, subnet: subnet,
                source: SourceMap(
                    element: resource.source,
                    fields: ["subnet": configuration.location("subnet"), "publicIPAddress": configuration.location("publicIPAddress")]))
            bastion.publicIPAddress = context.name(
                of: configuration.ref("publicIPAddress"), from: resource, "ipConfigurations.publicIPAddress",
                at: configuration.location("publicIPAddress"))
            context.design.bastionHosts.append(bastion)
        }
    }

    /// Private endpoints become workloads of kind `privateEndpoint` in the endpoint's subnet, with the address of
    /// the endpoint's NIC (else its static ipConfigurations, else its customDnsConfigs).
    static func buildPrivateEndpoints(_ context: AzureBuildContext) {
        for resource in context.resources("Microsoft.Network/privateEndpoints") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            guard
                let subnet = context.subnet(props.ref("subnet"), from: resource, "properties.subnet", at: props.location("subnet"))
            else {
                if !props.has("subnet") { context.unknown(resource, "properties.subnet", "no subnet; the private endpoint is left out") }
                continue
            }
            var addresses: [IPv4Address] = []
            for ref in props.strings("networkInterfaces") {
                let id = AzureResourceID.normalize(ref.text)
                guard let nicResource = context.byID[id] else { continue }
                context.read(nicResource)
                context.owners[id] = resource.name
                addresses += nic(nicResource, context).addresses.map(\.0)
            }
            if addresses.isEmpty {
                addresses = props.objects("ipConfigurations").compactMap { $0.properties.address("privateIPAddress") }
            }
            let dns = props.objects("customDnsConfigs")
            if addresses.isEmpty {
                addresses = dns.flatMap { config in config.strings("ipAddresses").compactMap { context.address($0.text, at: $0.location) } }
            }
            if addresses.isEmpty {
                context.unknown(
                    resource, "private endpoint address",
                    "neither its network interface nor customDnsConfigs give an address; the private endpoint is left out")
                continue
            }
            var spec = WorkloadSpec(
                name: resource.name, kind: .privateEndpoint, subnet: subnet, ipAddresses: addresses,
                source: SourceMap(element: resource.source, fields: ["subnet": props.location("subnet")]))
            spec.fqdn = dns.first?.string("fqdn")
            let connections = props.objects("privateLinkServiceConnections") + props.objects("manualPrivateLinkServiceConnections")
            if let target = connections.lazy.compactMap({ $0.properties.string("privateLinkServiceId") }).first {
                spec.privateLinkResource =
                    AzureResourceID(target).map { id in
                        id.provider.map { provider in
                            ([provider] + zip(id.types, id.names).flatMap { [$0, $1] }).joined(separator: "/")
                        } ?? target
                    } ?? target
            }
            spec.applicationSecurityGroups = props.strings("applicationSecurityGroups").compactMap { ref in
                context.name(
                    of: AzureResourceID.normalize(ref.text), from: resource, "properties.applicationSecurityGroups", at: ref.location)
            }
            context.design.workloads.append(spec)
        }
    }
}
