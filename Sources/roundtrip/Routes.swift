import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripReport

/// `roundtrip routes`: a subnet's effective routes.
struct Routes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a subnet's effective routes, like Azure's effective-routes view.",
        discussion: """
            Examples:
              roundtrip routes samples/hub-spoke.yaml spoke1-vnet/workload
              roundtrip routes export.json overlay.yaml --subnet hub-vnet/shared
              roundtrip routes samples/hub-spoke.yaml hub-vnet/shared --format json

            Without --subnet, the last argument is the subnet.
            """)

    @OptionGroup var design: DesignOptions

    @Option(help: "The subnet, as VNET/SUBNET (default: the last argument).")
    var subnet: String?

    @OptionGroup var output: OutputOptions

    @Option(help: "Output format: text or json.")
    var format: ResultFormat = .text

    func validate() throws {
        if subnet == nil, design.files.isEmpty {
            throw ValidationError("Missing the subnet, as VNET/SUBNET (the last argument or --subnet).")
        }
    }

    func run() throws {
        var design = design
        let subnet: String
        if let given = self.subnet {
            subnet = given
        } else {
            subnet = design.files.removeLast()
        }
        try guarded {
            let (_, topology) = try design.load()
            guard let index = topology.subnetIndex(named: subnet) else {
                throw unknownName(
                    "subnet", subnet, in: topology.subnets.map(\.qualifiedName), file: topology.file, note: " (write it as VNET/SUBNET)")
            }
            let text = format == .json ? try JSONReport.routes(topology, subnet: index) : TextReport.routes(topology, subnet: index)
            try emit(text, to: output.output, input: design.file)
            return 0
        }
    }
}
