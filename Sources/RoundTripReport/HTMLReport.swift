import RoundTripCore

/// The self-contained `index.html`: a summary table (verdict, reason, suggested fix per flow), the topology and
/// every path diagram inline, hop tables. No scripts, no external fonts or styles; prints cleanly.
public enum HTMLReport {
    /// One flow's diagram, already rendered to SVG by the caller.
    public struct Diagram: Sendable {
        /// The SVG text (Graphviz output; its XML prolog is dropped when inlined).
        public var svg: String
        /// The file the SVG was also written to, for a link (relative to index.html).
        public var file: String
        /// Creates a diagram entry.
        public init(svg: String, file: String) {
            self.svg = svg
            self.file = file
        }
    }

    /// The page.
    /// - Parameters:
    ///   - flows: one diagram per result, same order as `report.results`.
    ///   - topology: the overview diagram.
    public static func page(
        _ report: CheckReport, flows: [Diagram], topology: Diagram, failOn: Set<Verdict> = CheckReport.defaultFailOn
    ) -> String {
        let t = report.topology
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>RoundTrip report: \(escape(t.name))</title>\n<style>\(css)</style>\n</head>\n<body>\n"
        html += "<header><h1>RoundTrip report: \(escape(t.name))</h1>\n"
        html += "<p class=\"meta\">Design <code>\(escape(t.file))</code> · \(report.results.count) flows · "
        html += report.verdictCounts.map { "\($0.1) \(badge($0.0))" }.joined(separator: " · ")
        let failed = report.failedExpectations.count
        html += " · \(failed == 0 ? "all expectations hold" : "\(failed) expectation\(failed == 1 ? "" : "s") failed")"
        let broken = report.assertions.filter { !$0.holds }.count
        if !report.assertions.isEmpty {
            html += " · \(broken == 0 ? "all assertions hold" : "\(broken) of \(report.assertions.count) assertions fail")"
        }
        html += "</p></header>\n"

        html += "<section id=\"summary\"><h2>Summary</h2>\n<table class=\"summary\">\n"
        html +=
            "<thead><tr><th>Flow</th><th>Path</th><th>Verdict</th><th>Expected</th><th>Reason</th><th>Suggested fix</th></tr></thead>\n<tbody>\n"
        for (i, result) in report.results.enumerated() {
            let flow = result.flow
            let fix = Remedy.suggest(for: result.trace, flow: flow, in: t)
            let rowClass = failOn.contains(result.trace.verdict) || result.holds == false ? "bad" : "good"
            html += "<tr class=\"\(rowClass)\"><td><a href=\"#flow-\(i + 1)\">\(escape(flow.name))</a></td>"
            html += "<td>\(escape(flow.fromText)) → \(escape(flow.toText)):\(flow.port)/\(flow.protocolType.rawValue)</td>"
            html += "<td>\(badge(result.trace.verdict))</td>"
            html +=
                "<td>\(flow.expect.map(badge) ?? "—")\(result.holds == false ? " <strong class=\"fail\">does not hold</strong>" : "")</td>"
            html += "<td>\(result.trace.verdict == .symmetric ? "" : escape(t.reasonText(of: result.trace)))</td>"
            html += "<td>\(fix.map(escape) ?? "")</td></tr>\n"
        }
        html += "</tbody></table></section>\n"

        if !report.findings.isEmpty {
            html += "<section id=\"findings\"><h2>Design findings</h2><ul>\n"
            for f in report.findings {
                html += "<li><strong>\(f.unsupported ? "unsupported" : "warning")</strong> \(escape(f.message)) (\(escape(f.rule)))"
                html += " <span class=\"loc\">\(escape(f.location.description))</span>"
                if let hint = f.hint { html += "<br>fix: \(escape(hint))" }
                html += "</li>\n"
            }
            html += "</ul></section>\n"
        }

        if !report.assertions.isEmpty {
            html +=
                "<section id=\"assertions\"><h2>Assertions</h2>\n<table class=\"summary\"><thead><tr><th>Assertion</th><th>From → to</th>"
            html += "<th>Result</th><th>Counterexamples</th></tr></thead><tbody>\n"
            for a in report.assertions {
                let result =
                    a.holds ? "<span class=\"verdict v-symmetric\">holds</span>" : "<span class=\"verdict v-asymmetric\">fails</span>"
                let counter =
                    a.counterexamples.prefix(5).map { c in
                        escape("\(ClientSetText.describe(c)) → \(c.destination): \(c.reason)")
                    }.joined(separator: "<br>") + (a.counterexamples.count > 5 ? "<br>… \(a.counterexamples.count - 5) more" : "")
                html += "<tr class=\"\(a.holds ? "good" : "bad")\"><td>\(escape(a.assertion.name))"
                if let d = a.assertion.description { html += "<div class=\"note\">\(escape(d))</div>" }
                html += "</td><td>\(escape(a.assertion.fromText)) → \(escape(a.assertion.toText))</td><td>\(result)</td>"
                html += "<td>\(a.holds ? "every client (\(a.classCount) client classes traced)" : counter)</td></tr>\n"
            }
            html += "</tbody></table></section>\n"
        }
        html += egressSection(report, in: t)
        html += "<section id=\"topology\"><h2>Topology</h2>\n<figure>\(inline(topology.svg))"
        html += "<figcaption><a href=\"\(escape(topology.file))\">\(escape(topology.file))</a></figcaption></figure></section>\n"

