import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripReport

/// `roundtrip diff`: what a change does to every flow, entry point and assertion.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two versions of a design: every flow and entry point whose verdict or client set changed.",
        discussion: """
            BEFORE and AFTER are any input form (RoundTrip YAML, Azure JSON, ARM template, Terraform plan); \
            --with adds RoundTrip files (flows, assertions, accepted findings) to both sides, since a plan has no \
            flows. Each change names its cause: the route, rule, peering or element of AFTER that flips it. \
            Exits 1 when anything got worse (a new finding, a wider failing client set, an assertion that now \
            fails), 0 otherwise, 2 on bad input.

            Examples:
              roundtrip diff main.tfplan.json pr.tfplan.json --with flows.yaml
              roundtrip diff before.yaml after.yaml --format markdown -o comment.md
              roundtrip diff before.yaml after.yaml --format sarif -o diff.sarif
            """)

    /// The output formats of `diff`.
    enum DiffFormat: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, markdown }

    @OptionGroup var design: DesignOptions
    @OptionGroup var output: OutputOptions

    @Option(
        name: .customLong("with"),
        help: ArgumentHelp("A RoundTrip file merged on top of both sides (repeatable).", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml", "json"]))
    var with: [String] = []

    @Option(help: "Output format: text, json, sarif (new findings only) or markdown (a pull-request comment).")
    var format: DiffFormat = .text

    @Flag(inversion: .prefixedNo, help: "Also compare every entry point for every client (the default).")
    var exhaustive = true

    @Option(help: "Verdicts that count as findings (comma-separated, 'any' or 'none').")
    var failOn: String?

    func validate() throws {
        if design.files.count != 2 { throw ValidationError("Give two inputs: BEFORE and AFTER (--with adds files to both).") }
    }

    func run() throws {
        try guarded {
            let failOn = try failOn.map(parseFailOn) ?? CheckReport.defaultFailOn
            let today = Baseline.today
            var reports: [CheckReport] = []
            for file in design.files {
                var side = design
                side.files = [file] + with
                let (_, topology) = try side.load()
                reports.append(Checker.check(topology, exhaustive: exhaustive, today: today))
            }
            let diff = DesignDiff(before: reports[0], after: reports[1], failOn: failOn)
            let text: String
            switch format {
            case .text: text = DiffReport.text(diff)
            case .json: text = try DiffReport.json(diff)
            case .sarif: text = try DiffReport.sarif(diff, version: RoundTrip.configuration.version, rulesURL: RoundTrip.rulesURL)
            case .markdown: text = DiffReport.markdown(diff)
            }
            try emit(text, to: output.output, input: design.files.last)
            return diff.worse ? 1 : 0
        }
    }
}
