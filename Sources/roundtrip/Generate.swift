import ArgumentParser
import Foundation
import RoundTripCore

/// `roundtrip generate`: synthetic designs for scale tests.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a synthetic design.",
        subcommands: [HubSpoke.self])

    struct HubSpoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hub-spoke",
            abstract:
                "A hub with Azure Firewall and a VPN gateway, N spokes with internal and public load balancers, App Gateways and some deliberate asymmetries.",
            discussion: """
                Examples:
                  roundtrip generate hub-spoke --spokes 1000 --seed 7 -o /tmp/estate.yaml
                  roundtrip check /tmp/estate.yaml --exhaustive --format json -o estate.json
                """)

        @Option(help: "Number of spokes (1 to 32768).")
        var spokes: Int = 10

        @Option(help: "Seed: the same seed gives the same estate.")
        var seed: UInt64 = 1

        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (1...SyntheticEstate.maximumSpokes).contains(spokes) else { throw ValidationError("--spokes must be 1 to 32768") }
        }

        func run() throws {
            try guarded {
                try emit(SyntheticEstate.hubSpoke(spokes: spokes, seed: seed), to: output.output, input: nil)
                return 0
            }
        }
    }
}
