import RoundTripCore

/// The self-contained `index.html`: findings first (a filterable, sortable summary, design findings, assertions,
/// the flows with findings), then the topology, the clean flows and egress. Inline styles and a small inline script
/// (filter, sort, zoom and pan; no network); every SVG has a title and description for screen readers; prints one
/// flow per landscape page. The same report gives the same bytes.
public enum HTMLReport {
    /// One diagram, already rendered to SVG by the caller (or the reason it could not be).
    public struct Diagram: Sendable {
        /// The SVG text (Graphviz output; its XML prolog is dropped when inlined). Empty when `error` is set.
        public var svg: String
        /// The file the SVG was also written to, for a link (relative to index.html).
        public var file: String
        /// Why the diagram could not be drawn, shown in its place.
        public var error: String?
        /// Creates a diagram entry.
        public init(svg: String, file: String, error: String? = nil) {
            self.svg = svg
            self.file = file
            self.error = error
        }
    }

    /// A page of its own for one VNet of a large estate.
    public struct Page: Sendable {
        /// The VNet's name.
        public var title: String
        /// Its diagram.
        public var diagram: Diagram
        /// Creates a page entry.
        public init(title: String, diagram: Diagram) {
            self.title = title
            self.diagram = diagram
        }
    }

    /// The page.
    /// - Parameters:
    ///   - flows: one diagram per result, same order as `report.results`.
    ///   - topology: the overview diagram.
    ///   - spokes: per-VNet pages of a large estate, linked from the topology section.
    public static func page(
        _ report: CheckReport, flows: [Diagram], topology: Diagram, spokes: [Page] = [],
        failOn: Set<Verdict> = CheckReport.defaultFailOn
    ) -> String {
        let t = report.topology
        let bad = report.results.indices.filter { failOn.contains(report.results[$0].trace.verdict) || report.results[$0].holds == false }
        let good = report.results.indices.filter { !bad.contains($0) }
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
        html += "</p>\n<p class=\"tools\"><label for=\"filter\">Filter</label> <input type=\"search\" id=\"filter\" "
        html += "placeholder=\"verdict, flow or VNet\" aria-controls=\"summary-table\"></p></header>\n<main>\n"

        html += "<section id=\"summary\"><h2>Summary</h2>\n<table class=\"summary sortable\" id=\"summary-table\">\n"
        html +=
            "<thead><tr>"
            + ["Flow", "Path", "Verdict", "Expected", "Reason", "Suggested fix"].map {
                "<th scope=\"col\"><button type=\"button\">\($0)</button></th>"
            }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for i in bad + good {
            let result = report.results[i]
            let flow = result.flow
            let fix = Remedy.suggest(for: result.trace, flow: flow, in: t)
            html += "<tr class=\"\(bad.contains(i) ? "bad" : "good")\" data-search=\"\(escape(searchText(result, in: t)))\">"
            html += "<td><a href=\"#flow-\(i + 1)\">\(escape(flow.name))</a></td>"
            html += "<td>\(escape(flow.fromText)) → \(escape(flow.toText)):\(flow.port)/\(flow.protocolType.rawValue)</td>"
            html += "<td>\(badge(result.trace.verdict))</td>"
            html +=
                "<td>\(flow.expect.map(badge) ?? "—")\(result.holds == false ? " <strong class=\"fail\">does not hold</strong>" : "")</td>"
            html += "<td>\(result.trace.verdict == .symmetric ? "" : escape(t.reasonText(of: result.trace)))</td>"
            html += "<td>\(fix.map(escape) ?? "")</td></tr>\n"
        }
        html += "</tbody></table></section>\n"
        html += designFindings(report) + assertions(report)
        for i in bad where i < flows.count { html += flowSection(i, report.results[i], diagram: flows[i], in: t) }
        html += "<section id=\"topology\"><h2>Topology</h2>\n"
        html += figure(topology, title: "Topology of \(t.name)", description: topologyDescription(report))
        if !spokes.isEmpty {
            html += "<h3>VNets with findings</h3>\n"
            for page in spokes {
                html += figure(
                    page.diagram, title: "VNet \(page.title)", description: "The hub, VNet \(page.title) and the findings through it.")
            }
        }
        html += "</section>\n"
        for i in good where i < flows.count { html += flowSection(i, report.results[i], diagram: flows[i], in: t) }
        html += egressSection(report, in: t)
        html +=
            "</main>\n<footer>Generated by RoundTrip from <code>\(escape(t.file))</code>.</footer>\n<script>\(script)</script>\n</body>\n</html>\n"
        return html
    }

    static func badge(_ verdict: Verdict) -> String {
        "<span class=\"verdict v-\(verdict.rawValue)\">\(verdict.rawValue)</span>"
    }

    /// The SVG element of a Graphviz SVG document (prolog, DOCTYPE and comments before it dropped), with a title
    /// and description for screen readers whose ids derive from `id`.
    static func inline(_ svg: String, id: String, title: String, description: String) -> String {
        guard let start = svg.range(of: "<svg"), let end = svg[start.upperBound...].firstIndex(of: ">") else { return "" }
        var out = "<svg role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
        out += svg[start.upperBound..<end] + ">\n<title id=\"\(id)-title\">\(escape(title))</title>"
        out += "<desc id=\"\(id)-desc\">\(escape(description))</desc>"
        return out + svg[svg.index(after: end)...]
    }

    /// HTML escaping for text and attribute values.
    public static func escape(_ text: String) -> String { MarkupEscaping.escape(text, newline: "\n", keepTabs: "\t") }

}