        for (i, result) in report.results.enumerated() where i < flows.count {
            let flow = result.flow
            html += "<section class=\"flow\" id=\"flow-\(i + 1)\"><h2>\(i + 1). \(escape(flow.name)) \(badge(result.trace.verdict))</h2>\n"
            if let description = flow.description { html += "<p>\(escape(description))</p>\n" }
            if result.trace.verdict != .symmetric { html += "<p class=\"reason\">\(escape(t.reasonText(of: result.trace)))</p>\n" }
            if let fix = Remedy.suggest(for: result.trace, flow: flow, in: t) {
                html += "<p class=\"fix\"><strong>Fix:</strong> \(escape(fix))</p>\n"
            }
            if let cause = result.trace.cause, let location = t.location(of: cause) {
                html += "<p class=\"loc\">Cause: \(escape(t.describeDecision(cause))) at <code>\(escape(location.description))</code></p>\n"
            }
            for failure in result.expectationFailures { html += "<p class=\"fail\">Expectation failed: \(escape(failure))</p>\n" }
            html +=
                "<figure>\(inline(flows[i].svg))<figcaption><a href=\"\(escape(flows[i].file))\">\(escape(flows[i].file))</a></figcaption></figure>\n"
            html += hopTable("Forward", result.trace.forward, in: t)
            html += hopTable("Return", result.trace.reverse, in: t)
            html += "</section>\n"
        }
        html += "<footer>Generated by RoundTrip from <code>\(escape(t.file))</code>.</footer>\n</body>\n</html>\n"
        return html
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

    static func badge(_ verdict: Verdict) -> String {
        "<span class=\"verdict v-\(verdict.rawValue)\">\(verdict.rawValue)</span>"
    }

    /// The SVG element of a Graphviz SVG document (prolog, DOCTYPE and comments before it dropped).
    static func inline(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    /// HTML escaping for text and attribute values.
    public static func escape(_ text: String) -> String { MarkupEscaping.escape(text, newline: "\n", keepTabs: "\t") }

    static let css = """
        body{font:14px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2937;margin:0 auto;max-width:1280px;padding:16px 24px}
        h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
        .meta{color:#4b5563}code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#f3f4f6;padding:1px 4px;border-radius:3px}
        table{border-collapse:collapse;width:100%;margin:8px 0 16px}th,td{border:1px solid #e5e7eb;padding:5px 7px;text-align:left;vertical-align:top}
        th{background:#f9fafb;font-weight:600}caption{text-align:left;font-weight:600;padding:4px 0}
        tr.bad td:first-child{border-left:4px solid #c62828}tr.good td:first-child{border-left:4px solid #1b7f3b}
        tr.dropped td{background:#fff1f0}.note{color:#6b7280;font-size:12px;margin-top:2px}
        .verdict{display:inline-block;padding:1px 7px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:#6b7280;white-space:nowrap}
        .v-symmetric{background:#1b7f3b}.v-asymmetric,.v-nat-mismatch{background:#c62828}.v-no-route,.v-loop{background:#b45309}
        .v-denied{background:#4b5563}.v-unsupported-config{background:#7c3aed}
        .reason{background:#fff7ed;border-left:4px solid #c2410c;padding:6px 10px}.fix{background:#ecfdf5;border-left:4px solid #047857;padding:6px 10px}
        .fail{color:#c62828}.loc{color:#4b5563;font-size:12px}
        figure{margin:8px 0;overflow-x:auto;border:1px solid #e5e7eb;border-radius:6px;padding:6px}figure svg{max-width:100%;height:auto}
        figcaption{font-size:12px;color:#6b7280}footer{color:#6b7280;font-size:12px;margin:32px 0 8px}
        @media print{body{max-width:none;padding:0}section.flow{break-before:page}figure{border:none;overflow:visible}a{color:inherit;text-decoration:none}}
        """
}
