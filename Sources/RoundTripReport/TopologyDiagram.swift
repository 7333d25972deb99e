import RoundTripCore

/// The DOT for a design overview, drawn from a ``TopologyScene``: every box and line already has its position, so
/// Graphviz runs its `nop2` engine (no ranking, no clusters, no compound edges, no spline routing; see
/// ``layoutEngine``) and only measures labels and writes SVG.
public enum TopologyDiagram {
    /// The Graphviz layout engine for this DOT: positions are given, edges are given.
    public static let layoutEngine = "nop2"

    /// DOT text for the whole design (an overview with marks only, above ``TopologyScene/overviewThreshold`` VNets).
    public static func dot(_ report: CheckReport, id: String = "topo", pageLinks: Bool = false) -> String {
        dot(TopologyScene.build(report, id: id, pageLinks: pageLinks), id: id)
    }

    /// One page per VNet a finding touches, when the estate is large enough for an overview; empty otherwise.
    /// Each page shows the hub, that VNet expanded and the findings' lines. File names match the overview's links.
    public static func spokePages(_ report: CheckReport, id: String = "topo") -> [(file: String, title: String, dot: String)] {
        let t = report.topology
        let hub = TopologyScene.hub(of: t)
        guard t.vnets.count - 1 > TopologyScene.overviewThreshold else { return [] }
        var pages: [(file: String, title: String, dot: String)] = []
        for v in t.vnets.indices where v != hub {
            let touches = report.results.contains { r in
                r.trace.verdict != .symmetric && r.trace.verdict != .denied
                    && TopologyScene.boxKeys(of: r.trace.forward + r.trace.reverse, in: t).contains("v\(v)")
            }
            guard touches else { continue }
            let pageID = "\(id)s\(v + 1)"
            let scene = TopologyScene.build(report, id: pageID, only: [v])
            pages.append(("spoke-\(v + 1).svg", t.vnets[v].name, dot(scene, id: pageID)))
        }
        return pages
    }

    /// The DOT of a scene (y flipped: Graphviz's y grows upwards).
    public static func dot(_ scene: TopologyScene, id: String) -> String {
        func point(_ p: (x: Double, y: Double)) -> String { "\(number(p.x)),\(number(scene.height - p.y))" }
        var out = "digraph \(DOTText.quoted(id)) {\n"
        out += "  graph [id=\(DOTText.quoted(id)), outputorder=edgesfirst, splines=true, pad=0.3, "
        out += "fontname=\"\(DiagramStyle.font)\", fontsize=14, labelloc=t, labeljust=l];\n"
        out += "  node [fontname=\"\(DiagramStyle.font)\", fontsize=10, shape=box, style=\"rounded,filled\", margin=\"0.1,0.05\"];\n"
        out += "  edge [dir=none];\n"
        let legend = DOTText.html(scene.legend).replacingAll("<BR/>", with: "<BR ALIGN=\"LEFT\"/>")
        out += "  label=<<B>\(DOTText.html(scene.title))</B><BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"11\">\(legend)</FONT>"
        out += "<BR ALIGN=\"LEFT\"/>>;\n"
        // nop2 sizes the drawing by its nodes: an invisible point keeps the title and legend inside it.
        let legendWidth = ([scene.title] + scene.legend.split(separator: "\n").map(String.init)).map { Double($0.count) * 6.5 }.max() ?? 0
        if legendWidth > scene.width {
            out +=
                "  \(id)spacer [id=\"\(id)spacer\", pos=\"\(number(legendWidth)),\(number(scene.height))!\", shape=point, width=0.01, style=invis];\n"
        }
        for box in scene.boxes {
            out += "  \(box.id) [id=\"\(box.id)\", pos=\"\(point((box.x, box.y)))!\", width=\(number(box.width / 72)), "
            out += "height=\(number(box.height / 72)), fillcolor=\"\(box.fill)\", color=\"\(box.border)\", "
            out += box.border == DiagramStyle.failure ? "penwidth=2, " : ""
            if let link = box.link { out += "URL=\(DOTText.quoted(link)), target=\"_top\", " }
            out += "tooltip=\(DOTText.quoted(box.tooltip)), label=<\(label(box.lines))>];\n"
        }
        let index = Dictionary(uniqueKeysWithValues: scene.boxes.map { ($0.id, $0) })
        let locator = BoxLocator(scene.boxes)
        for path in scene.paths where path.points.count > 1 {
            guard let from = locator.nearest(path.points[0]), let to = locator.nearest(path.points[path.points.count - 1]),
                index[from] != nil
            else { continue }
            var spline = [point(path.points[0])]
            for (a, b) in zip(path.points, path.points.dropFirst()) { spline += [point(a), point(b), point(b)] }
            out += "  \(from) -> \(to) [id=\"\(path.id)\", pos=\"\(spline.joined(separator: " "))\", color=\"\(path.colour)\", "
            out +=
                "style=\(path.style == "dashed" ? "dashed" : "solid"), penwidth=\(number(path.width)), tooltip=\(DOTText.quoted(path.tooltip))];\n"
        }
        out += "}\n"
        return out
    }

    /// The box whose centre area holds a point (the end of a line).
    static func nearest(_ p: (x: Double, y: Double), _ boxes: [TopologyScene.Box]) -> String? {
        boxes.min { a, b in
            abs(a.x - p.x) + abs(a.y - p.y) < abs(b.x - p.x) + abs(b.y - p.y)
        }?.id
    }

    /// An HTML-like label: lines left-aligned, the title bold and larger, warnings amber, findings red.
    static func label(_ lines: [TopologyScene.Line]) -> String {
        lines.map { line in
            let text = DOTText.html(line.text)
            switch line.style {
            case .title: return "<FONT POINT-SIZE=\"\(number(TopologyScene.titleSize))\"><B>\(text)</B></FONT>"
            case .detail: return text
            case .warning: return "<FONT COLOR=\"#b45309\">\(text)</FONT>"
            case .finding: return "<FONT COLOR=\"\(DiagramStyle.failure)\"><B>\(text)</B></FONT>"
            }
        }.joined(separator: "<BR ALIGN=\"LEFT\"/>") + "<BR ALIGN=\"LEFT\"/>"
    }

    /// A coordinate with at most two decimals, the same text on every platform.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(magnitude / 100)" }
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
