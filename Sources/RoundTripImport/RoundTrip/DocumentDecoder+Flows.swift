import Foundation
import RoundTripCore
import Yams

/// Flows, assertions and service tags.
extension DocumentDecoder {
    func flow(_ node: Yams.Node) -> FlowSpec? {
        guard
            let (map, name) = element(
                node, kind: "flow",
                allowed: [
                    "name", "from", "to", "port", "sourcePort", "protocol", "expect", "expectDroppedAt", "expectEgressIP", "description",
                ])
        else { return nil }
        guard let from = map.requiredString("from"), let to = map.requiredString("to") else { return nil }
        var spec = FlowSpec(name: name, from: from, to: to, source: map.source)
        spec.port = map.port("port")
        spec.sourcePort = map.port("sourcePort")
        if let proto = map.choice("protocol", TransportProtocol.self) {
            if proto == .icmp, let n = map.value("protocol") {
                sink.error(.badValue, n, "flow '\(name)': protocol must be Tcp or Udp")
            }
            spec.protocolType = proto
        }
        spec.expect = map.choice("expect", Verdict.self)
        spec.expectDroppedAt = map.string("expectDroppedAt")
        spec.expectEgressIP = map.address("expectEgressIP")
        spec.description = map.string("description")
        return spec
    }

    func assertion(_ node: Yams.Node) -> AssertionSpec? {
        let keys = [
            "name", "description", "from", "to", "port", "protocol", "expect", "through", "egressVia", "noDefaultOutboundAccess",
            "bidirectional",
        ]
        guard let (map, name) = element(node, kind: "assertion", allowed: keys) else { return nil }
        let noDefault = map.bool("noDefaultOutboundAccess") ?? false
        guard let from = map.requiredString("from") else { return nil }
        let to = noDefault ? (map.string("to") ?? "") : map.requiredString("to")
        guard let to else { return nil }
        var spec = AssertionSpec(name: name, from: from, to: to, source: map.source)
        spec.noDefaultOutboundAccess = noDefault
        spec.description = map.string("description")
        spec.port = map.port("port")
        spec.protocolType = map.choice("protocol", TransportProtocol.self) ?? .tcp
        if let node = map.value("expect"), let text = map.text(node, "expect") {
            if text == "no-asymmetry" {
                spec.expect = .noAsymmetry
            } else if let verdict = Verdict(rawValue: text) {
                spec.expect = .verdict(verdict)
            } else {
                let names = ["no-asymmetry"] + Verdict.allCases.map(\.rawValue)
                sink.error(
                    .badValue, node, "assertion '\(name)': 'expect' must be one of \(names.joined(separator: ", ")), found '\(text)'",
                    hint: Suggestion.hint(for: text, in: names))
            }
        }
        spec.through = map.string("through")
        spec.egressVia = map.string("egressVia")
        spec.bidirectional = map.bool("bidirectional") ?? false
        return spec
    }

    func serviceTag(_ node: Yams.Node) -> ServiceTagSpec? {
        guard let (map, name) = element(node, kind: "service tag", allowed: ["name", "addressPrefixes"]) else { return nil }
        _ = map.required("addressPrefixes")
        return ServiceTagSpec(name: name, addressPrefixes: map.prefixes("addressPrefixes"), source: map.source)
    }
}
