import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripReport

/// `roundtrip nsg`: IP flow verify for a packet, or the effective security rules at a subnet or workload.
struct SecurityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nsg",
        abstract: "Check a packet against the NSGs on its way (like IP flow verify), or list the effective security rules.",
        discussion: """
            With --from and --to: the outbound NSGs at the source's NIC and the inbound NSGs at the \
            destination's NIC, in Azure's order (G2), and the rule that decides at each. With --at (or a last \
            argument VNET/SUBNET or a workload): the effective security rules there, Azure's defaults included, \
            in evaluation order.

            Examples:
              roundtrip nsg design.yaml --from spoke1-vm --to spoke2-vm:443
              roundtrip nsg design.yaml spoke1-vnet/workload
              roundtrip nsg design.yaml --at spoke1-vm --format json
            """)

    @OptionGroup var design: DesignOptions

    @Option(help: "The source: a workload, endpoint or address.")
    var from: String?

    @Option(help: "The destination, as NAME[:PORT[/PROTOCOL]] (port 443 and Tcp by default).")
    var to: String?

    @Option(help: "A subnet (VNET/SUBNET) or workload whose effective rules to list (default: the last argument).")
    var at: String?

    @Option(help: "Output format: text or json.")
    var format: SecurityFormat = .text

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if (from == nil) != (to == nil) { throw ValidationError("give both --from and --to, or neither") }
        if from == nil, at == nil, design.files.isEmpty { throw ValidationError("give --from and --to, or --at VNET/SUBNET|WORKLOAD") }
    }

    func run() throws {
        var design = design
        let target = from == nil ? (at ?? design.files.removeLast()) : nil
        try guarded {
            var spec = try design.loadDesign()
            if let from, let to {
                let (destination, port, proto) = try parseDestination(to)
                var flow = FlowSpec(
                    name: "nsg-check", from: from, to: destination,
                    source: SourceMap(element: SourceLocation(file: "--to", line: 1, column: 1)))
                flow.port = port ?? 443
                flow.protocolType = proto
                spec.flows.append(flow)
                let topology = try design.compile(spec)
                guard let compiled = topology.flows.last else { return 2 }
                let text = try SecurityReport.verify(compiled, in: topology, json: format == .json)
                try emit(text, to: output.output, input: design.file)
                return 0
            }
            let topology = try design.compile(spec)
            guard let target else { return 2 }
            let workloads = try Self.workloads(named: target, in: topology)
            try emit(
                try SecurityReport.effectiveRules(workloads, in: topology, json: format == .json), to: output.output, input: design.file)
            return 0
        }
    }

    /// The NICs a target names: a workload, or every workload in a subnet (or the subnet's first NIC stand-in).
    static func workloads(named target: String, in t: Topology) throws -> [Int] {
        if let w = t.workloads.firstIndex(where: { $0.name == target }) { return [w] }
        if let s = t.subnetIndex(named: target) {
            let inSubnet = t.workloads.indices.filter { t.workloads[$0].subnet == s && t.workloads[$0].hostedOn == nil }
            if !inSubnet.isEmpty { return inSubnet }
            throw InputFailure("\(t.file): error: subnet '\(target)' has no NIC in the design to evaluate its NSG at")
        }
        let names = t.workloads.map(\.name) + t.subnets.map(\.qualifiedName)
        let hint = Suggestion.hint(for: target, in: names).map { " (\($0))" } ?? ""
        throw InputFailure("\(t.file): error: no workload or subnet '\(target)'\(hint)")
    }
}

/// The output formats of `nsg`.
enum SecurityFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
