import Foundation
import RoundTripCore

/// Diagnostics (bad input, compiler warnings) as JSON or SARIF, so CI reads a rejected design as structured data at
/// its locations rather than a string on standard error.
public enum DiagnosticReport {
    /// `{"diagnostics": [...], "summary": {"errors": N, "warnings": M}}`, diagnostics in position order.
    public static func json(_ diagnostics: [Diagnostic]) throws -> String {
        let sorted = diagnostics.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
        let document = Document(
            diagnostics: sorted.map(Entry.init),
            summary: .init(
                errors: sorted.count { $0.severity == .error }, warnings: sorted.count { $0.severity == .warning }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    /// A SARIF 2.1.0 log with one result per diagnostic; the rule id is `input/<code>`.
    public static func sarif(_ diagnostics: [Diagnostic], version: String) throws -> String {
        let sorted = diagnostics.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
        let codes = Array(Set(sorted.map(\.code))).sorted { $0.rawValue < $1.rawValue }
        let rules = codes.map { code in
            SARIFReport.Rule(
                id: "input/\(code.rawValue)", name: code.rawValue, short: "The design input: \(code.rawValue)",
                help: "The input cannot be analysed as written. docs/diagnostics.md explains each code and what to do.")
        }
        let results = sorted.map { d in
            let text = d.message + (d.hint.map { " (\($0))" } ?? "")
            return SARIFReport.Result(
                ruleId: "input/\(d.code.rawValue)", ruleIndex: codes.firstIndex(of: d.code) ?? 0,
                level: d.severity == .error ? "error" : "warning", message: .init(text: text), locations: [.init(d.location)],
                relatedLocations: nil,
                partialFingerprints: [
                    "roundtripDiagnostic/v1": SARIFReport.fingerprint(
                        rule: "input/\(d.code.rawValue)", identity: .init(code: d.code.rawValue, elements: ["\(d.location)"]))
                ])
        }
        let log = SARIFReport.Log(
            schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0",
            runs: [
                SARIFReport.Run(
                    tool: .init(
                        driver: .init(
                            name: "RoundTrip", semanticVersion: version, version: version,
                            rules: rules.map { SARIFReport.RuleDescriptor($0, rulesURL: "docs/diagnostics.md") })),
                    results: results, columnKind: "unicodeCodePoints")
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var diagnostics: [Entry]
        var summary: Summary
    }
    struct Summary: Encodable {
        var errors: Int
        var warnings: Int
    }
    struct Location: Encodable {
        var file: String
        var line: Int
        var column: Int
        var resourceId: String?
        var jsonPointer: String?
    }
    struct Entry: Encodable {
        var severity: String
        var code: String
        var message: String
        var hint: String?
        var location: Location
        init(_ d: Diagnostic) {
            severity = d.severity.rawValue
            code = d.code.rawValue
            message = d.message
            hint = d.hint
            location = Location(
                file: d.location.file, line: d.location.line, column: d.location.column, resourceId: d.location.resourceID,
                jsonPointer: d.location.jsonPointer)
        }
    }
}
