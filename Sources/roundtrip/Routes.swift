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
            """)

    @Argument(help: "The design file.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    @Argument(help: "The subnet, as VNET/SUBNET.")
    var subnet: String

    @Option(
        name: .customLong("service-tags"),
        help: ArgumentHelp(
            "Azure's \"IP Ranges and Service Tags\" JSON, to resolve service tags beyond the built-in excerpt. Default: $ROUNDTRIP_SERVICE_TAGS.",
            valueName: "file"),
        completion: .file(extensions: ["json"]))
    var serviceTags: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        try guarded {
            let (_, topology) = try DesignOptions(file: file, serviceTags: serviceTags).load()
            guard let index = topology.subnetIndex(named: subnet) else {
                let hint = Suggestion.hint(for: subnet, in: topology.subnets.map(\.qualifiedName)).map { " (\($0))" } ?? ""
                throw InputFailure("\(file): error: no subnet '\(subnet)'; write it as VNET/SUBNET\(hint)")
            }
            try emit(TextReport.routes(topology, subnet: index), to: output.output, input: file)
            return 0
        }
    }
}

extension DesignOptions {
    init(file: String?, serviceTags: String? = nil) {
        self.init()
        self.file = file
        self.serviceTags = serviceTags
    }
}
