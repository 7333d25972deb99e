import RoundTripCore

/// The topology as a draw.io (diagrams.net) file: the same boxes and lines as the SVG, each an editable shape with
/// its text, so architects can take the picture into their own documentation.
public enum TopologyDrawIO {
    /// The `.drawio` XML (uncompressed mxGraph model) for the whole design.
    public static func xml(_ report: CheckReport, id: String = "topo") -> String {
        let scene = TopologyScene.build(report, id: id)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mxfile host=\"RoundTrip\">\n"
        out += "  <diagram id=\"\(id)\" name=\(attribute(scene.title))>\n"
        out += "    <mxGraphModel dx=\"0\" dy=\"0\" grid=\"0\" gridSize=\"10\" guides=\"1\" tooltips=\"1\" connect=\"1\" arrows=\"1\" "
        out += "fold=\"1\" page=\"0\" pageScale=\"1\" pageWidth=\"\(Int(scene.width))\" pageHeight=\"\(Int(scene.height))\" math=\"0\" "
        out += "shadow=\"0\">\n      <root>\n        <mxCell id=\"0\"/>\n        <mxCell id=\"1\" parent=\"0\"/>\n"
        let title = "<b>\(html(scene.title))</b><br>\(html(scene.legend))"
        out +=
            "        <mxCell id=\"\(id)title\" value=\(attribute(title)) style=\"text;html=1;align=left;verticalAlign=top;fontSize=12;\" "
        out +=
            "vertex=\"1\" parent=\"1\">\n          <mxGeometry x=\"0\" y=\"-60\" width=\"\(number(max(scene.width, 600)))\" height=\"50\" "
        out += "as=\"geometry\"/>\n        </mxCell>\n"
        let ids = Set(scene.boxes.map(\.id))
        let locator = BoxLocator(scene.boxes)
        for path in scene.paths where path.points.count > 1 {
            guard let from = locator.nearest(path.points[0]),
                let to = locator.nearest(path.points[path.points.count - 1]), ids.contains(from)
            else { continue }
            var style = "endArrow=none;html=1;rounded=0;strokeColor=\(path.colour);strokeWidth=\(number(path.width));"
            if path.style == "dashed" { style += "dashed=1;" }
            out +=
                "        <mxCell id=\"\(path.id)\" value=\"\" style=\"\(style)\" edge=\"1\" parent=\"1\" source=\"\(from)\" target=\"\(to)\">\n"
            out += "          <mxGeometry relative=\"1\" as=\"geometry\">\n            <Array as=\"points\">\n"
            for p in path.points.dropFirst().dropLast() { out += "              <mxPoint x=\"\(number(p.x))\" y=\"\(number(p.y))\"/>\n" }
            out += "            </Array>\n          </mxGeometry>\n        </mxCell>\n"
        }
        for box in scene.boxes {
            let value = box.lines.map { line -> String in
                let text = html(line.text)
                switch line.style {
                case .title: return "<b style=\"font-size:12px\">\(text)</b>"
                case .detail: return text
                case .warning: return "<font color=\"#b45309\">\(text)</font>"
                case .finding: return "<font color=\"\(DiagramStyle.failure)\"><b>\(text)</b></font>"
                }
            }.joined(separator: "<br>")
            var style = "rounded=1;whiteSpace=nowrap;html=1;align=left;verticalAlign=top;spacingLeft=6;spacingTop=2;fontSize=10;"
            style += "fontFamily=Helvetica;fillColor=\(box.fill);strokeColor=\(box.border);arcSize=6;"
            if box.border == DiagramStyle.failure { style += "strokeWidth=2;" }
            out +=
                "        <mxCell id=\"\(box.id)\" value=\(attribute(value)) tooltip=\(attribute(box.tooltip)) style=\"\(style)\" vertex=\"1\" "
            out += "parent=\"1\">\n          <mxGeometry x=\"\(number(box.x - box.width / 2))\" y=\"\(number(box.y - box.height / 2))\" "
            out += "width=\"\(number(box.width))\" height=\"\(number(box.height))\" as=\"geometry\"/>\n        </mxCell>\n"
        }
        out += "      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n"
        return out
    }

    static func html(_ text: String) -> String { MarkupEscaping.escape(text, newline: "<br>") }
    static func attribute(_ text: String) -> String { "\"" + MarkupEscaping.escape(text, newline: "&#10;") + "\"" }
    static func number(_ value: Double) -> String { TopologyDiagram.number(value) }
}
