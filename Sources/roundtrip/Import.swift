import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripImport

/// `roundtrip import`: any inputs in, deterministic RoundTrip YAML out, for review and for adding flows.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert Azure JSON, ARM templates or Terraform plans (and RoundTrip files) into one RoundTrip YAML design.",
        discussion: """
            Every element keeps the resource id it came from in a comment. What was read, skipped or unknown is
            printed on standard error; --strict makes skips and unknowns errors.

            Examples:
              roundtrip import export.json -o design.yaml
              roundtrip import main.json --parameters main.parameters.json -o design.yaml
              roundtrip import plan.json flows.yaml -o design.yaml
            """)

    @OptionGroup var design: DesignOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if design.files.isEmpty { throw ValidationError("Give at least one input to import.") }
    }

    func run() throws {
        try guarded {
            let imported = try design.loadDesign()
            // Check it compiles, so `import` never writes a design the other commands would reject.
            _ = try design.compile(imported)
            let header = ["Imported by roundtrip import from: " + design.files.joined(separator: ", ")]
            try emit(DesignWriter.yaml(imported, header: header), to: output.output, input: design.files.first)
            return 0
        }
    }
}
