import Foundation
import RoundTripCore
import Yams

/// Azure Firewall: its settings and its NAT, network and application rule collections.
extension DocumentDecoder {
    /// A list of transport protocols under `key` (`protocols` of classic rules, `ipProtocols` of policy rules):
    /// TCP, UDP (and ICMP, Any where `allowAny`), case-insensitive.
    func protocols(_ map: MapReader, key: String = "protocols", allowAny: Bool) -> (list: [TransportProtocol], any: Bool) {
        var list: [TransportProtocol] = []
        var any = false
        for node in map.list(key) {
            guard let text = map.text(node, key) else { continue }
            switch text.uppercased() {
            case "TCP": list.append(.tcp)
            case "UDP": list.append(.udp)
            case "ICMP" where allowAny: list.append(.icmp)
            case "ANY" where allowAny: any = true
            default:
                let allowed = allowAny ? ["TCP", "UDP", "ICMP", "Any"] : ["TCP", "UDP"]
                sink.error(
                    .badValue, node,
                    "\(map.what): \(key == "protocols" ? "protocol" : key) '\(text)' must be one of \(allowed.joined(separator: ", "))",
                    hint: Suggestion.hint(for: text, in: allowed))
            }
        }
        return (list, any)
    }

    func collection<R>(
        _ node: Yams.Node, kind: String, firewall: String, actionRequired: Bool, rule: (Yams.Node, String) -> R?
    ) -> FirewallSpec.Collection<R>? {
        guard let (map, name) = element(node, kind: kind, within: "of '\(firewall)'", allowed: ["name", "priority", "action", "rules"])
        else { return nil }
        guard let priority = map.int("priority", range: 100...65000, required: true) else { return nil }
        var action = RuleAction.allow
        if actionRequired {
            guard let a = map.choice("action", RuleAction.self, required: true) else { return nil }
            action = a
        } else if let node = map.value("action"), let text = map.text(node, "action"), text.uppercased() != "DNAT" {
            sink.error(.badValue, node, "\(map.what): action must be DNAT, found '\(text)'")
        }
        let rules = map.list("rules").compactMap { rule($0, name) }
        return FirewallSpec.Collection(name: name, priority: priority, action: action, rules: rules, source: map.source)
    }

