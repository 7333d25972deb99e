import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripReport

/// `roundtrip check`: every flow of a design, with its expectation.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Trace every flow of a design and check its expected verdict.",
        discussion: """
            Exits 0 when every expectation holds and no flow has a verdict listed in --fail-on, 1 otherwise, \
            2 on bad input. Without a file, checks the bundled seed-lab design.

            Examples:
              roundtrip check
              roundtrip check samples/udr-public-lb-asymmetric.yaml --format json
              roundtrip check samples/hub-spoke.yaml --fail-on asymmetric,no-route
            """)

    @OptionGroup var design: DesignOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Verdicts that fail the check (comma-separated, 'any' or 'none'). Default: every verdict but symmetric and denied.")
    var failOn: String?

    func run() throws {
        try guarded {
            let failOn = try failOn.map(parseFailOn) ?? CheckReport.defaultFailOn
            let (_, topology) = try design.load()
            let report = Checker.check(topology)
            let text: String
            switch format {
            case .text: text = TextReport.check(report, failOn: failOn)
            case .json: text = try JSONReport.check(report, failOn: failOn)
            }
            try emit(text, to: output.output, input: design.file)
            return report.fails(on: failOn) ? 1 : 0
        }
    }
}
