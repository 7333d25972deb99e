import Foundation
import RoundTripCore
import Yams

/// Application gateways, workloads, Kubernetes clusters and endpoints.
extension DocumentDecoder {
    func appGateway(_ node: Yams.Node) -> AppGatewaySpec? {
        guard
            let (map, name) = element(
                node, kind: "application gateway",
                allowed: ["name", "subnet", "instanceIPAddresses", "frontendIPConfigurations", "httpListeners", "backendAddressPools"])
        else { return nil }
        guard let subnet = map.requiredString("subnet") else { return nil }
        var spec = AppGatewaySpec(name: name, subnet: subnet, source: map.source)
        spec.instanceIPAddresses = map.addresses("instanceIPAddresses")
        spec.frontendIPConfigurations = map.list("frontendIPConfigurations").compactMap { node in
            guard
                let (fe, feName) = element(
                    node, kind: "frontend", within: "of '\(name)'", allowed: ["name", "publicIPAddress", "privateIPAddress"])
            else { return nil }
            var f = AppGatewaySpec.Frontend(name: feName, source: fe.source)
            f.publicIPAddress = fe.string("publicIPAddress")
            f.privateIPAddress = fe.address("privateIPAddress")
            return f
        }
        spec.httpListeners = map.list("httpListeners").compactMap { node in
            guard
                let (l, lname) = element(
                    node, kind: "listener", within: "of '\(name)'",
                    allowed: ["name", "frontendIPConfiguration", "port", "protocol", "backendAddressPool", "backendPort"])
            else { return nil }
            guard let fe = l.requiredString("frontendIPConfiguration"), let port = l.port("port", required: true),
                let proto = l.choice("protocol", FirewallSpec.AppProtocol.Kind.self, required: true),
                let pool = l.requiredString("backendAddressPool"), let backendPort = l.port("backendPort", required: true)
            else { return nil }
            return AppGatewaySpec.Listener(
                name: lname, frontendIPConfiguration: fe, port: port, protocolKind: proto, backendAddressPool: pool,
                backendPort: backendPort, source: l.source)
        }
        spec.backendAddressPools = map.list("backendAddressPools").compactMap { node in
            guard
                let (p, pname) = element(
                    node, kind: "backend pool", within: "of '\(name)'", allowed: ["name", "members", "ipAddresses", "fqdns"])
            else { return nil }
            var pool = AppGatewaySpec.Pool(name: pname, source: p.source)
            pool.members = p.strings("members")
            pool.ipAddresses = p.addresses("ipAddresses")
            pool.fqdns = p.strings("fqdns")
            return pool
        }
        return spec
    }

    func workload(_ node: Yams.Node) -> WorkloadSpec? {
        guard
            let (map, name) = element(
                node, kind: "workload",
                allowed: [
                    "name", "kind", "subnet", "ipAddresses", "publicIPAddress", "enableIPForwarding", "stateful", "snat", "hostedOn",
                    "networkSecurityGroup", "applicationSecurityGroups", "privateLinkResource", "fqdn",
                ])
        else { return nil }
        guard let kind = map.choice("kind", WorkloadKind.self, required: true) else { return nil }
        _ = map.required("ipAddresses")
        let subnet = map.string("subnet")
        if subnet == nil && !(kind == .pod && map.value("hostedOn") != nil) {
            _ = map.required("subnet")
            return nil
        }
        var spec = WorkloadSpec(name: name, kind: kind, subnet: subnet ?? "", ipAddresses: map.addresses("ipAddresses"), source: map.source)
        spec.publicIPAddress = map.string("publicIPAddress")
        spec.enableIPForwarding = map.bool("enableIPForwarding")
        for key in ["stateful", "snat"] where kind != .nva {
            guard let value = map.value(key) else { continue }
            sink.error(.forbiddenField, value, "workload '\(name)': '\(key)' applies to kind nva only")
        }
        spec.stateful = map.bool("stateful") ?? true
        spec.snat = map.bool("snat") ?? false
        if kind != .pod, let host = map.value("hostedOn") {
            sink.error(.forbiddenField, host, "workload '\(name)': 'hostedOn' applies to kind pod only")
        }
        spec.hostedOn = map.string("hostedOn")
        spec.networkSecurityGroup = map.string("networkSecurityGroup")
        spec.applicationSecurityGroups = map.strings("applicationSecurityGroups")
        for key in ["privateLinkResource", "fqdn"] where kind != .privateEndpoint {
            guard let value = map.value(key) else { continue }
            sink.error(.forbiddenField, value, "workload '\(name)': '\(key)' applies to kind privateEndpoint only")
        }
        spec.privateLinkResource = map.string("privateLinkResource")
        spec.fqdn = map.string("fqdn")
        return spec
    }

