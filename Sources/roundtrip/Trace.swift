import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripGraphviz
import RoundTripReport

/// `roundtrip trace`: one round trip, hop by hop.
struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Trace one round trip hop by hop.",
        discussion: """
            Name a flow of the design with --flow, or give --from and --to. SRC and DST are endpoints, workloads, \
            public IPs, LB/FRONTEND, AGW/LISTENER or IPv4 addresses; DST may carry :PORT and /PROTO.

            Examples:
              roundtrip trace samples/seed-lab.yaml --flow internet-to-public-service
              roundtrip trace design.yaml --from spoke1-vm --to spoke2-vm:443/tcp
              roundtrip trace design.yaml --flow internet-to-nginx --exhaustive
              roundtrip trace design.yaml --flow internet-to-nginx --format png -o path.png
            """)

    @OptionGroup var design: DesignOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "A flow of the design, by name.")
    var flow: String?

    @Option(help: "Where the flow starts.")
    var from: String?

    @Option(help: "Where it goes: DST[:PORT[/PROTO]].")
    var to: String?

    @Option(help: "Output format: text, json, or a path diagram as dot, svg or png.")
    var format: TraceFormat = .text

    @Flag(
        help:
            "Verify the flow for every client of its source (every Internet or on-premises address) and print the client set of each verdict."
    )
    var exhaustive = false

    func validate() throws {
        if flow == nil && (from == nil || to == nil) { throw ValidationError("give --flow NAME, or both --from and --to") }
        if flow != nil && (from != nil || to != nil) { throw ValidationError("--flow cannot be combined with --from/--to") }
    }

    func run() throws {
        try guarded {
            var spec = try design.loadDesign()
            if let from, let to {
                let (target, port, proto) = try parseDestination(to)
                var flowSpec = FlowSpec(
                    name: "\(from) → \(to)", from: from, to: target,
                    source: SourceMap(element: SourceLocation(file: "--to", line: 1, column: 1)))
                flowSpec.port = port
                flowSpec.protocolType = proto
                spec.flows.append(flowSpec)
            }
            let topology: Topology
            topology = try design.compile(spec)
            let index: Int
            if let flow {
                guard let i = topology.flows.firstIndex(where: { $0.name == flow }) else {
                    throw unknownName("flow", flow, in: topology.flows.map(\.name), file: topology.file)
                }
                index = i
            } else {
                index = topology.flows.count - 1
            }
            if exhaustive {
                let entry = topology.entryPoints().first { if case .flow(index) = $0.kind { return true } else { return false } }
                guard let entry else { throw InputFailure("error: no entry point for the flow") }
                let report = ExhaustiveVerifier.verify(topology, entries: [entry])
                // As in check: the verdict the flow expects does not fail the run.
                let expected = topology.flows[index].expect
                let failing = report.results.contains { r in
                    r.verdicts.contains { CheckReport.defaultFailOn.contains($0.verdict) && $0.verdict != expected }
                }
                let text =
                    format == .json
                    ? try JSONReport.exhaustive(report, in: topology)
                    : TextReport.exhaustive(report, topology: topology, failOn: CheckReport.defaultFailOn)
                try emit(text, to: output.output, input: design.file)
                return failing ? 1 : 0
            }
            let trace = Tracer(topology).trace(flowAt: index)
            let result = Checker.evaluate(trace, flow: topology.flows[index], in: topology)
            let flow = topology.flows[index]
            let diagram = { PathDiagram.dot(trace, flow: flow, in: topology, fix: Remedy.suggest(for: trace, flow: flow, in: topology)) }
            switch format {
            case .text: try emit(TextReport.trace(trace, flow: flow, in: topology), to: output.output, input: design.file)
            case .json: try emit(try JSONReport.trace(result, in: topology), to: output.output, input: design.file)
            case .dot: try emit(diagram(), to: output.output, input: design.file)
            case .svg: try emit(try render(diagram()), to: output.output, input: design.file)
            case .png:
                guard output.output != nil || !Console.outputIsTerminal else {
                    throw InputFailure("error: PNG is binary: give -o FILE or redirect standard output, not a terminal")
                }
                do {
                    try emit(Data(try Graphviz.render(dot: diagram(), format: .png)), to: output.output, input: design.file)
                } catch let error as GraphvizError {
                    throw InputFailure("error: \(error.description)")
                }
            }
            // As in check: a failed expectation fails; a flow whose expect holds never does; otherwise --fail-on's default.
            if result.holds == false { return 1 }
            return flow.expect == nil && CheckReport.defaultFailOn.contains(trace.verdict) ? 1 : 0
        }
    }
}

/// Splits `DST[:PORT[/PROTO]]`.
func parseDestination(_ text: String) throws -> (String, UInt16?, TransportProtocol) {
    var rest = Substring(text)
    var proto = TransportProtocol.tcp
    if let slash = rest.lastIndex(of: "/"),
        let p = TransportProtocol.allCases.first(where: { $0.rawValue.lowercased() == rest[rest.index(after: slash)...].lowercased() })
    {
        proto = p
        rest = rest[..<slash]
    }
    if let colon = rest.lastIndex(of: ":") {
        guard let port = UInt16(rest[rest.index(after: colon)...]) else {
            throw InputFailure("--to: error: '\(text)' has a port that is not a number from 0 to 65535")
        }
        return (String(rest[..<colon]), port, proto)
    }
    return (String(rest), nil, proto)
}
