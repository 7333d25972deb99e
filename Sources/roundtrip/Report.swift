import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripGraphviz
import RoundTripReport

/// `roundtrip report`: SVG per flow, the topology, and a self-contained index.html; or the topology for draw.io.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render path diagrams and an HTML report (Graphviz, in process), or the topology for draw.io.",
        discussion: """
            Writes one SVG per flow, topology.svg (and, above \(TopologyScene.overviewThreshold) VNets, one \
            spoke-N.svg per VNet a finding touches) and a self-contained index.html into the output folder. \
            --format drawio writes topology.drawio instead. The files of the previous report in that folder (listed \
            in its \(manifestName)) are removed; nothing else is touched. Large diagrams are laid out in a child \
            process, so a Graphviz crash costs that one diagram (exit 2) and the rest is still written.
            Exits like check: 0 clean, 1 findings, 2 bad input or a diagram that could not be drawn.

            Examples:
              roundtrip report samples/udr-public-lb-asymmetric.yaml
              roundtrip report samples/hub-spoke.yaml -o /tmp/hub-report
              roundtrip report estate.yaml --format drawio -o /tmp/estate
            """)

    /// The file listing what the last report wrote, so the next one removes exactly those.
    static let manifestName = ".roundtrip-report"

    /// What `report` writes.
    enum Output: String, ExpressibleByArgument, CaseIterable { case html, drawio }

    @OptionGroup var design: DesignOptions

    @Option(
        name: [.customShort("o"), .customLong("output"), .customLong("out")],
        help: ArgumentHelp("Output folder (created if missing); --out is an alias.", valueName: "folder"))
    var out: String = "output"

    @OptionGroup var display: DisplayOptions

    @Option(help: "html (SVGs and index.html) or drawio (topology.drawio).")
    var format: Output = .html

    @Option(help: "Verdicts that fail (comma-separated, 'any' or 'none').")
    var failOn: String?

    func run() throws {
        try guarded {
            let failOn = try failOn.map(parseFailOn) ?? CheckReport.defaultFailOn
            let (_, topology) = try design.load()
            let report = Checker.check(topology, today: Baseline.today)
            do {
                _ = try Graphviz.version()
            } catch {
                throw InputFailure("error: \(error)")
            }
            var files: [(String, String)] = []
            var failures: [String] = []
            switch format {
            case .drawio:
                files.append(("topology.drawio", TopologyDrawIO.xml(report)))
            case .html:
                (files, failures) = try htmlFiles(report, topology: topology, failOn: failOn)
            }
            try write(files)
            let code: Int32 = !failures.isEmpty ? 2 : report.fails(on: failOn) ? 1 : 0
            for failure in failures { FileHandle.standardError.write(Data("error: \(failure)\n".utf8)) }
            let main = format == .html ? "index.html" : "topology.drawio"
            if !Console.quiet {
                print("report: \((out as NSString).appendingPathComponent(main)) (\(files.count) files)")
                print(summary(report, failOn: failOn, diagramFailures: failures.count, code: code))
            }
            return code
        }
    }

    /// The SVGs and the page, with any diagram that could not be drawn listed in `failures`.
    func htmlFiles(_ report: CheckReport, topology: Topology, failOn: Set<Verdict>) throws -> ([(String, String)], [String]) {
        var files: [(String, String)] = []
        var failures: [String] = []
        /// Renders one diagram; a contained Graphviz failure becomes a placeholder and a failure line.
        func diagram(_ dot: String, file: String, engine: String = "dot") throws -> HTMLReport.Diagram {
            do {
                let svg: String
                if engine != "dot" || dot.utf8.count > 64_000 {
                    svg = try renderContained(dot, engine: engine).svg
                } else {
                    svg = try render(dot)
                }
                return HTMLReport.Diagram(svg: svg, file: file)
            } catch let failure as DiagramFailure {
                failures.append("\(file): \(failure.description)")
                return HTMLReport.Diagram(svg: "", file: file, error: failure.description)
            }
        }
        var diagrams: [HTMLReport.Diagram] = []
        for (i, result) in report.results.enumerated() {
            let fix = Remedy.suggest(for: result.trace, flow: result.flow, in: topology)
            let id = "flow\(i + 1)"
            let name = String(format: "flow-%02d-%@.svg", i + 1, slug(result.flow.name))
            let full = try diagram(PathDiagram.dot(result.trace, flow: result.flow, in: topology, id: id, fix: fix), file: name)
            if full.error == nil { files.append((name, full.svg)) }
            diagrams.append(
                try diagram(PathDiagram.dot(result.trace, flow: result.flow, in: topology, id: id, standalone: false), file: name))
        }
        let engine = TopologyDiagram.layoutEngine
        let overview = try diagram(TopologyDiagram.dot(report, pageLinks: true), file: "topology.svg", engine: engine)
        if overview.error == nil { files.append(("topology.svg", overview.svg)) }
        var pages: [HTMLReport.Page] = []
        for page in TopologyDiagram.spokePages(report) {
            let drawn = try diagram(page.dot, file: page.file, engine: engine)
            if drawn.error == nil { files.append((page.file, drawn.svg)) }
            pages.append(HTMLReport.Page(title: page.title, diagram: drawn))
        }
        let html = HTMLReport.page(report, flows: diagrams, topology: overview, spokes: pages, failOn: failOn)
        files.append(("index.html", html))
        return (files, failures)
    }

    /// Writes the files, removes those the previous report listed and this one did not write, and lists the new set.
    func write(_ files: [(String, String)]) throws {
        let folder = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw InputFailure("\(out): error: cannot create the output folder: \(error.localizedDescription)")
        }
        let manifest = folder.appendingPathComponent(Self.manifestName)
        let previous = (try? String(contentsOf: manifest, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        let names = Set(files.map(\.0))
        for name in previous where !names.contains(name) && !name.contains("/") && !name.hasPrefix(".") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        for (name, text) in files {
            try emit(text, to: folder.appendingPathComponent(name).path, input: design.file)
        }
        try emit(files.map(\.0).sorted().joined(separator: "\n") + "\n", to: manifest.path, input: design.file)
    }

    /// One line: the verdict counts and why the exit code is what it is.
    func summary(_ report: CheckReport, failOn: Set<Verdict>, diagramFailures: Int, code: Int32) -> String {
        var parts = ["\(report.results.count) flows"]
        parts += report.verdictCounts.map { "\($0.1) \($0.0.rawValue)" }
        let failed = report.failedExpectations.count
        if failed > 0 { parts.append("\(failed) expectation\(failed == 1 ? "" : "s") failed") }
        if diagramFailures > 0 { parts.append("\(diagramFailures) diagram\(diagramFailures == 1 ? "" : "s") could not be drawn") }
        let why = code == 0 ? "clean" : code == 1 ? "findings at or above --fail-on" : "incomplete report"
        return parts.joined(separator: ", ") + " — exit \(code) (\(why))"
    }
}

/// Renders DOT to SVG text, turning Graphviz errors into input failures (exit 2) with Graphviz's message.
func render(_ dot: String, format: Graphviz.Format = .svg) throws -> String {
    do {
        return try Graphviz.renderText(dot: dot, format: format)
    } catch {
        throw InputFailure("error: \(error.description)")
    }
}

/// A file-name-safe form of a user-supplied name.
func slug(_ name: String) -> String {
    var out = ""
    for scalar in name.lowercased().unicodeScalars {
        if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
            out.unicodeScalars.append(scalar)
        } else if !out.hasSuffix("-") {
            out += "-"
        }
    }
    let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    return trimmed.isEmpty ? "flow" : String(trimmed.prefix(60))
}