    func cluster(_ node: Yams.Node) -> ClusterSpec? {
        guard
            let (map, name) = element(
                node, kind: "Kubernetes cluster",
                allowed: [
                    "name", "outboundType", "networkPlugin", "podCidr", "nodePools", "loadBalancer", "natGateway", "loadBalancerProfile",
                    "services",
                ])
        else { return nil }
        var spec = ClusterSpec(name: name, source: map.source)
        spec.outboundType = map.choice("outboundType", OutboundType.self) ?? .loadBalancer
        if let node = map.value("networkPlugin"), let plugin = map.text(node, "networkPlugin") {
            if ["azure", "kubenet"].contains(plugin) {
                spec.networkPlugin = plugin
            } else {
                sink.error(
                    .badValue, node, "cluster '\(name)': networkPlugin must be azure or kubenet, found '\(plugin)'",
                    hint: Suggestion.hint(for: plugin, in: ["azure", "kubenet"]))
            }
        }
        spec.podCidr = map.prefix("podCidr")
        spec.nodePools = map.strings("nodePools")
        spec.loadBalancer = map.string("loadBalancer")
        spec.natGateway = map.string("natGateway")
        if let node = map.value("loadBalancerProfile"),
            let p = MapReader(
                node, what: "cluster '\(name)' loadBalancerProfile",
                allowed: ["managedOutboundIPCount", "outboundIPs", "allocatedOutboundPorts", "idleTimeoutInMinutes"], sink: sink)
        {
            var profile = ClusterSpec.LoadBalancerProfile(source: p.source)
            profile.managedOutboundIPCount = p.int("managedOutboundIPCount", range: 1...100)
            profile.outboundIPs = p.strings("outboundIPs")
            profile.allocatedOutboundPorts = p.int("allocatedOutboundPorts", range: 0...64000) ?? 0
            profile.idleTimeoutInMinutes = p.int("idleTimeoutInMinutes", range: 4...120) ?? 30
            spec.loadBalancerProfile = profile
        }
        spec.services = map.list("services").compactMap { node in
            guard
                let (s, sname) = element(
                    node, kind: "service", within: "of '\(name)'",
                    allowed: [
                        "name", "internal", "port", "nodePort", "protocol", "publicIPAddress", "privateIPAddress", "enableFloatingIP",
                    ])
            else { return nil }
            guard let port = s.port("port", required: true) else { return nil }
            var service = ClusterSpec.Service(name: sname, port: port, source: s.source)
            service.isInternal = s.bool("internal") ?? false
            service.nodePort = s.port("nodePort")
            service.protocolType = s.choice("protocol", TransportProtocol.self) ?? .tcp
            service.publicIPAddress = s.string("publicIPAddress")
            service.privateIPAddress = s.address("privateIPAddress")
            service.enableFloatingIP = s.bool("enableFloatingIP") ?? true
            if service.isInternal && service.privateIPAddress == nil {
                sink.error(.missingField, node, "service '\(sname)': an internal service needs privateIPAddress")
            }
            if !service.isInternal && service.publicIPAddress == nil {
                sink.error(.missingField, node, "service '\(sname)': a public service needs publicIPAddress (the address AKS assigns)")
            }
            return service
        }
        return spec
    }

    func endpoint(_ node: Yams.Node) -> EndpointSpec? {
        guard let (map, name) = element(node, kind: "endpoint", allowed: ["name", "ipAddress", "fqdn", "onPremisesNetwork"]) else {
            return nil
        }
        var spec = EndpointSpec(name: name, source: map.source)
        spec.ipAddress = map.address("ipAddress")
        spec.fqdn = map.string("fqdn")
        spec.onPremisesNetwork = map.string("onPremisesNetwork")
        return spec
    }
}
