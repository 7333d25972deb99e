import RoundTripCore

/// Plain-text renderings for terminals and logs: check summaries, hop-by-hop traces, effective routes.
public enum TextReport {
    /// Where the rules cited in messages are explained.
    public static let rulesDocument = "docs/rules.md"

    /// The summary of a check: one block per flow, design findings, totals.
    public static func check(_ report: CheckReport, failOn: Set<Verdict> = CheckReport.defaultFailOn) -> String {
        let t = report.topology
        var out = "RoundTrip check: \(t.name) (\(t.file))\n\n"
        for result in report.results {
            let flow = result.flow
            let mark = report.fails(result, on: failOn) ? "✗" : "✓"
            out +=
                "\(mark) \(flow.name): \(flow.fromText) → \(flow.toText):\(flow.port)/\(flow.protocolType.rawValue)  \(result.trace.verdict.rawValue)"
            if let expect = flow.expect {
                out += result.holds == true ? " (expected \(expect.rawValue))" : " (EXPECTED \(expect.rawValue))"
            }
            out += "\n"
            if result.trace.verdict != .symmetric || result.holds == false {
                out += indent(wrap(t.reasonText(of: result.trace)), by: 4)
                if let node = result.trace.droppedAt { out += "    at: \(t.label(of: node))\n" }
                if let pool = t.poolText(of: result.trace) { out += "    \(pool)\n" }
                if let cause = result.trace.cause, let location = t.location(of: cause) {
                    out += "    cause: \(t.describeDecision(cause)) at \(location)\n"
                }
                if let shadow = result.trace.shadowedRoute {
                    let at = t.location(of: shadow.loser).map { " at \($0)" } ?? ""
                    out += indent(wrap("shadowed: " + t.describe(shadow) + at), by: 4)
                }
            }
            for failure in result.expectationFailures { out += "    expectation failed: \(failure)\n" }
            if let fix = report.fix(for: result) { out += indent(wrap("\(fix.label): \(fix.description)"), by: 4) }
            if let acceptance = report.acceptance(ofFlow: flow.name, verdict: result.trace.verdict) {
                out += indent(wrap(acceptance.summary), by: 4)
            }
            if !result.trace.egressAddresses.isEmpty {
                out += "    leaves from \(result.trace.egressAddresses.map(\.description).joined(separator: " or "))\n"
            }
            for warning in result.trace.warnings.map { t.describe($0) } { out += "    warning: \(warning)\n" }
        }
        if !report.assertions.isEmpty {
            out += "\nAssertions:\n"
            for a in report.assertions {
                out += "\(a.holds ? "✓" : "✗") \(a.assertion.name): \(a.assertion.fromText) → \(a.assertion.toText)  "
                out += a.holds ? "holds for every client (\(a.classCount) client classes traced)\n" : "FAILS\n"
                for c in a.counterexamples.prefix(6) {
                    out += indent(wrap("for \(ClientSetText.describe(c)) → \(c.destination): \(c.reason)", width: 104), by: 4)
                }
                if a.counterexamples.count > 6 { out += "    … \(a.counterexamples.count - 6) more\n" }
            }
        }
        if !report.requiredEgress.isEmpty {
            out += requiredEgress(report.requiredEgress, in: t)
        }
        if let exhaustive = report.exhaustive {
            out += TextReport.exhaustive(exhaustive, topology: t, failOn: failOn, check: report)
        }
        if !report.findings.isEmpty {
            out += "\nDesign findings:\n"
            for f in report.findings {
                out += "  \(f.location): \(f.unsupported ? "unsupported" : "warning"): \(f.message) (\(f.rule))\n"
                if let hint = f.hint { out += "    fix: \(hint)\n" }
            }
        }
        let counts = report.verdictCounts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
        let withExpectation = report.results.filter(\.hasExpectation)
        let holding = withExpectation.filter { $0.holds == true }.count
        out += "\n\(report.results.count) flow\(report.results.count == 1 ? "" : "s"): \(counts.isEmpty ? "none" : counts); "
        out += "\(holding)/\(withExpectation.count) expectations hold"
        if !report.assertions.isEmpty {
            out += "; \(report.assertions.filter(\.holds).count)/\(report.assertions.count) assertions hold"
        }
        let accepted = report.results.filter { report.acceptance(ofFlow: $0.flow.name, verdict: $0.trace.verdict)?.active == true }
        if !accepted.isEmpty { out += "; \(accepted.count) accepted" }
        out += "\n"
        if report.results.contains(where: { $0.trace.verdict != .symmetric }) || !report.findings.isEmpty
            || report.assertions.contains(where: { !$0.holds })
        {
            out += "The rules cited in parentheses (R22, F13, …) are explained in \(rulesDocument).\n"
        }
        return out
    }

