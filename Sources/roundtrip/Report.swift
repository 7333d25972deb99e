import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripGraphviz
import RoundTripReport

/// `roundtrip report`: SVG per flow, the topology, and a self-contained index.html.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render path diagrams and an HTML report (Graphviz, in process).",
        discussion: """
            Writes one SVG per flow, topology.svg and a self-contained index.html (no scripts, no network) into \
            the output folder. Exits like check: 0 clean, 1 findings, 2 bad input.

            Examples:
              roundtrip report samples/udr-public-lb-asymmetric.yaml
              roundtrip report samples/hub-spoke.yaml --out /tmp/hub-report
            """)

    @OptionGroup var design: DesignOptions

    @Option(help: "Output folder (created if missing).")
    var out: String = "output"

    @Option(help: "Verdicts that fail (comma-separated, 'any' or 'none').")
    var failOn: String?

    func run() throws {
        try guarded {
            let failOn = try failOn.map(parseFailOn) ?? CheckReport.defaultFailOn
            let (_, topology) = try design.load()
            let report = Checker.check(topology)
            let folder = URL(fileURLWithPath: out)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw InputFailure("\(out): error: cannot create the output folder: \(error.localizedDescription)")
            }
            var files: [(String, String)] = []
            var diagrams: [HTMLReport.Diagram] = []
            for (i, result) in report.results.enumerated() {
                let fix = Remedy.suggest(for: result.trace, flow: result.flow, in: topology)
                let id = "flow\(i + 1)"
                let standalone = try render(PathDiagram.dot(result.trace, flow: result.flow, in: topology, id: id, fix: fix))
                let embedded = try render(PathDiagram.dot(result.trace, flow: result.flow, in: topology, id: id, standalone: false))
                let name = String(format: "flow-%02d-%@.svg", i + 1, slug(result.flow.name))
                files.append((name, standalone))
                diagrams.append(HTMLReport.Diagram(svg: embedded, file: name))
            }
            let topologySVG = try render(TopologyDiagram.dot(report))
            files.append(("topology.svg", topologySVG))
            let page = HTMLReport.page(
                report, flows: diagrams, topology: HTMLReport.Diagram(svg: topologySVG, file: "topology.svg"), failOn: failOn)
            files.append(("index.html", page))
            for (name, text) in files {
                try emit(text, to: folder.appendingPathComponent(name).path, input: design.file)
            }
            FileHandle.standardError.write(Data("wrote \(files.count) files to \(out)/ (open \(out)/index.html)\n".utf8))
            return report.fails(on: failOn) ? 1 : 0
        }
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

/// `roundtrip doctor`: what Graphviz this binary uses and what it can do.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report the Graphviz library version and the layouts and formats it provides.")

    func run() throws {
        var lines = ["roundtrip \(RoundTrip.configuration.version)", "Graphviz headers: \(Graphviz.headerVersion)"]
        do {
            lines.append("Graphviz library: \(try Graphviz.version())")
        } catch {
            lines.append("Graphviz library: unusable — \(error.description)")
            print(lines.joined(separator: "\n"))
            throw ExitCode(2)
        }
        lines.append("layouts: \(Graphviz.availableLayouts().joined(separator: ", "))")
        lines.append("formats: \(Graphviz.availableFormats().joined(separator: ", "))")
        lines.append("plugin configuration (config6a): loaded")
        print(lines.joined(separator: "\n"))
    }
}
