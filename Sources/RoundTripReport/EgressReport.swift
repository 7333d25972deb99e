import Foundation
import RoundTripCore

/// Egress summaries: how each workload leaves, with which public address, and its SNAT headroom.
public enum EgressReport {
    /// Figures with thousands separators (deterministic, locale-free).
    static func n(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    /// SNAT capacity in words; `expected` is the expected concurrent connections per instance to one destination.
    public static func snat(_ c: SNATCapacity, expected: Int? = nil) -> String {
        var text: String
        switch c.source {
        case .loadBalancerDefault, .loadBalancerManual:
            if c.allocationFails {
                text = "\(c.source.rawValue): allocation FAILS for \(n(c.instances)) instances"
            } else {
                text =
                    "\(c.source.rawValue): \(n(c.portsPerInstance ?? 0)) ports per instance × \(n(c.instances)) instances "
                    + "(\(n(c.publicIPs)) IP\(c.publicIPs == 1 ? "" : "s"), \(n(c.totalPorts)) ports); at most \(n(c.maxConnectionsPerDestination)) "
                    + "concurrent connections per instance to one destination IP:port"
            }
            if let next = c.nextLimit { text += "; \(next.description)" }
        case .natGateway:
            text =
                "NAT gateway: \(n(c.publicIPs)) IP\(c.publicIPs == 1 ? "" : "s") × 64,512 = \(n(c.totalPorts)) ports on demand, shared by "
                + "\(n(c.instances)) instances; at most \(n(c.maxConnectionsPerDestination)) concurrent connections to one destination"
        case .firewall:
            text =
                "Azure Firewall: \(n(c.instances)) instances × \(n(c.publicIPs)) public IP\(c.publicIPs == 1 ? "" : "s") × 2,496 = "
                + "\(n(c.totalPorts)) ports, shared; at most \(n(c.maxConnectionsPerDestination)) concurrent connections to one destination"
        case .instancePublicIP:
            text = "instance public IP: no SNAT, every port"
        case .defaultOutbound:
            text = "default outbound access: ports not documented"
        }
        if let expected {
            let limit = c.maxConnectionsPerDestination
            let need = c.perInstance ? expected : expected * c.instances
            if c.allocationFails || need > limit {
                text +=
                    " — EXHAUSTION RISK: \(n(expected)) connections per instance need \(n(need)) ports to one destination, \(n(limit)) available"
            } else {
                text += " — headroom for \(n(expected)) connections per instance (\(n(need)) of \(n(limit)))"
            }
        }
        return text
    }

    /// The given egress summaries (computed by ``Topology/egressSummary(of:depth:)`` or carried in
    /// ``CheckReport/egress``), one block each under a heading naming the design.
    public static func text(_ summaries: [EgressSummary], in t: Topology, expected: Int? = nil) -> String {
        var out = "Egress: \(t.name) (\(t.file))\n"
        for s in summaries {
            out += "\n" + block(s, in: t, expected: expected)
        }
        return out
    }

    /// One workload's egress.
    public static func block(_ s: EgressSummary, in t: Topology, expected: Int?) -> String {
        let w = t.workloads[s.workload]
        let addresses =
            w.addresses.count > 3
            ? "\(w.addresses[0]) … \(w.addresses.count) addresses" : w.addresses.map(\.description).joined(separator: ", ")
        var out = "\(w.name) (\(w.kind.rawValue), \(addresses)) in \(t.subnets[w.subnet].qualifiedName)\n"
        if let host = s.masqueradedTo { out += "  masqueraded to node pool '\(t.workloads[host].name)' (\(s.sourceAddress))\n" }
        out += "  leaves via \(t.describe(s.method))"
        if let route = s.route { out += "\n    decided by \(t.describeDecision(route))" }
        out +=
            "\n  public source: "
            + (s.publicAddresses.isEmpty ? "none known" : s.publicAddresses.map(\.description).joined(separator: " or "))
        if s.publicAddresses.count > 1 { out += " (picked per connection)" }
        out += "\n"
        for inner in s.via {
            out +=
                "  the NVA leaves via \(t.describe(inner.method)); public source \(inner.publicAddresses.map(\.description).joined(separator: ", "))\n"
        }
        if let c = s.snat { out += "  SNAT: \(snat(c, expected: expected))\n" }
        return out
    }

    /// A what-if comparison: for each workload its name, then now and what-if side by side.
    public static func compare(_ comparison: EgressComparison, expected: Int?) -> String {
        var out = ""
        for entry in comparison.entries {
            out += "\n\(entry.workload):\n"
            out += compare(entry.now, in: comparison.before, entry.whatIf, in: comparison.after, expected: expected)
        }
        return out
    }

    /// Two egress summaries side by side (now vs what-if).
    public static func compare(_ now: EgressSummary, in a: Topology, _ then: EgressSummary, in b: Topology, expected: Int?) -> String {
        let rows: [(String, String, String)] = [
            ("leaves via", a.describe(now.method), b.describe(then.method)),
            ("public source", addresses(now, a), addresses(then, b)),
            ("SNAT", now.snat.map { snat($0, expected: expected) } ?? "—", then.snat.map { snat($0, expected: expected) } ?? "—"),
        ]
        var out = ""
        for (label, x, y) in rows {
            out += "  \(label):\n    now:     \(x)\n    what-if: \(y)\n"
        }
        return out
    }

    /// The public sources of a summary; placeholder addresses a what-if invented say so.
    static func addresses(_ s: EgressSummary, _ t: Topology) -> String {
        if s.publicAddresses.isEmpty { return "none known" }
        return s.publicAddresses.map { address in
            let name = t.publicIPs.first { $0.prefix.contains(address) }?.name ?? ""
            return name.hasPrefix("what-if-") ? "\(address) (placeholder: a new address)" : address.description
        }.joined(separator: " or ")
    }
}
