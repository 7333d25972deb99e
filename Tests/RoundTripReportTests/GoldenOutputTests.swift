import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

@testable import RoundTripReport

/// Every output of every sample and scenario fixture, pinned byte for byte: text, JSON, SARIF, JUnit, and the DOT
/// of each flow's path diagram and of the topology. They prove that a refactor changes nothing; re-record them
/// (RECORD_GOLDEN=1) only on purpose, naming the change in the commit.
@Suite("Golden outputs")
struct GoldenOutputTests {
    static let designs: [String] =
        TestFiles.list("samples") + TestFiles.list("Tests/RoundTripCoreTests/Fixtures/scenarios")
        + TestFiles.list("Tests/RoundTripCoreTests/Fixtures/routing")
        + TestFiles.list("Tests/RoundTripCoreTests/Fixtures/fidelity") + TestFiles.list("Tests/RoundTripCoreTests/Fixtures/policy")

    /// `samples/x.yaml` → `Tests/RoundTripReportTests/Golden/outputs/samples/x`.
    func base(_ file: String) -> String {
        let folder =
            file.hasPrefix("samples/")
            ? "samples" : file.contains("/fidelity/") ? "fidelity" : file.contains("/policy/") ? "policy" : "fixtures"
        let name = (file as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "")
        return "Tests/RoundTripReportTests/Golden/outputs/\(folder)/\(name)"
    }

    @Test("check outputs: text, JSON, JUnit, SARIF", arguments: designs)
    func check(file: String) throws {
        let report = Checker.check(try TestFiles.topology(file))
        let failOn = CheckReport.defaultFailOn
        expectGolden(TextReport.check(report, failOn: failOn), base(file) + ".txt")
        expectGolden(try JSONReport.check(report, failOn: failOn), base(file) + ".json")
        expectGolden(JUnitReport.xml(report, failOn: failOn), base(file) + ".junit.xml")
        expectGolden(try SARIFReport.log(report, failOn: failOn, version: "golden"), base(file) + ".sarif")
    }

    @Test("exhaustive check outputs: text and JSON", arguments: TestFiles.list("samples"))
    func exhaustive(file: String) throws {
        let report = Checker.check(try TestFiles.topology(file), exhaustive: true)
        expectGolden(TextReport.check(report), base(file) + ".exhaustive.txt")
        expectGolden(try JSONReport.check(report, failOn: CheckReport.defaultFailOn), base(file) + ".exhaustive.json")
    }

    @Test("path diagrams and topology DOT", arguments: designs)
    func dot(file: String) throws {
        let t = try TestFiles.topology(file)
        let report = Checker.check(t)
        var all = ""
        for (i, r) in report.results.enumerated() {
            all += PathDiagram.dot(r.trace, flow: r.flow, in: t, id: "flow\(i + 1)", fix: Remedy.suggest(for: r.trace, flow: r.flow, in: t))
        }
        all += TopologyDiagram.dot(report)
        expectGolden(all, base(file) + ".dot")
    }

    @Test("trace text and JSON of every flow", arguments: designs)
    func trace(file: String) throws {
        let t = try TestFiles.topology(file)
        let report = Checker.check(t)
        var text = ""
        var json = ""
        for r in report.results {
            text += TextReport.trace(r.trace, flow: r.flow, in: t) + "\n"
            json += try JSONReport.trace(r, in: t)
        }
        expectGolden(text, base(file) + ".trace.txt")
        expectGolden(json, base(file) + ".trace.json")
    }
}

/// The diagnostics of every invalid fixture, pinned: moving a check between reader and compiler must keep them.
@Suite("Golden diagnostics")
struct GoldenDiagnosticTests {
    @Test("invalid designs: every diagnostic", arguments: TestFiles.list("Tests/RoundTripImportTests/Fixtures/invalid"))
    func diagnostics(file: String) throws {
        let name = (file as NSString).lastPathComponent
        do {
            _ = try TestFiles.topology(file, strict: true)
            Issue.record("\(file) was accepted")
        } catch let error as DesignError {
            expectGolden(error.description + "\n", "Tests/RoundTripReportTests/Golden/diagnostics/\(name).txt")
        }
    }
}
