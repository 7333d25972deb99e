import RoundTripCore

extension HTMLReport {
    /// The design findings list.
    static func designFindings(_ report: CheckReport) -> String {
        guard !report.findings.isEmpty else { return "" }
        var html = "<section id=\"findings\"><h2>Design findings</h2><ul>\n"
        for f in report.findings {
            html += "<li><strong>\(f.unsupported ? "unsupported" : "warning")</strong> \(escape(f.message)) (\(escape(f.rule)))"
            html += " <span class=\"loc\">\(escape(f.location.description))</span>"
            if let hint = f.hint { html += "<br>fix: \(escape(hint))" }
            html += "</li>\n"
        }
        return html + "</ul></section>\n"
    }

    /// The assertions table.
    static func assertions(_ report: CheckReport) -> String {
        guard !report.assertions.isEmpty else { return "" }
        var html =
            "<section id=\"assertions\"><h2>Assertions</h2>\n<table class=\"summary\"><thead><tr><th>Assertion</th><th>From → to</th>"
        html += "<th>Result</th><th>Counterexamples</th></tr></thead><tbody>\n"
        for a in report.assertions {
            let result = a.holds ? "<span class=\"verdict v-symmetric\">holds</span>" : "<span class=\"verdict v-asymmetric\">fails</span>"
            let counter =
                a.counterexamples.prefix(5).map { c in
                    escape("\(ClientSetText.describe(c)) → \(c.destination): \(c.reason)")
                }.joined(separator: "<br>") + (a.counterexamples.count > 5 ? "<br>… \(a.counterexamples.count - 5) more" : "")
            html += "<tr class=\"\(a.holds ? "good" : "bad")\"><td>\(escape(a.assertion.name))"
            if let d = a.assertion.description { html += "<div class=\"note\">\(escape(d))</div>" }
            html += "</td><td>\(escape(a.assertion.fromText)) → \(escape(a.assertion.toText))</td><td>\(result)</td>"
            html += "<td>\(a.holds ? "every client (\(a.classCount) client classes traced)" : counter)</td></tr>\n"
        }
        return html + "</tbody></table></section>\n"
    }

    /// One flow: verdict, reason, fix, cause, its diagram and hop tables.
    static func flowSection(_ i: Int, _ result: FlowResult, diagram: Diagram, in t: Topology) -> String {
        let flow = result.flow
        var html = "<section class=\"flow\" id=\"flow-\(i + 1)\" data-search=\"\(escape(searchText(result, in: t)))\">"
        html += "<h2>\(i + 1). \(escape(flow.name)) \(badge(result.trace.verdict))</h2>\n"
        if let description = flow.description { html += "<p>\(escape(description))</p>\n" }
        if result.trace.verdict != .symmetric { html += "<p class=\"reason\">\(escape(t.reasonText(of: result.trace)))</p>\n" }
        if let fix = Remedy.suggest(for: result.trace, flow: flow, in: t) {
            html += "<p class=\"fix\"><strong>Fix:</strong> \(escape(fix))</p>\n"
        }
        if let cause = result.trace.cause, let location = t.location(of: cause) {
            html += "<p class=\"loc\">Cause: \(escape(t.describeDecision(cause))) at <code>\(escape(location.description))</code></p>\n"
        }
        for failure in result.expectationFailures { html += "<p class=\"fail\">Expectation failed: \(escape(failure))</p>\n" }
        let description =
            "Path diagram of \(flow.fromText) to \(flow.toText) port \(flow.port): \(result.trace.verdict.rawValue). "
            + "\(result.trace.forward.count) forward hops, \(result.trace.reverse.count) return hops; the hop tables below list them."
        html += figure(diagram, title: "Flow \(i + 1): \(flow.name)", description: description)
        html +=
            "<div class=\"hop-tables\">" + hopTable("Forward", result.trace.forward, in: t)
            + hopTable("Return", result.trace.reverse, in: t)
        if result.trace.verdict != .symmetric { html += securityTables(result.trace, flowNumber: i + 1, in: t) }
        return html + "</div></section>\n"
    }

    /// A diagram in a zoomable frame with a link to the full-size file, or the reason it is missing.
    static func figure(_ diagram: Diagram, title: String, description: String) -> String {
        let id = "svg-" + (diagram.file.hasSuffix(".svg") ? String(diagram.file.dropLast(4)) : diagram.file)
        guard diagram.error == nil, !diagram.svg.isEmpty else {
            return "<figure class=\"missing\"><p class=\"fail\">\(escape(diagram.file)) could not be drawn: "
                + "\(escape(diagram.error ?? "no output"))</p></figure>\n"
        }
        var html =
            "<figure class=\"diagram\"><div class=\"zoom-tools\" aria-hidden=\"true\"><button type=\"button\" data-zoom=\"1.25\">+</button>"
        html += "<button type=\"button\" data-zoom=\"0.8\">−</button><button type=\"button\" data-zoom=\"fit\">fit</button>"
        html += "<button type=\"button\" data-zoom=\"1\">100%</button></div><div class=\"viewport\">"
        html += inline(diagram.svg, id: id, title: title, description: description) + "</div>"
        html +=
            "<figcaption><a href=\"\(escape(diagram.file))\" target=\"_blank\">open \(escape(diagram.file)) full size</a></figcaption></figure>\n"
        return html
    }

