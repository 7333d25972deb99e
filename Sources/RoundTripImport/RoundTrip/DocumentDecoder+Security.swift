import Foundation
import RoundTripCore
import Yams

/// The second set of format additions: network and application security groups, Bastion hosts, accepted findings.
extension DocumentDecoder {
    func securityGroup(_ node: Yams.Node) -> SecurityGroupSpec? {
        guard let (map, name) = element(node, kind: "network security group", allowed: ["name", "securityRules"]) else { return nil }
        var spec = SecurityGroupSpec(name: name, source: map.source)
        spec.securityRules = map.list("securityRules").compactMap { securityRule($0, nsg: name) }
        return spec
    }

    func securityRule(_ node: Yams.Node, nsg: String) -> SecurityGroupSpec.Rule? {
        let sides = ["source", "destination"]
        let keys =
            ["name", "priority", "direction", "access", "protocol", "description"]
            + sides.flatMap {
                ["\($0)AddressPrefix", "\($0)AddressPrefixes", "\($0)ApplicationSecurityGroups", "\($0)PortRange", "\($0)PortRanges"]
            }
        guard let (map, name) = element(node, kind: "security rule", within: "of '\(nsg)'", allowed: keys) else { return nil }
        guard let priority = map.int("priority", range: 0...Int(Int32.max), required: true),
            let direction = map.choice("direction", SecurityGroupSpec.Direction.self, required: true),
            let access = map.choice("access", SecurityGroupSpec.Access.self, required: true),
            let proto = map.choice("protocol", SecurityGroupSpec.RuleProtocol.self, required: true)
        else { return nil }
        var rule = SecurityGroupSpec.Rule(
            name: name, priority: priority, direction: direction, access: access, protocolType: proto, source: map.source)
        rule.sourceAddressPrefixes = (map.string("sourceAddressPrefix").map { [$0] } ?? []) + map.strings("sourceAddressPrefixes")
        rule.destinationAddressPrefixes =
            (map.string("destinationAddressPrefix").map { [$0] } ?? []) + map.strings("destinationAddressPrefixes")
        rule.sourceApplicationSecurityGroups = map.strings("sourceApplicationSecurityGroups")
        rule.destinationApplicationSecurityGroups = map.strings("destinationApplicationSecurityGroups")
        if map.value("sourcePortRange") != nil || map.value("sourcePortRanges") != nil {
            rule.sourcePortRanges = portRanges(map, "sourcePortRange") + map.ports("sourcePortRanges")
        }
        if map.value("destinationPortRange") != nil || map.value("destinationPortRanges") != nil {
            rule.destinationPortRanges = portRanges(map, "destinationPortRange") + map.ports("destinationPortRanges")
        }
        return rule
    }

    /// A single port range field (`"443"`, `"1000-2000"`, `"*"`).
    func portRanges(_ map: MapReader, _ key: String) -> [PortRange] {
        guard let node = map.value(key), let text = map.text(node, key) else { return [] }
        guard let range = PortRange(text) else {
            sink.error(.badPort, node, "\(map.what): '\(key)' expects a port like 443, \"1000-2000\" or \"*\", found '\(text)'")
            return []
        }
        return [range]
    }

    func applicationSecurityGroup(_ node: Yams.Node) -> ApplicationSecurityGroupSpec? {
        guard let (map, name) = element(node, kind: "application security group", allowed: ["name"]) else { return nil }
        return ApplicationSecurityGroupSpec(name: name, source: map.source)
    }

    func bastion(_ node: Yams.Node) -> BastionSpec? {
        guard
            let (map, name) = element(
                node, kind: "Bastion host", allowed: ["name", "subnet", "publicIPAddress", "instanceIPAddresses"])
        else { return nil }
        guard let subnet = map.requiredString("subnet") else { return nil }
        var spec = BastionSpec(name: name, subnet: subnet, source: map.source)
        spec.publicIPAddress = map.string("publicIPAddress")
        spec.instanceIPAddresses = map.addresses("instanceIPAddresses")
        return spec
    }

    func acceptedFinding(_ node: Yams.Node) -> AcceptedSpec? {
        guard case .mapping = node,
            let map = MapReader(
                node, what: "accepted finding", allowed: ["flow", "entryPoint", "verdict", "reason", "expires"], sink: sink)
        else {
            sink.error(.wrongType, node, "accepted: expected a mapping with flow or entryPoint, verdict and reason")
            return nil
        }
        guard let verdict = map.choice("verdict", Verdict.self, required: true), let reason = map.requiredString("reason") else {
            return nil
        }
        var spec = AcceptedSpec(verdict: verdict, reason: reason, source: map.source)
        spec.flow = map.string("flow")
        spec.entryPoint = map.string("entryPoint")
        if spec.flow == nil && spec.entryPoint == nil {
            sink.error(.missingField, node, "accepted finding: give flow or entryPoint")
        }
        if let node = map.value("expires"), let text = map.text(node, "expires") {
            if Self.isDate(text) {
                spec.expires = text
            } else {
                sink.error(.badValue, node, "accepted finding: 'expires' must be a date like 2027-06-30, found '\(text)'")
            }
        }
        return spec
    }

    /// Whether a text is a `YYYY-MM-DD` calendar date.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return year >= 2000 && (1...12).contains(month) && (1...31).contains(day)
    }
}
