import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

/// The same design as RoundTrip YAML, Azure resource JSON, an ARM template and a Terraform plan (each with a
/// RoundTrip file holding what an export cannot: flows, endpoints, pods) checks the same; and what `roundtrip import`
/// writes checks the same as its inputs.
@Suite("One design, four input forms")
struct ImportEquivalenceTests {
    /// One imported form of a sample: the inputs and an optional ARM parameters file.
    struct Form: Sendable, CustomStringConvertible {
        var sample: String
        var inputs: [String]
        var parameters: String?
        var description: String { inputs[0] }
    }

    static let folder = "Tests/RoundTripImportTests/Fixtures"
    static let forms: [Form] = [
        Form(
            sample: "samples/hub-spoke.yaml",
            inputs: ["\(folder)/azure-json/hub-spoke.rest.json", "\(folder)/azure-json/hub-spoke.overlay.yaml"]),
        Form(
            sample: "samples/hub-spoke.yaml", inputs: ["\(folder)/arm/hub-spoke.json", "\(folder)/azure-json/hub-spoke.overlay.yaml"],
            parameters: "\(folder)/arm/hub-spoke.parameters.json"),
        Form(
            sample: "samples/hub-spoke.yaml",
            inputs: ["\(folder)/terraform/hub-spoke.plan.json", "\(folder)/azure-json/hub-spoke.overlay.yaml"]),
        Form(
            sample: "samples/udr-firewall.yaml",
            inputs: ["\(folder)/azure-json/udr-firewall.az.json", "\(folder)/azure-json/udr-firewall.overlay.yaml"]),
        Form(sample: "samples/udr-firewall.yaml", inputs: ["\(folder)/arm/udr-firewall.json", "\(folder)/arm/udr-firewall.overlay.yaml"]),
        Form(
            sample: "samples/udr-firewall.yaml",
            inputs: ["\(folder)/terraform/udr-firewall.plan.json", "\(folder)/terraform/udr-firewall.overlay.yaml"]),
        Form(
            sample: "\(folder)/secured.yaml",
            inputs: ["\(folder)/azure-json/secured.rest.json", "\(folder)/azure-json/secured.overlay.yaml"]),
        Form(sample: "\(folder)/secured.yaml", inputs: ["\(folder)/arm/secured.json", "\(folder)/azure-json/secured.overlay.yaml"]),
        Form(
            sample: "\(folder)/secured.yaml",
            inputs: ["\(folder)/terraform/secured.plan.json", "\(folder)/azure-json/secured.overlay.yaml"]),
    ]

    /// What a check says about each flow, without file positions or element spellings that differ between forms.
    static func outcomes(_ t: Topology) -> [String] {
        Checker.check(t).results.map { r in
            let at = r.trace.droppedAt.map { t.name(of: $0) } ?? "-"
            let egress = r.trace.egressAddresses.map(\.description).joined(separator: ",")
            return "\(r.flow.name) \(r.trace.verdict.rawValue) \(at) \(r.trace.reason.code) \(egress) \(r.holds.map { "\($0)" } ?? "-")"
        }
    }

    static func imported(_ form: Form) throws -> Design {
        let inputs = try form.inputs.map { (try Data(contentsOf: TestFiles.url($0)), $0) }
        let parameters = try form.parameters.map { (try Data(contentsOf: TestFiles.url($0)), $0) }
        return try DesignImporter.importDesign(inputs: inputs, parameters: parameters)
    }

    @Test("every flow has the same verdict, drop point, reason and egress as in the YAML sample", arguments: forms)
    func sameVerdicts(form: Form) throws {
        let design = try Self.imported(form)
        let expected = Self.outcomes(try TestFiles.topology(form.sample))
        #expect(!expected.isEmpty)
        #expect(Self.outcomes(try Topology.compile(design)) == expected)
        #expect(design.importSummary != nil)
    }

    @Test("what roundtrip import writes reads back and checks the same", arguments: forms)
    func importRoundTrips(form: Form) throws {
        let design = try Self.imported(form)
        let yaml = DesignWriter.yaml(design, header: ["imported from \(form.inputs.joined(separator: ", "))"])
        let again = try DesignImporter.importDesign(yaml, file: "imported.yaml")
        #expect(Self.outcomes(try Topology.compile(again)) == Self.outcomes(try Topology.compile(design)))
        // Imported elements name their resource in a comment.
        #expect(yaml.contains("# /subscriptions/"))
    }
}