    func firewall(_ node: Yams.Node) -> FirewallSpec? {
        guard
            let (map, name) = element(
                node, kind: "Azure Firewall",
                allowed: [
                    "name", "subnet", "privateIPAddress", "instanceCount", "instanceIPAddresses", "publicIPAddresses", "snatPrivateRanges",
                    "forcedTunneling", "threatIntelMode", "firewallPolicy", "natRuleCollections", "networkRuleCollections",
                    "applicationRuleCollections",
                ])
        else { return nil }
        guard let subnet = map.requiredString("subnet"), let privateIP = map.address("privateIPAddress", required: true) else { return nil }
        var spec = FirewallSpec(name: name, subnet: subnet, privateIPAddress: privateIP, source: map.source)
        spec.instanceCount = map.int("instanceCount", range: 0...Int(Int32.max)) ?? 2
        spec.instanceIPAddresses = map.addresses("instanceIPAddresses")
        spec.publicIPAddresses = map.strings("publicIPAddresses")
        if map.value("snatPrivateRanges") != nil {
            var ranges: [IPv4Prefix] = []
            for item in map.list("snatPrivateRanges") {
                guard let text = map.text(item, "snatPrivateRanges") else { continue }
                if text == "IANAPrivateRanges" {
                    ranges += IPv4Prefix.ianaPrivateRanges
                } else if let p = map.parsePrefix(item, "snatPrivateRanges") {
                    ranges.append(p)
                }
            }
            spec.snatPrivateRanges = ranges
        }
        spec.forcedTunneling = map.bool("forcedTunneling") ?? false
        spec.threatIntelMode = map.choice("threatIntelMode", FirewallSpec.ThreatIntelMode.self) ?? .alert
        spec.firewallPolicy = map.string("firewallPolicy")
        spec.natRuleCollections = map.list("natRuleCollections").compactMap { c in
            collection(c, kind: "NAT rule collection", firewall: name, actionRequired: false) { node, cname in
                guard
                    let (r, rname) = element(
                        node, kind: "DNAT rule", within: "in '\(cname)'",
                        allowed: [
                            "name", "protocols", "sourceAddresses", "destinationAddresses", "destinationPorts", "translatedAddress",
                            "translatedPort",
                        ])
                else { return nil }
                _ = r.required("protocols"); _ = r.required("sourceAddresses"); _ = r.required("destinationAddresses");
                _ = r.required("destinationPorts")
                guard let translated = r.address("translatedAddress", required: true), let port = r.port("translatedPort", required: true)
                else { return nil }
                return FirewallSpec.NatRule(
                    name: rname, protocols: protocols(r, allowAny: false).list, sourceAddresses: r.strings("sourceAddresses"),
                    destinationAddresses: r.strings("destinationAddresses"), destinationPorts: r.ports("destinationPorts"),
                    translatedAddress: translated, translatedPort: port, source: r.source)
            }
        }
        spec.networkRuleCollections = map.list("networkRuleCollections").compactMap { c in
            collection(c, kind: "network rule collection", firewall: name, actionRequired: true) { node, cname in
                guard
                    let (r, rname) = element(
                        node, kind: "network rule", within: "in '\(cname)'",
                        allowed: ["name", "protocols", "sourceAddresses", "destinationAddresses", "destinationFqdns", "destinationPorts"])
                else { return nil }
                _ = r.required("protocols"); _ = r.required("sourceAddresses"); _ = r.required("destinationPorts")
                if r.value("destinationAddresses") == nil && r.value("destinationFqdns") == nil {
                    sink.error(.missingField, node, "network rule '\(rname)': needs destinationAddresses or destinationFqdns")
                }
                let p = protocols(r, allowAny: true)
                return FirewallSpec.NetworkRule(
                    name: rname, protocols: p.list, anyProtocol: p.any, sourceAddresses: r.strings("sourceAddresses"),
                    destinationAddresses: r.strings("destinationAddresses"), destinationFqdns: r.strings("destinationFqdns"),
                    destinationPorts: r.ports("destinationPorts"), source: r.source)
            }
        }
        spec.applicationRuleCollections = map.list("applicationRuleCollections").compactMap { c in
            collection(c, kind: "application rule collection", firewall: name, actionRequired: true) { node, cname in
                guard
                    let (r, rname) = element(
                        node, kind: "application rule", within: "in '\(cname)'",
                        allowed: ["name", "sourceAddresses", "protocols", "targetFqdns", "fqdnTags"])
                else { return nil }
                _ = r.required("sourceAddresses"); _ = r.required("protocols")
                if r.value("targetFqdns") == nil && r.value("fqdnTags") == nil {
                    sink.error(.missingField, node, "application rule '\(rname)': needs targetFqdns or fqdnTags")
                }
                var protocols: [FirewallSpec.AppProtocol] = []
                for item in r.list("protocols") {
                    guard let text = r.text(item, "protocols") else { continue }
                    let parts = text.split(separator: ":")
                    if parts.count == 2,
                        let kind = FirewallSpec.AppProtocol.Kind.allCases.first(where: { $0.rawValue.lowercased() == parts[0].lowercased() }
                        ), let port = UInt16(parts[1])
                    {
                        protocols.append(.init(kind: kind, port: port))
                    } else {
                        sink.error(
                            .badValue, item,
                            "application rule '\(rname)': protocol '\(text)' must look like Http:80, Https:443 or Mssql:1433")
                    }
                }
                return FirewallSpec.ApplicationRule(
                    name: rname, sourceAddresses: r.strings("sourceAddresses"), protocols: protocols, targetFqdns: r.strings("targetFqdns"),
                    fqdnTags: r.strings("fqdnTags"), source: r.source)
            }
        }
        return spec
    }
}