    /// What the filter box matches for a flow: its name, verdict, ends and the VNets its hops pass through.
    static func searchText(_ result: FlowResult, in t: Topology) -> String {
        var vnets: [String] = []
        for hop in result.trace.forward + result.trace.reverse {
            guard let s = t.subnet(of: hop.node) else { continue }
            let name = t.vnets[t.subnets[s].vnet].name
            if !vnets.contains(name) { vnets.append(name) }
        }
        return ([result.flow.name, result.trace.verdict.rawValue, result.flow.fromText, result.flow.toText] + vnets).joined(separator: " ")
            .lowercased()
    }

    /// The topology diagram's description for screen readers.
    static func topologyDescription(_ report: CheckReport) -> String {
        let t = report.topology
        let bare = t.subnets.filter { $0.routeTable == nil }.count
        return "\(t.vnets.count) VNets and \(t.peerings.count) peerings, the hub in the centre and the other VNets around it in "
            + "name order; \(bare) subnets without a route table are marked; flows with findings are drawn along their hops."
    }

    /// Per-workload egress (path out, public source, SNAT) and AKS required egress.
    static func egressSection(_ report: CheckReport, in t: Topology) -> String {
        guard !t.workloads.isEmpty else { return "" }
        var html = "<section id=\"egress\"><h2>Egress</h2>\n<table class=\"egress\"><thead><tr><th>Workload</th><th>Leaves via</th>"
        html += "<th>Public source</th><th>SNAT</th><th>Path diagram</th></tr></thead><tbody>\n"
        for s in report.egress {
            let w = t.workloads[s.workload]
            var via = escape(t.describe(s.method))
            if let host = s.masqueradedTo { via += "<div class=\"note\">masqueraded to \(escape(t.workloads[host].name))</div>" }
            let diagram =
                report.results.enumerated().first { _, r in
                    if case .workload(let fw, _) = r.flow.from, fw == s.workload, !r.trace.egressAddresses.isEmpty { return true }
                    return false
                }.map { i, r in "<a href=\"#flow-\(i + 1)\">\(escape(r.flow.name))</a>" } ?? ""
            html += "<tr><td>\(escape(w.name)) <span class=\"note\">\(w.kind.rawValue)</span></td><td>\(via)</td>"
            html += "<td>\(s.publicAddresses.isEmpty ? "—" : s.publicAddresses.map(\.description).joined(separator: "<br>"))</td>"
            html += "<td>\(s.snat.map { escape(EgressReport.snat($0)) } ?? "—")</td><td>\(diagram)</td></tr>\n"
        }
        html += "</tbody></table>\n"
        if !report.requiredEgress.isEmpty {
            html += "<table class=\"egress\"><caption>AKS required egress (K3)</caption><thead><tr><th>Cluster</th><th>Destination</th>"
            html += "<th>Needed</th><th>Result</th><th>Decided by / allow with</th></tr></thead><tbody>\n"
            for r in report.requiredEgress {
                let result = r.allowed ? badge(.symmetric) : badge(r.trace.verdict)
                let decided =
                    r.allowed
                    ? (r.rule.map { escape(t.describeDecision($0)) } ?? "") : escape(r.allowHint(in: t) ?? t.reasonText(of: r.trace))
                html += "<tr class=\"\(r.allowed || !r.item.required ? "good" : "bad")\"><td>\(escape(t.clusters[r.cluster].name))</td>"
                html += "<td>\(r.item.protocolType.rawValue.uppercased()) \(r.item.port) \(escape(r.item.destination))</td>"
                html += "<td>\(r.item.required ? "required" : "conditional")</td><td>\(result)</td><td>\(decided)</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        return html + "</section>\n"
    }

    static func hopTable(_ title: String, _ hops: [Hop], in t: Topology) -> String {
        guard !hops.isEmpty else { return "" }
        var html =
            "<table class=\"hops\"><caption>\(title)</caption>\n<thead><tr><th>#</th><th>At</th><th>Packet</th><th>Decided by</th><th>NAT / session</th></tr></thead><tbody>\n"
        for (i, hop) in hops.enumerated() {
            var nat = hop.rewrites.map {
                "\($0.kind.rawValue) \($0.field.rawValue) \($0.beforeAddress):\($0.beforePort) → \($0.afterAddress):\($0.afterPort)"
            }
            if let s = hop.session { nat.append("session \(s.kind.rawValue)") }
            let outcome = hop.outcome == .dropped ? " class=\"dropped\"" : ""
            html +=
                "<tr\(outcome)><td>\(i + 1)</td><td>\(escape(t.label(of: hop.node)))</td><td><code>\(escape(hop.packet.description))</code></td>"
            html += "<td>\(hop.decision.flatMap { $0 == .session ? nil : escape(t.describeDecision($0)) } ?? "")"
            if let note = hop.note.map({ t.describe($0) }), !note.isEmpty { html += "<div class=\"note\">\(escape(note))</div>" }
            html += "</td><td>\(nat.map(escape).joined(separator: "<br>"))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

}
