import Foundation
import RoundTripCore
import Yams

/// Load balancers: frontends, pools, load-balancing, inbound NAT and outbound rules.
extension DocumentDecoder {
    func loadBalancer(_ node: Yams.Node) -> LoadBalancerSpec? {
        guard
            let (map, name) = element(
                node, kind: "load balancer",
                allowed: [
                    "name", "frontendIPConfigurations", "backendAddressPools", "loadBalancingRules", "inboundNatRules", "outboundRules",
                ])
        else { return nil }
        var spec = LoadBalancerSpec(name: name, source: map.source)
        spec.frontendIPConfigurations = map.list("frontendIPConfigurations").compactMap { node in
            guard
                let (fe, feName) = element(
                    node, kind: "frontend", within: "of '\(name)'", allowed: ["name", "publicIPAddress", "subnet", "privateIPAddress"])
            else { return nil }
            var f = LoadBalancerSpec.Frontend(name: feName, source: fe.source)
            f.publicIPAddress = fe.string("publicIPAddress")
            f.subnet = fe.string("subnet")
            f.privateIPAddress = fe.address("privateIPAddress")
            return f
        }
        spec.backendAddressPools = map.list("backendAddressPools").compactMap { node in
            guard
                let (p, poolName) = element(
                    node, kind: "backend pool", within: "of '\(name)'", allowed: ["name", "members", "ipAddresses"])
            else { return nil }
            var pool = LoadBalancerSpec.Pool(name: poolName, source: p.source)
            pool.members = p.strings("members")
            pool.ipAddresses = p.addresses("ipAddresses")
            return pool
        }
        spec.loadBalancingRules = map.list("loadBalancingRules").compactMap { lbRule($0, lb: name, kind: "load-balancing rule") }
        spec.inboundNatRules = map.list("inboundNatRules").compactMap { lbRule($0, lb: name, kind: "inbound NAT rule") }
        spec.outboundRules = map.list("outboundRules").compactMap { node in
            guard
                let (o, ruleName) = element(
                    node, kind: "outbound rule", within: "of '\(name)'",
                    allowed: ["name", "frontendIPConfigurations", "backendAddressPool", "allocatedOutboundPorts", "idleTimeoutInMinutes"])
            else { return nil }
            guard let pool = o.requiredString("backendAddressPool") else { return nil }
            _ = o.required("frontendIPConfigurations")
            var rule = LoadBalancerSpec.OutboundRule(
                name: ruleName, frontendIPConfigurations: o.strings("frontendIPConfigurations"), backendAddressPool: pool, source: o.source)
            rule.allocatedOutboundPorts = o.int("allocatedOutboundPorts", range: 0...64000) ?? 0
            rule.idleTimeoutInMinutes = o.int("idleTimeoutInMinutes", range: 4...120) ?? 4
            return rule
        }
        return spec
    }

    func lbRule(_ node: Yams.Node, lb: String, kind: String) -> LoadBalancerSpec.Rule? {
        guard
            let (r, name) = element(
                node, kind: kind, within: "of '\(lb)'",
                allowed: [
                    "name", "frontendIPConfiguration", "backendAddressPool", "protocol", "frontendPort", "backendPort", "enableFloatingIP",
                ])
        else { return nil }
        guard let fe = r.requiredString("frontendIPConfiguration"), let pool = r.requiredString("backendAddressPool"),
            let proto = r.choice("protocol", LBProtocol.self, required: true),
            let frontendPort = r.port("frontendPort", required: true), let backendPort = r.port("backendPort", required: true)
        else { return nil }
        var rule = LoadBalancerSpec.Rule(
            name: name, frontendIPConfiguration: fe, protocolType: proto, frontendPort: frontendPort, backendPort: backendPort,
            source: r.source)
        rule.backendAddressPool = pool
        rule.enableFloatingIP = r.bool("enableFloatingIP") ?? false
        return rule
    }
}
