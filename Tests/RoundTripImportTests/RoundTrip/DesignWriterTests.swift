import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

/// `roundtrip import` writes designs as RoundTrip YAML: what it writes must read back to a design that checks the same.
@Suite("Design writer")
struct DesignWriterTests {
    static let designs =
        TestFiles.list("samples") + TestFiles.list("Tests/RoundTripCoreTests/Fixtures/scenarios")
        + TestFiles.list("Tests/RoundTripCoreTests/Fixtures/fidelity") + TestFiles.list("Tests/RoundTripCoreTests/Fixtures/policy")
        + ["Tests/RoundTripImportTests/Fixtures/valid/lower-case-enums.yaml"]

    /// What a check says about each flow, without file positions.
    static func outcomes(_ t: Topology) -> [String] {
        Checker.check(t).results.map { r in
            let at = r.trace.droppedAt.map { t.name(of: $0) } ?? "-"
            let egress = r.trace.egressAddresses.map(\.description).joined(separator: ",")
            return "\(r.flow.name) \(r.trace.verdict.rawValue) \(at) \(r.trace.reason.code) \(egress) \(r.holds.map { "\($0)" } ?? "-")"
        }
    }

    @Test("a written design reads back and checks the same, and writing it again gives the same text", arguments: designs)
    func roundTrip(file: String) throws {
        let design = try TestFiles.design(file)
        let yaml = DesignWriter.yaml(design, header: ["written from \(file)"])
        let again = try DesignImporter.importDesign(yaml, file: "written.yaml")
        #expect(Self.outcomes(try Topology.compile(again)) == Self.outcomes(try Topology.compile(design)))
        #expect(DesignWriter.yaml(again, header: ["written from \(file)"]) == yaml)
    }

    @Test("names that YAML would misread are quoted and read back unchanged")
    func quoting() throws {
        let names = [
            "yes", "no", "null", "1.0", "10:20", "- dash", "a: b", "# hash", "quote \" and \\ backslash", "ü ok", " lead", "@at", "*star",
            "&amp", "!bang", "%pct", "trailing ",
        ]
        for name in names {
            let scalar = DesignWriterTests.scalar(name)
            let text = "apiVersion: roundtrip/v1\nname: \(scalar)\n"
            let design = try DesignImporter.importDesign(text, file: "q.yaml")
            #expect(design.name == name, "\(name) written as \(scalar)")
        }
        var design = try DesignImporter.importDesign("apiVersion: roundtrip/v1\nname: d\n", file: "d.yaml")
        design.description = "tab\tand\nnewline, \u{7} bell and \u{2028} separator"
        let again = try DesignImporter.importDesign(DesignWriter.yaml(design), file: "again.yaml")
        #expect(again.description == design.description)
    }

    /// The scalar the writer emits for a design name.
    static func scalar(_ name: String) -> String {
        var design = Design(file: "x", name: name, source: SourceMap(element: SourceLocation(file: "x", line: 1, column: 1)))
        design.region = "westeurope"
        let yaml = DesignWriter.yaml(design)
        let line = yaml.split(separator: "\n").first { $0.hasPrefix("name: ") } ?? ""
        return String(line.dropFirst("name: ".count))
    }
}
