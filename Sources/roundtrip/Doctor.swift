import ArgumentParser
import Foundation
import RoundTripGraphviz

/// `roundtrip doctor`: what Graphviz this binary uses and what it can do.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report the Graphviz library version and the layouts and formats it provides.",
        discussion: """
            Exits 0 when Graphviz is usable, 2 when it is not.

            Examples:
              roundtrip doctor
              roundtrip doctor --format json -o doctor.json
            """)

    @OptionGroup var output: OutputOptions

    @Option(help: "Output format: text or json.")
    var format: ResultFormat = .text

    /// The JSON of `doctor --format json`.
    struct Document: Encodable {
        var version: String
        var graphvizHeaders: String
        var graphvizLibrary: String?
        var problem: String?
        var layouts: [String]
        var formats: [String]
    }

    func run() throws {
        try guarded {
            var document = Document(
                version: RoundTrip.configuration.version, graphvizHeaders: Graphviz.headerVersion, layouts: [], formats: [])
            do {
                document.graphvizLibrary = try Graphviz.version()
                document.layouts = Graphviz.availableLayouts()
                document.formats = Graphviz.availableFormats()
            } catch {
                document.problem = (error as? GraphvizError)?.description ?? "\(error)"
            }
            let text: String
            if format == .json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                text = String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
            } else {
                var lines = ["roundtrip \(document.version)", "Graphviz headers: \(document.graphvizHeaders)"]
                if let problem = document.problem {
                    lines.append("Graphviz library: unusable — \(problem)")
                } else {
                    lines.append("Graphviz library: \(document.graphvizLibrary ?? "")")
                    lines.append("layouts: \(document.layouts.joined(separator: ", "))")
                    lines.append("formats: \(document.formats.joined(separator: ", "))")
                    lines.append("plugin configuration (config6a): loaded")
                }
                text = lines.joined(separator: "\n") + "\n"
            }
            try emit(text, to: output.output, input: nil)
            return document.problem == nil ? 0 : 2
        }
    }
}
