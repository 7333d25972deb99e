import Foundation
import RoundTripCore

/// The JSON output of `roundtrip check --format json` and `roundtrip trace --format json` (docs/json-output.md).
///
/// Field names are stable; keys are sorted so the same input gives byte-identical output.
public enum JSONReport {
    /// Output schema version.
    public static let version = 1

    /// The whole check.
    public static func check(_ report: CheckReport, failOn: Set<Verdict>) throws -> String {
        let t = report.topology
        let document = CheckDocument(
            version: version, design: t.name, file: t.file,
            flows: report.results.map { r in
                var document = FlowDocument(r, in: t)
                document.accepted = report.acceptance(ofFlow: r.flow.name, verdict: r.trace.verdict).map(AcceptanceDocument.init)
                document.fails = report.fails(r, on: failOn)
                document.fix = FixDocument(report.fix(for: r))
                return document
            },
            assertions: report.assertions.map { AssertionDocument($0, in: t) },
            requiredEgress: report.requiredEgress.map { RequiredEgressDocument($0, in: t) },
            egress: report.egress.map { EgressDocument($0, in: t) },
            exhaustive: report.exhaustive.map {
                $0.results.map { r in
                    var document = EntryDocument(r, in: t)
                    for (i, v) in r.verdicts.enumerated() {
                        document.verdicts[i].accepted = report.acceptance(of: r, verdict: v.verdict).map(AcceptanceDocument.init)
                    }
                    return document
                }
            },
            findings: report.findings.map { FindingDocument($0) },
            summary: SummaryDocument(
                flows: report.results.count,
                verdicts: Dictionary(uniqueKeysWithValues: report.verdictCounts.map { ($0.0.rawValue, $0.1) }),
                expectationsFailed: report.failedExpectations.count,
                assertionsFailed: report.assertions.filter { !$0.holds }.count,
                accepted: report.results.filter { report.acceptance(ofFlow: $0.flow.name, verdict: $0.trace.verdict)?.active == true }
                    .count,
                failed: report.fails(on: failOn)))
        return try encode(document)
    }

    /// One trace.
    public static func trace(_ result: FlowResult, in t: Topology) throws -> String {
        try encode(FlowDocument(result, in: t))
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
