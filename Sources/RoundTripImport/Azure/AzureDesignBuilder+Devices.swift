import RoundTripCore

extension AzureDesignBuilder {
    /// The sub-elements of a resource listed under `key` (frontends, pools, rules): their names by normalized id.
    static func subNames(_ props: AzureProps, _ key: String, _ resource: AzureResource) -> [String: String] {
        var names: [String: String] = [:]
        for element in props.objects(key) {
            guard let name = element.string("name") else { continue }
            names[AzureResourceID.normalize(element.string("id") ?? "\(resource.id)/\(key)/\(name)")] = name
        }
        return names
    }

    /// The name of a sub-element a reference points at, with an error when it is not there.
    static func subName(_ id: String?, in names: [String: String], _ p: AzureProps, _ key: String) -> String? {
        guard let id else { return nil }
        if let name = names[id] { return name }
        p.context.error(.unknownReference, at: p.location(key), "'\(key)' refers to \(id), which the resource does not define")
        return nil
    }

    static func buildLoadBalancers(_ context: AzureBuildContext) {
        for resource in context.resources("Microsoft.Network/loadBalancers") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            var balancer = LoadBalancerSpec(name: resource.name, source: SourceMap(element: resource.source))
            let frontends = subNames(props, "frontendIPConfigurations", resource)
            let pools = subNames(props, "backendAddressPools", resource)
            for element in props.objects("frontendIPConfigurations") {
                let p = element.properties
                var frontend = LoadBalancerSpec.Frontend(
                    name: element.string("name") ?? "",
                    source: p.sourceMap(
                        ["publicIPAddress": "publicIPAddress", "subnet": "subnet", "privateIPAddress": "privateIPAddress"],
                        at: element.location))
                frontend.publicIPAddress = context.name(
                    of: p.ref("publicIPAddress"), from: resource, "frontendIPConfigurations.publicIPAddress",
                    at: p.location("publicIPAddress"))
                if p.has("subnet") {
                    frontend.subnet = context.subnet(
                        p.ref("subnet"), from: resource, "frontendIPConfigurations.subnet", at: p.location("subnet"))
                    frontend.privateIPAddress = p.address("privateIPAddress")
                }
                if p.has("publicIPPrefix") {
                    context.skip(
                        resource, "frontendIPConfigurations.publicIPPrefix", "prefix frontends are not modelled",
                        at: p.location("publicIPPrefix"))
                }
                balancer.frontendIPConfigurations.append(frontend)
            }
            for element in props.objects("backendAddressPools") {
                let p = element.properties
                let name = element.string("name") ?? ""
                let id = AzureResourceID.normalize(element.string("id") ?? "\(resource.id)/backendAddressPools/\(name)")
                var pool = LoadBalancerSpec.Pool(name: name, source: SourceMap(element: element.location))
                pool.members = context.poolMembers[id] ?? []
                for ref in p.refs("backendIPConfigurations") {
                    if let owner = context.owners[ref], !pool.members.contains(owner) { pool.members.append(owner) }
                }
                for address in p.objects("loadBalancerBackendAddresses") {
                    if let ip = address.properties.address("ipAddress") { pool.ipAddresses.append(ip) }
                }
                balancer.backendAddressPools.append(pool)
            }
            for (key, isNat) in [("loadBalancingRules", false), ("inboundNatRules", true)] {
                for element in props.objects(key) {
                    let p = element.properties
                    let name = element.string("name") ?? ""
                    if isNat, p.has("backendIPConfiguration"), !p.has("backendAddressPool") {
                        context.skip(
                            resource, "\(key) \(name)", "inbound NAT rules to a single NIC configuration are not modelled",
                            at: element.location)
                        continue
                    }
                    guard let frontend = subName(p.ref("frontendIPConfiguration"), in: frontends, p, "frontendIPConfiguration"),
                        let proto = context.choice(p.string("protocol"), LBProtocol.self, at: p.location("protocol"), "protocol"),
                        let frontendPort = p.port(isNat && !p.has("frontendPort") ? "frontendPortRangeStart" : "frontendPort"),
                        let backendPort = p.port("backendPort")
                    else {
                        context.error(
                            .missingField, at: element.location,
                            "\(key) '\(name)' needs frontendIPConfiguration, protocol, frontendPort and backendPort")
                        continue
                    }
                    var rule = LoadBalancerSpec.Rule(
                        name: name, frontendIPConfiguration: frontend, protocolType: proto, frontendPort: frontendPort,
                        backendPort: backendPort,
                        source: p.sourceMap(
                            [
                                "frontendIPConfiguration": "frontendIPConfiguration", "backendAddressPool": "backendAddressPool",
                                "protocol": "protocol",
                            ],
                            at: element.location))
                    rule.backendAddressPool = subName(p.ref("backendAddressPool"), in: pools, p, "backendAddressPool")
                    rule.enableFloatingIP = p.bool("enableFloatingIP") ?? false
                    if isNat { balancer.inboundNatRules.append(rule) } else { balancer.loadBalancingRules.append(rule) }
                }
            }
            for element in props.objects("outboundRules") {
                let p = element.properties
                guard let pool = subName(p.ref("backendAddressPool"), in: pools, p, "backendAddressPool") else { continue }
                let names = p.refs("frontendIPConfigurations").compactMap { frontends[$0] }
                var rule = LoadBalancerSpec.OutboundRule(
                    name: element.string("name") ?? "", frontendIPConfigurations: names, backendAddressPool: pool,
                    source: SourceMap(element: element.location))
                if let ports = p.int("allocatedOutboundPorts") { rule.allocatedOutboundPorts = ports }
                if let timeout = p.int("idleTimeoutInMinutes") { rule.idleTimeoutInMinutes = timeout }
                balancer.outboundRules.append(rule)
            }
            if props.has("probes") {
                context.skip(
                    resource, "properties.probes", "health probes are not modelled (every backend is healthy)", at: props.location("probes")
                )
            }
            context.names[AzureResourceID.normalize(resource.id)] = resource.name
            context.design.loadBalancers.append(balancer)
        }
    }

    static func buildAppGateways(_ context: AzureBuildContext) {
        for resource in context.resources("Microsoft.Network/applicationGateways") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            let configuration = props.objects("gatewayIPConfigurations").first?.properties
            guard
                let subnet = context.subnet(
                    configuration?.ref("subnet"), from: resource, "gatewayIPConfigurations.subnet",
                    at: configuration?.location("subnet") ?? props.location)
            else { continue }
            var gateway = AppGatewaySpec(name: resource.name, subnet: subnet, source: SourceMap(element: resource.source))
            let frontends = subNames(props, "frontendIPConfigurations", resource)
            let pools = subNames(props, "backendAddressPools", resource)
            var ports: [String: UInt16] = [:]
            for element in props.objects("frontendPorts") {
                let id = AzureResourceID.normalize(element.string("id") ?? "\(resource.id)/frontendPorts/\(element.string("name") ?? "")")
                ports[id] = element.properties.port("port")
            }
            var settings: [String: UInt16] = [:]
            for element in props.objects("backendHttpSettingsCollection") {
                let id = AzureResourceID.normalize(
                    element.string("id") ?? "\(resource.id)/backendHttpSettingsCollection/\(element.string("name") ?? "")")
                settings[id] = element.properties.port("port")
            }
            for element in props.objects("frontendIPConfigurations") {
                let p = element.properties
                var frontend = AppGatewaySpec.Frontend(name: element.string("name") ?? "", source: SourceMap(element: element.location))
                frontend.publicIPAddress = context.name(
                    of: p.ref("publicIPAddress"), from: resource, "frontendIPConfigurations.publicIPAddress",
                    at: p.location("publicIPAddress"))
                frontend.privateIPAddress = p.address("privateIPAddress")
                gateway.frontendIPConfigurations.append(frontend)
            }
            for element in props.objects("backendAddressPools") {
                let name = element.string("name") ?? ""
                let id = AzureResourceID.normalize(element.string("id") ?? "\(resource.id)/backendAddressPools/\(name)")
                var pool = AppGatewaySpec.Pool(name: name, source: SourceMap(element: element.location))
                pool.members = context.poolMembers[id] ?? []
                // Backend addresses come as objects ({ipAddress} or {fqdn}) or, in some tools' output, as strings.
                for (text, _) in element.properties.strings("backendAddresses") {
                    if let address = IPv4Address(text.trimmingWhitespace) {
                        pool.ipAddresses.append(address)
                    } else {
                        pool.fqdns.append(text)
                    }
                }
                gateway.backendAddressPools.append(pool)
            }
            var listeners: [String: (AzureProps, String)] = [:]
            for element in props.objects("httpListeners") {
                let name = element.string("name") ?? ""
                listeners[AzureResourceID.normalize(element.string("id") ?? "\(resource.id)/httpListeners/\(name)")] = (element, name)
            }
            var used: Set<String> = []
            for rule in props.objects("requestRoutingRules") {
                let p = rule.properties
                guard let listenerID = p.ref("httpListener"), let (listener, name) = listeners[listenerID] else { continue }
                guard let poolName = subName(p.ref("backendAddressPool"), in: pools, p, "backendAddressPool") else {
                    context.skip(
                        resource, "requestRoutingRules \(rule.string("name") ?? "")", "only basic rules to a backend pool are modelled",
                        at: rule.location)
                    continue
                }
                let l = listener.properties
                guard let frontend = subName(l.ref("frontendIPConfiguration"), in: frontends, l, "frontendIPConfiguration"),
                    let port = l.ref("frontendPort").flatMap({ ports[$0] }),
                    let kind = context.choice(
                        l.string("protocol") ?? "Http", FirewallSpec.AppProtocol.Kind.self, at: l.location("protocol"), "protocol"),
                    let backendPort = p.ref("backendHttpSettings").flatMap({ settings[$0] })
                else {
                    context.error(
                        .missingField, at: rule.location,
                        "request routing rule needs a listener with a frontend and port, and backend HTTP settings with a port")
                    continue
                }
                used.insert(listenerID)
                gateway.httpListeners.append(
                    AppGatewaySpec.Listener(
                        name: name, frontendIPConfiguration: frontend, port: port, protocolKind: kind, backendAddressPool: poolName,
                        backendPort: backendPort, source: SourceMap(element: listener.location)))
            }
            for (id, (listener, name)) in listeners.sorted(by: { $0.key < $1.key }) where !used.contains(id) {
                context.skip(
                    resource, "httpListeners \(name)", "no basic request routing rule sends it to a backend pool", at: listener.location)
            }
            context.names[AzureResourceID.normalize(resource.id)] = resource.name
            context.design.applicationGateways.append(gateway)
        }
    }
}
