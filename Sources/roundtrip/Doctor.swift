import ArgumentParser
import RoundTripGraphviz

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