    /// AKS required egress per cluster: each destination, allowed or not, and the rule that decided.
    public static func requiredEgress(_ results: [RequiredEgressResult], in t: Topology) -> String {
        var out = "\nAKS required egress (K3):\n"
        for c in Array(Set(results.map(\.cluster))).sorted() {
            let mine = results.filter { $0.cluster == c }
            let missing = mine.filter { $0.item.required && !$0.allowed }.count
            out += "  \(t.clusters[c].name): \(mine.filter(\.allowed).count)/\(mine.count) destinations allowed"
            out +=
                missing == 0
                ? " (roundtrip egress shows the rules)\n" : ", \(missing) required destination\(missing == 1 ? "" : "s") blocked\n"
            for r in mine where !r.allowed {
                let mark = r.item.required ? "✗" : "-"
                var line =
                    "    \(mark) \(r.item.protocolType.rawValue.uppercased()) \(r.item.port) \(r.item.destination) (\(r.item.purpose))"
                line +=
                    r.rule.map { " — \(t.describeDecision($0)) denies it" }
                    ?? " — \(r.trace.verdict.rawValue): \(t.reasonText(of: r.trace))"
                out += line + "\n"
                if let hint = r.allowHint(in: t) {
                    out += "        allow it with \(hint)\(r.item.required ? "" : " (\(r.item.note ?? "conditional"))")\n"
                }
            }
        }
        return out
    }

    /// A round trip hop by hop.
    public static func trace(_ trace: FlowTrace, flow: Flow, in t: Topology) -> String {
        var out = "\(flow.name): \(flow.fromText) → \(flow.toText):\(flow.port)/\(flow.protocolType.rawValue)\n"
        out += "verdict: \(trace.verdict.rawValue)\n"
        out += indent(wrap("reason: " + t.reasonText(of: trace)), by: 0)
        if let pool = t.poolText(of: trace) { out += "\(pool)\n" }
        if let cause = trace.cause, let location = t.location(of: cause) {
            out += "cause: \(t.describeDecision(cause)) at \(location)\n"
        }
        if let shadow = trace.shadowedRoute { out += indent(wrap("shadowed: " + t.describe(shadow)), by: 0) }
        for (title, hops) in [("forward", trace.forward), ("return", trace.reverse)] where !hops.isEmpty {
            out += "\n\(title):\n"
            for (i, hop) in hops.enumerated() { out += hopLines(hop, number: i + 1, in: t) }
        }
        if !trace.egressAddresses.isEmpty {
            out += "\negress address: \(trace.egressAddresses.map(\.description).joined(separator: " or "))\n"
        }
        for warning in trace.warnings.map { t.describe($0) } { out += "warning: \(warning)\n" }
        return out
    }

    static func hopLines(_ hop: Hop, number: Int, in t: Topology) -> String {
        let marker: String
        switch hop.outcome {
        case .forwarded: marker = ""
        case .delivered: marker = "  [delivered]"
        case .dropped: marker = "  [DROPPED]"
        }
        var out = "  \(number). \(t.label(of: hop.node))  \(hop.packet)\(marker)\n"
        if let decision = hop.decision, decision != .session { out += "       by \(t.describeDecision(decision))\n" }
        for r in hop.rewrites {
            out += "       \(r.kind.rawValue) \(r.field.rawValue) \(r.beforeAddress):\(r.beforePort) → \(r.afterAddress):\(r.afterPort)\n"
        }
        if let s = hop.session { out += "       session \(s.kind.rawValue) at \(t.label(of: t.node(of: s.device)))\n" }
        if let note = hop.note.map({ t.describe($0) }), !note.isEmpty { out += indent(wrap(note, width: 100), by: 7) }
        return out
    }

    /// A subnet's effective routes, laid out like Azure's effective-routes view.
    public static func routes(_ t: Topology, subnet: Int) -> String {
        let s = t.subnets[subnet]
        var rows: [[String]] = [["Source", "State", "Address Prefix", "Next Hop Type", "Next Hop IP", "Route"]]
        for route in t.effectiveRoutes[subnet].routes {
            var name = ""
            switch route.origin {
            case .user(let table, let r): name = "\(t.routeTables[table].name)/\(t.routeTables[table].routes[r].name)"
            case .peering(let p): name = "peering \(t.peerings[p].name)"
            case .gateway(let g, let n): name = "\(t.gateways[g].name) ← \(t.onPremises[n].name)"
            default: break
            }
            if let tag = route.serviceTag { name += " [\(tag)]" }
            rows.append([
                route.source.rawValue, route.state.rawValue, route.prefix.description, route.nextHopType.rawValue,
                route.nextHopIP?.description ?? "", name,
            ])
        }
        var out = "Effective routes of \(s.qualifiedName) (\(s.prefix))"
        if let table = s.routeTable { out += ", route table \(t.routeTables[table].name)" }
        out += "\n" + table(rows)
        return out
    }

    static func table(_ rows: [[String]]) -> String {
        var widths = [Int](repeating: 0, count: rows.first?.count ?? 0)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell.padding(to: widths[i]) }.joined(separator: "  ")
                .trimmingTrailingSpaces
        }.joined(separator: "\n") + "\n"
    }

    static func indent(_ lines: [String], by n: Int) -> String {
        lines.map { String(repeating: " ", count: n) + $0 + "\n" }.joined()
    }

    /// Wraps text at word boundaries.
    static func wrap(_ text: String, width: Int = 110) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + word.count + 1 > width {
                lines.append(line)
                line = String(word)
            } else {
                line = line.isEmpty ? String(word) : line + " " + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
