import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripReport

/// `roundtrip routes`: a subnet's effective routes.
struct Routes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a subnet's effective routes, like Azure's effective-routes view.",
        discussion: """
            Example:
              roundtrip routes samples/hub-spoke.yaml spoke1-vnet/workload
              roundtrip routes export.json overlay.yaml --subnet hub-vnet/shared

            Without --subnet, the last argument is the subnet.
            """)

    @OptionGroup var design: DesignOptions

    @Option(help: "The subnet, as VNET/SUBNET (default: the last argument).")
    var subnet: String?

    @OptionGroup var output: OutputOptions

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
                let hint = Suggestion.hint(for: subnet, in: topology.subnets.map(\.qualifiedName)).map { " (\($0))" } ?? ""
                throw InputFailure("\(topology.file): error: no subnet '\(subnet)'; write it as VNET/SUBNET\(hint)")
            }
            try emit(TextReport.routes(topology, subnet: index), to: output.output, input: design.file)
            return 0
        }
    }
}
