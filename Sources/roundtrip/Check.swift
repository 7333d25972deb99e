import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripReport

/// `roundtrip check`: every flow of a design, with its expectation.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Trace every flow of a design and check its expected verdict.",
        discussion: """
            Exits 0 when every expectation and assertion holds and there is no unexpected, unaccepted finding \
            (a verdict in --fail-on for a flow without expect, or an entry point); 1 otherwise; 2 on bad input. \
            A flow whose expect holds never fails the run. Findings under accepted: in the design, or in \
            --baseline, are reported as accepted and do not fail it until they expire. Without a file, checks \
            the bundled seed-lab design.

            Examples:
              roundtrip check
              roundtrip check samples/udr-public-lb-asymmetric.yaml --format json
              roundtrip check samples/hub-spoke.yaml --fail-on asymmetric,no-route
              roundtrip check design.yaml --exhaustive --format sarif -o roundtrip.sarif
              roundtrip check design.yaml --baseline main.json
              terraform show -json plan.out | roundtrip check - flows.yaml
            """)

    @OptionGroup var design: DesignOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Output format: text, json, junit or sarif.")
    var format: Format = .text

    @Flag(
        help:
            "Also verify every entry point (public and internal frontends, firewall DNAT, App Gateway listeners, instance public IPs, flows) for every possible client address."
    )
    var exhaustive = false

    @Option(help: "A file of assertions to check with the design's own.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var assertions: String?

    @Option(help: "Verdicts that fail the check (comma-separated, 'any' or 'none'). Default: every verdict but symmetric and denied.")
    var failOn: String?

    @Option(
        help: ArgumentHelp(
            "An earlier 'check --format json' output: its findings are accepted (still reported, marked accepted) and only new ones fail.",
            valueName: "file"),
        completion: .file(extensions: ["json"]))
    var baseline: String?

    func run() throws {
        try guarded {
            let failOn = try failOn.map(parseFailOn) ?? CheckReport.defaultFailOn
            let topology: Topology
            let spec: Design
            do {
                (spec, topology) = try design.load(assertions: assertions)
            } catch let failure as InputFailure where !failure.diagnostics.isEmpty && (format == .json || format == .sarif) {
                // CI reads a rejected design as data at its locations; the message still goes to standard error.
                let text =
                    format == .json
                    ? try DiagnosticReport.json(failure.diagnostics)
                    : try DiagnosticReport.sarif(failure.diagnostics, version: RoundTrip.configuration.version)
                try emit(text, to: output.output, input: design.file)
                FileHandle.standardError.write(Data((failure.description + "\n").utf8))
                return 2
            }
            let today = Baseline.today
            let accepted = try baseline.map { try Baseline.load($0, today: today) } ?? []
            let report = Checker.check(topology, exhaustive: exhaustive, baseline: accepted, today: today)
                .verifyingFixes(design: spec, serviceTags: try design.loadServiceTags())
            for stale in report.unusedAcceptances where stale.origin == .design && (stale.flow != nil || exhaustive) {
                let subject = stale.flow.map { "flow '\($0)'" } ?? "entry point '\(stale.entryPoint ?? "")'"
                Console.note(
                    "\(stale.location.map { "\($0): " } ?? "")warning: the accepted \(stale.verdict.rawValue) finding for \(subject) "
                        + "matches no finding of this check; remove it\n")
            }
            let text: String
            switch format {
            case .text: text = TextReport.check(report, failOn: failOn)
            case .json: text = try JSONReport.check(report, failOn: failOn)
            case .junit: text = JUnitReport.xml(report, failOn: failOn)
            case .sarif:
                text = try SARIFReport.log(
                    report, failOn: failOn, version: RoundTrip.configuration.version, rulesURL: RoundTrip.rulesURL)
            }
            try emit(text, to: output.output, input: design.file)
            return report.fails(on: failOn) ? 1 : 0
        }
    }
}
