import RoundTripCore

/// The effective security rules of the NICs on a failing path, as Azure's "effective security rules" view lists them.
extension HTMLReport {
    /// One table per NIC with NSGs that the trace passed: inbound and outbound rules in evaluation order (G2).
    static func securityTables(_ trace: FlowTrace, flowNumber: Int, in t: Topology) -> String {
        // The NICs on the path, and the NIC an NSG checked for (a denied packet never reaches its NIC's hop).
        var nics: [Int] = []
        for hop in trace.forward + trace.reverse {
            if case .nic(let w, _) = hop.node { nics.append(w) }
            if case .securityRuleAllowed(_, _, _, _, let w) = hop.note { nics.append(w) }
        }
        if case .securityRuleDenied(_, _, _, _, let w, _) = trace.reason { nics.append(w) }
        var seen = Set<Int>()
        var html = ""
        for w in nics {
            guard seen.insert(w).inserted else { continue }
            let inbound = t.effectiveSecurityRules(at: w, inbound: true)
            let outbound = t.effectiveSecurityRules(at: w, inbound: false)
            guard !inbound.isEmpty || !outbound.isEmpty else { continue }
            html += "<table class=\"hops nsg\" id=\"flow-\(flowNumber)-nsg-\(seen.count)\"><caption>Effective security rules of "
            html += "\(escape(t.workloads[w].name)) (\(escape(t.subnets[t.securitySubnet(of: w)].qualifiedName)))</caption>\n"
            html += "<thead><tr><th>Direction</th><th>NSG</th><th>Priority</th><th>Rule</th><th>Access</th><th>Protocol</th>"
            html += "<th>Source</th><th>Destination</th><th>Ports</th></tr></thead><tbody>\n"
            for (direction, entries) in [("Inbound", inbound), ("Outbound", outbound)] {
                for e in entries {
                    let rule = t.securityGroups[e.group].rules(direction == "Inbound" ? .inbound : .outbound)[e.rule]
                    html += "<tr><td>\(direction)</td><td>\(escape(t.securityGroups[e.group].name)) (\(e.atSubnet ? "subnet" : "NIC"))</td>"
                    html += "<td>\(rule.priority)</td><td>\(escape(rule.name))\(rule.isDefault ? " <em>(default)</em>" : "")</td>"
                    html += "<td>\(rule.access.rawValue)</td><td>\(escape(rule.protocolType.rawValue))</td>"
                    html += "<td>\(escape(rule.sources.text.joined(separator: ", ")))</td>"
                    html += "<td>\(escape(rule.destinations.text.joined(separator: ", ")))</td>"
                    html += "<td>\(escape(rule.destinationPorts.map(\.description).joined(separator: ", ")))</td></tr>\n"
                }
            }
            html += "</tbody></table>\n"
        }
        return html
    }
}
