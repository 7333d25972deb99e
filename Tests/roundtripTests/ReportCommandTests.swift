import Foundation
import RoundTripTestSupport
import Testing

/// `report` on generated estates: it completes, Graphviz prints nothing, ids are unique, labels are legible, the
/// manifest removes only its own files, a Graphviz crash costs one diagram, and draw.io export works.
@Suite("report command", .serialized)
struct ReportCommandTests {
    let command = CommandTests()

    func folder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-report-\(name)-\(getpid())")
    }

    /// Generates a hub-and-spoke estate into `base` and returns its path.
    func estate(_ spokes: Int, in base: URL) throws -> String {
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let file = base.appendingPathComponent("e\(spokes).yaml").path
        let r = try command.run(["generate", "hub-spoke", "--spokes", "\(spokes)", "--seed", "1", "-o", file])
        #expect(r.status == 0)
        return file
    }

    @Test(
        "report completes on generated estates of 20, 100, 300 and 1,000 spokes, silently, with unique ids",
        arguments: [20, 100, 300, 1000])
    func generatedEstates(spokes: Int) throws {
        let base = folder("estate\(spokes)")
        defer { try? FileManager.default.removeItem(at: base) }
        let design = try estate(spokes, in: base)
        let out = base.appendingPathComponent("report").path
        let r = try command.run(["report", design, "--out", out])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "Graphviz or roundtrip printed: \(r.stderr.prefix(500))")
        #expect(r.stdout.contains("\(out)/index.html") && r.stdout.contains("exit 1"))
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(duplicateIDs(html).isEmpty, "duplicate ids: \(duplicateIDs(html).prefix(10))")
        let topology = try String(contentsOfFile: out + "/topology.svg", encoding: .utf8)
        #expect(topology.contains("hub") && topology.contains("spoke\(spokes - 1)"))
        let boxes = nodeBoxes(topology)
        #expect(boxes.count > spokes)
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] where a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY {
                Issue.record("\(a.id) overlaps \(b.id)")
            }
        }
        if spokes > 150 {
            let pages = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("spoke-") }
            #expect(!pages.isEmpty, "a large estate gets one page per VNet with findings")
        }
        // Path diagrams: no text under 11 px at their natural size (1 pt = 4/3 px; the page never scales them down).
        for name in try FileManager.default.contentsOfDirectory(atPath: out) where name.hasPrefix("flow-") {
            let svg = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
            for size in fontSizes(svg) { #expect(size * 4 / 3 >= 11, "\(name): \(size) pt text") }
        }
    }

    @Test("the report removes only the files its manifest lists, keeps everything else, and draw.io export works")
    func manifest() throws {
        let base = folder("manifest")
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("report")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
        try Data("old".utf8).write(to: out.appendingPathComponent("flow-09-old.svg"))
        try Data("flow-09-old.svg\n".utf8).write(to: out.appendingPathComponent(".roundtrip-report"))
        let r = try command.run(["report", "samples/hub-spoke.yaml", "--out", out.path])
        #expect(r.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.contains("notes.txt"))
        #expect(!names.contains("flow-09-old.svg"))
        let drawio = try command.run(["report", "samples/hub-spoke.yaml", "--out", out.path, "--format", "drawio"])
        #expect(drawio.status == 0)
        let xml = try String(contentsOf: out.appendingPathComponent("topology.drawio"), encoding: .utf8)
        #expect(xml.hasPrefix("<?xml") && xml.contains("<mxfile") && xml.contains("vertex=\"1\"") && xml.contains("edge=\"1\""))
        let after = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(after.contains("notes.txt") && !after.contains("index.html"))
    }

    @Test("a Graphviz crash in the layout child costs that diagram only: exit 2, a clear error, the rest written")
    func crashContained() throws {
        let base = folder("crash")
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("report").path
        let r = try command.run(["report", "samples/hub-spoke.yaml", "--out", out], environment: ["ROUNDTRIP_LAYOUT_FAULT": "abort"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("topology.svg: Graphviz crashed with signal"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(names.contains("index.html") && !names.contains("topology.svg"))
        #expect(names.contains { $0.hasPrefix("flow-") })
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(html.contains("topology.svg could not be drawn"))
    }

    /// Every `id` value that occurs more than once (a byte scan: the 1,000-spoke page is a few megabytes).
    func duplicateIDs(_ html: String) -> [String] {
        var seen = Set<Substring>()
        var duplicates: [String] = []
        var rest = html[...]
        while let start = rest.range(of: " id=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            if !seen.insert(rest[..<end]).inserted { duplicates.append(String(rest[..<end])) }
            rest = rest[end...]
        }
        return duplicates
    }

    /// The bounding box of every node's outline in a Graphviz SVG.
    func nodeBoxes(_ svg: String) -> [(id: String, minX: Double, maxX: Double, minY: Double, maxY: Double)] {
        var boxes: [(id: String, minX: Double, maxX: Double, minY: Double, maxY: Double)] = []
        var node: String?
        for part in svg.components(separatedBy: "<g id=\"").dropFirst() {
            if let idEnd = part.firstIndex(of: "\""), part[idEnd...].hasPrefix("\" class=\"node\"") { node = String(part[..<idEnd]) }
            guard let id = node, let shape = part.range(of: " d=\"") ?? part.range(of: " points=\""),
                let end = part[shape.upperBound...].firstIndex(of: "\"")
            else { continue }
            node = nil
            let numbers = part[shape.upperBound..<end].split { !($0.isNumber || $0 == "." || $0 == "-") }.compactMap { Double($0) }
            let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
            let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
            guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { continue }
            boxes.append((id, minX, maxX, minY, maxY))
        }
        return boxes
    }

    func fontSizes(_ svg: String) -> [Double] {
        svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { part in
            part.firstIndex(of: "\"").flatMap { Double(part[..<$0]) }
        }
    }
}
