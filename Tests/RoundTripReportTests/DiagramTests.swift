import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

@testable import RoundTripReport

/// DOT is built in pure Swift: golden files pin it (set RECORD_GOLDEN=1 to rewrite them after a deliberate change).
@Suite("Diagrams and the HTML report")
struct DiagramTests {
    func golden(_ name: String, _ text: String) throws {
        expectGolden(text, "Tests/RoundTripReportTests/Golden/\(name)")
    }

    @Test("path diagram DOT for the asymmetric sample matches its golden file")
    func pathGolden() throws {
        let t = try TestFiles.topology("samples/udr-public-lb-asymmetric.yaml")
        let trace = Tracer(t).trace(flowAt: 0)
        try golden(
            "udr-public-lb-asymmetric.flow.dot",
            PathDiagram.dot(trace, flow: t.flows[0], in: t, id: "flow1", fix: Remedy.suggest(for: trace, flow: t.flows[0], in: t)))
    }

    @Test("topology DOT for the hub-and-spoke sample matches its golden file")
    func topologyGolden() throws {
        let t = try TestFiles.topology("samples/hub-spoke-one-sided-udr.yaml")
        try golden("hub-spoke-one-sided-udr.topology.dot", TopologyDiagram.dot(Checker.check(t)))
    }

    @Test("the same input gives byte-identical DOT and HTML", arguments: ["samples/seed-lab.yaml", "samples/hub-spoke.yaml"])
    func deterministic(file: String) throws {
        func build() throws -> (String, String) {
            let t = try TestFiles.topology(file)
            let report = Checker.check(t)
            let dots = report.results.map { PathDiagram.dot($0.trace, flow: $0.flow, in: t) }.joined()
            let html = HTMLReport.page(
                report, flows: dots.isEmpty ? [] : report.results.map { _ in .init(svg: "<svg></svg>", file: "x.svg") },
                topology: .init(svg: "<svg></svg>", file: "t.svg"))
            return (dots + TopologyDiagram.dot(report), html)
        }
        let (dotA, htmlA) = try build()
        let (dotB, htmlB) = try build()
        #expect(dotA == dotB)
        #expect(htmlA == htmlB)
    }

    @Test("DOT escaping: HTML labels get entities, quoted strings get backslashes")
    func escaping() {
        #expect(DOTText.html("a<b>&\"c\"'d'\ne") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;<BR/>e")
        #expect(DOTText.quoted("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
        #expect(DOTText.html("bell\u{7}") == "bell")
        #expect(HTMLReport.escape("<script>&'\"") == "&lt;script&gt;&amp;&#39;&quot;")
    }

    @Test("the HTML report is self-contained: one inline script, no external resources, one figure per diagram")
    func selfContained() throws {
        let t = try TestFiles.topology("samples/seed-lab.yaml")
        let report = Checker.check(t)
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>"
        let html = HTMLReport.page(
            report, flows: report.results.map { _ in .init(svg: svg, file: "f.svg") }, topology: .init(svg: svg, file: "topology.svg"))
        #expect(html.lowercased().components(separatedBy: "<script").count == 2)
        #expect(!html.lowercased().contains("<script src"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("href=\"http"))
        #expect(!html.contains("<?xml"))
        #expect(html.components(separatedBy: "<svg").count - 1 == report.results.count + 1)
        #expect(html.contains("Suggested fix"))
        #expect(html.contains("DNAT rule on 20.229.246.163:80"))
        #expect(html.contains("<section id=\"assertions\">") && html.contains("no-asymmetric-ingress"))
        #expect(html.contains("<section id=\"egress\">") && html.contains("AKS required egress"))
    }
}
