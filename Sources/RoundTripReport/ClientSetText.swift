import RoundTripCore

/// Words for client address sets, relative to the clients an entry point can have.
public enum ClientSetText {
    /// `every Internet client`, `every Internet client except 20.0.0.0/8`, or the CIDR list.
    public static func describe(_ clients: AddressSpace, in result: EntryPointResult, topology t: Topology, limit: Int = 8) -> String {
        switch result.entry.clients {
        case .internet: return describe(clients, universe: result.universe, name: "every Internet client", limit: limit)
        case .onPremises(let n):
            return describe(clients, universe: result.universe, name: "every client in on-premises '\(t.onPremises[n].name)'", limit: limit)
        case .fixed(let end): return t.flowEndName(end)
        }
    }

    /// A client set relative to its universe, called `name` (`every Internet client`).
    public static func describe(_ clients: AddressSpace, universe: AddressSpace, name: String, limit: Int = 8) -> String {
        if clients == universe { return name }
        let missing = universe.subtracting(clients)
        if missing.intervals.count < clients.intervals.count {
            return "\(name) except \(list(missing.prefixes, limit: limit))"
        }
        return list(clients.prefixes, limit: limit)
    }

    /// An assertion counterexample's clients in words.
    public static func describe(_ c: AssertionResult.Counterexample) -> String {
        if c.universe.count == 1 { return c.universeName }
        return describe(c.clients, universe: c.universe, name: c.universeName)
    }

    /// A CIDR list, shortened past `limit`.
    public static func list(_ prefixes: [IPv4Prefix], limit: Int) -> String {
        if prefixes.count <= limit { return prefixes.map(\.description).joined(separator: ", ") }
        return prefixes.prefix(limit).map(\.description).joined(separator: ", ") + " and \(prefixes.count - limit) more prefixes"
    }

    /// The universe in words.
    public static func universe(_ result: EntryPointResult, topology t: Topology) -> String {
        switch result.entry.clients {
        case .internet: return "Internet clients (every address outside private and reserved ranges and the design's own)"
        case .onPremises(let n):
            return "on-premises '\(t.onPremises[n].name)' (\(t.onPremises[n].addressPrefixes.map(\.description).joined(separator: ", ")))"
        case .fixed(let end): return t.flowEndName(end)
        }
    }
}

extension TextReport {
    /// The exhaustive verification, one line per entry point and backend, with the client sets per verdict.
    /// With the check it belongs to, accepted verdicts and those the entry point's flow expects do not count as failures.
    public static func exhaustive(
        _ report: ExhaustiveReport, topology t: Topology, failOn: Set<Verdict>, check: CheckReport? = nil
    ) -> String {
        var out =
            "\nExhaustive verification: \(report.results.count) entry point/backend pairs, \(report.classCount) client classes traced\n"
        for result in report.results {
            let bad =
                check.map { !$0.failingVerdicts(of: result, on: failOn).isEmpty }
                ?? result.verdicts.contains { failOn.contains($0.verdict) }
            let backend = result.backend.map { " → backend \($0)" } ?? ""
            out += "\(bad ? "✗" : "✓") \(result.entry.name)\(backend) (\(result.entry.port)/\(result.entry.protocolType.rawValue))\n"
            for v in result.verdicts {
                out += "    \(v.verdict.rawValue) for \(ClientSetText.describe(v.clients, in: result, topology: t))\n"
                if v.verdict != .symmetric {
                    out += indent(wrap("e.g. \(v.exampleClient): \(t.reasonText(of: v.example))", width: 104), by: 6)
                    if let acceptance = check?.acceptance(of: result, verdict: v.verdict) {
                        out += indent(wrap(acceptance.summary, width: 104), by: 6)
                    }
                }
            }
        }
        return out
    }
}
