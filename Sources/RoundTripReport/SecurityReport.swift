import Foundation
import RoundTripCore

/// `roundtrip nsg`: IP flow verify and effective security rules, as text or JSON.
public enum SecurityReport {
    /// What the NSGs decide for a flow's first packet: outbound at the source's NIC, inbound at the destination's.
    public static func verify(_ flow: Flow, in t: Topology, json: Bool) throws -> String {
        let packet = Packet(
            source: flow.from.address, sourcePort: flow.sourcePort, destination: flow.to.address, destinationPort: flow.port,
            protocolType: flow.protocolType)
        var checks: [(side: String, workload: Int, verdicts: [SecurityVerdict])] = []
        if case .workload(let w, _) = flow.from {
            checks.append(("outbound at source", w, t.verifySecurity(packet, at: w, inbound: false)))
        }
        if case .workload(let w, _) = flow.to {
            checks.append(("inbound at destination", w, t.verifySecurity(packet, at: w, inbound: true)))
        }
        let allowed = checks.allSatisfy { $0.verdicts.allSatisfy(\.allowed) }
        if json {
            let document = VerifyDocument(
                packet: packet.description, access: allowed ? "Allow" : "Deny",
                checks: checks.map { check in
                    CheckDocument(
                        side: check.side, workload: t.workloads[check.workload].name,
                        decisions: check.verdicts.map { RuleDocument($0, in: t) })
                })
            return try encode(document)
        }
        var out = "\(packet): \(allowed ? "Allow" : "Deny")\n"
        for check in checks {
            out += "  \(check.side) '\(t.workloads[check.workload].name)':"
            if check.verdicts.isEmpty { out += " no NSG\n"; continue }
            out += "\n"
            for v in check.verdicts {
                let rule = t.securityGroups[v.group].rules(v.inbound ? .inbound : .outbound)[v.rule]
                out += "    \(v.allowed ? "allow" : "DENY ") NSG '\(t.securityGroups[v.group].name)' (\(v.atSubnet ? "subnet" : "NIC")) "
                out += "rule '\(rule.name)' priority \(rule.priority)\(rule.isDefault ? " (default)" : "")"
                if !rule.isDefault, rule.source.element.line > 0 { out += " at \(rule.source.element)" }
                out += "\n"
            }
        }
        return out
    }

    /// The effective security rules at each workload's NIC, both directions, in evaluation order.
    public static func effectiveRules(_ workloads: [Int], in t: Topology, json: Bool) throws -> String {
        if json {
            let documents = workloads.map { w in
                EffectiveDocument(
                    workload: t.workloads[w].name, subnet: t.subnets[t.securitySubnet(of: w)].qualifiedName,
                    inbound: t.effectiveSecurityRules(at: w, inbound: true).map { EntryDocument($0, inbound: true, in: t) },
                    outbound: t.effectiveSecurityRules(at: w, inbound: false).map { EntryDocument($0, inbound: false, in: t) })
            }
            return try encode(documents)
        }
        var out = ""
        for w in workloads {
            out += "Effective security rules of \(t.workloads[w].name) (\(t.subnets[t.securitySubnet(of: w)].qualifiedName))\n"
            for inbound in [true, false] {
                out += "  \(inbound ? "Inbound" : "Outbound"):\n"
                let entries = t.effectiveSecurityRules(at: w, inbound: inbound)
                if entries.isEmpty { out += "    no NSG: everything is allowed\n"; continue }
                let label = { (e: (group: Int, atSubnet: Bool, rule: Int)) in
                    "\(t.securityGroups[e.group].name) (\(e.atSubnet ? "subnet" : "NIC"))"
                }
                let nsgWidth = max(3, entries.map { label($0).count }.max() ?? 0)
                let nameWidth = max(
                    4, entries.map { t.securityGroups[$0.group].rules(inbound ? .inbound : .outbound)[$0.rule].name.count }.max() ?? 0)
                out +=
                    "    " + pad("NSG", nsgWidth) + " Priority  " + pad("Name", nameWidth)
                    + " Access  Protocol  Source -> Destination  Ports\n"
                for e in entries {
                    let rule = t.securityGroups[e.group].rules(inbound ? .inbound : .outbound)[e.rule]
                    out += "    " + pad(label(e), nsgWidth) + " " + pad("\(rule.priority)", 9) + " " + pad(rule.name, nameWidth) + " "
                    out += pad(rule.access.rawValue, 7) + " " + pad(rule.protocolType.rawValue, 9) + " "
                    out += "\(rule.sources.text.joined(separator: ",")) -> \(rule.destinations.text.joined(separator: ","))  "
                    out += rule.destinationPorts.map(\.description).joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    struct VerifyDocument: Encodable {
        var packet: String
        var access: String
        var checks: [CheckDocument]
    }
    struct CheckDocument: Encodable {
        var side: String
        var workload: String
        var decisions: [RuleDocument]
    }
    struct RuleDocument: Encodable {
        var nsg: String
        var level: String
        var rule: String
        var priority: Int
        var access: String
        var isDefault: Bool
        var location: String?
        init(_ v: SecurityVerdict, in t: Topology) {
            let rule = t.securityGroups[v.group].rules(v.inbound ? .inbound : .outbound)[v.rule]
            nsg = t.securityGroups[v.group].name
            level = v.atSubnet ? "subnet" : "nic"
            self.rule = rule.name
            priority = rule.priority
            access = rule.access.rawValue
            isDefault = rule.isDefault
            location = rule.isDefault ? nil : rule.source.element.description
        }
    }
    struct EffectiveDocument: Encodable {
        var workload: String
        var subnet: String
        var inbound: [EntryDocument]
        var outbound: [EntryDocument]
    }
    struct EntryDocument: Encodable {
        var nsg: String
        var level: String
        var name: String
        var priority: Int
        var access: String
        var `protocol`: String
        var sources: [String]
        var destinations: [String]
        var sourcePorts: [String]
        var destinationPorts: [String]
        var isDefault: Bool
        init(_ e: (group: Int, atSubnet: Bool, rule: Int), inbound: Bool, in t: Topology) {
            let rule = t.securityGroups[e.group].rules(inbound ? .inbound : .outbound)[e.rule]
            nsg = t.securityGroups[e.group].name
            level = e.atSubnet ? "subnet" : "nic"
            name = rule.name
            priority = rule.priority
            access = rule.access.rawValue
            self.protocol = rule.protocolType.rawValue
            sources = rule.sources.text
            destinations = rule.destinations.text
            sourcePorts = rule.sourcePorts.map(\.description)
            destinationPorts = rule.destinationPorts.map(\.description)
            isDefault = rule.isDefault
        }
    }
}
