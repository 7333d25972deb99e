import Foundation
import RoundTripCore

/// `roundtrip diff` output: text, JSON, SARIF (new findings only) and Markdown for a pull-request comment.
public enum DiffReport {
    /// The cause of a change in words, with where it is written.
    static func cause(_ c: DesignDiff.Change, in diff: DesignDiff) -> String? {
        guard let decision = c.cause else { return nil }
        let t = c.causeInAfter ? diff.after.topology : diff.before.topology
        let location = t.location(of: decision).map { " at \($0)" } ?? ""
        var text = (c.causeInAfter ? "" : "removed or changed: ") + t.describeDecision(decision) + location
        if let replaced = c.replaced {
            let b = diff.before.topology
            text += ", instead of " + b.describeDecision(replaced) + (b.location(of: replaced).map { " (before: \($0))" } ?? "")
            text += whereNow(replaced, before: b, after: diff.after.topology)
        }
        return text
    }

    /// For a user-defined route the AFTER trace no longer takes: where it is in AFTER (changed), or that it was removed.
    static func whereNow(_ decision: Decision, before b: Topology, after a: Topology) -> String {
        guard case .route(let s, let i) = decision, case .user(let table, let r) = b.effectiveRoutes[s].routes[i].origin else {
            return ""
        }
        let (tableName, routeName) = (b.routeTables[table].name, b.routeTables[table].routes[r].name)
        guard let now = a.routeTables.first(where: { $0.name == tableName })?.routes.first(where: { $0.name == routeName }) else {
            return ", removed in AFTER"
        }
        return ", changed at \(now.source.element)"
    }

    static func title(_ c: DesignDiff.Change) -> String {
        switch c.kind {
        case .flow: return "flow '\(c.name)'"
        case .entryPoint: return "entry point '\(c.name)'"
        case .assertion: return "assertion '\(c.name)'"
        }
    }

    static func headline(_ diff: DesignDiff) -> String {
        let worse = diff.changes.filter(\.worse).count
        if diff.changes.isEmpty { return "no flow, entry point or assertion changed" }
        return "\(diff.changes.count) change\(diff.changes.count == 1 ? "" : "s"), \(worse) worse"
    }

    /// Plain text for terminals and logs.
    public static func text(_ diff: DesignDiff) -> String {
        var out = "RoundTrip diff: \(diff.before.topology.file) → \(diff.after.topology.file)\n\n"
        for c in diff.changes {
            out += "\(c.worse ? "✗" : "✓") \(title(c)): \(c.before) → \(c.after)\(c.worse ? "  WORSE" : "")\n"
            if c.worse, let trace = c.trace {
                out += TextReport.indent(TextReport.wrap(diff.after.topology.reasonText(of: trace)), by: 4)
            }
            if let cause = cause(c, in: diff) { out += TextReport.indent(TextReport.wrap("cause: " + cause), by: 4) }
        }
        out += (diff.changes.isEmpty ? "" : "\n") + headline(diff) + "\n"
        return out
    }

    struct ChangeDocument: Encodable {
        var kind: String
        var name: String
        var before: String
        var after: String
        var worse: Bool
        var verdict: String?
        var reason: String?
        var cause: String?
        var causeLocation: LocationDocument?
        var location: LocationDocument?
    }

    struct Document: Encodable {
        var version: Int
        var before: String
        var after: String
        var worse: Bool
        var changes: [ChangeDocument]
    }

    /// JSON (docs/json-output.md).
    public static func json(_ diff: DesignDiff) throws -> String {
        let changes = diff.changes.map { c in
            let t = c.causeInAfter ? diff.after.topology : diff.before.topology
            return ChangeDocument(
                kind: c.kind.rawValue, name: c.name, before: c.before, after: c.after, worse: c.worse, verdict: c.verdict?.rawValue,
                reason: c.trace.map { diff.after.topology.reasonText(of: $0) },
                cause: c.cause.map { t.describeDecision($0) },
                causeLocation: c.cause.flatMap { t.location(of: $0) }.map(LocationDocument.init),
                location: c.location.map(LocationDocument.init))
        }
        return try JSONReport.encode(
            Document(
                version: JSONReport.version, before: diff.before.topology.file, after: diff.after.topology.file, worse: diff.worse,
                changes: changes))
    }

    /// Markdown for a pull-request comment: a table of the changes, worse ones first.
    public static func markdown(_ diff: DesignDiff) -> String {
        var out = "### RoundTrip: \(headline(diff))\n\n"
        guard !diff.changes.isEmpty else {
            return out + "No flow, exhaustive entry point or assertion changed its verdict or client set.\n"
        }
        out += "| | Changed | Before | After | Cause |\n|---|---|---|---|---|\n"
        for c in diff.changes.sorted(by: { $0.worse && !$1.worse }) {
            let cells = [
                c.worse ? "❌" : "✅", title(c), c.before, c.after, cause(c, in: diff) ?? "",
            ]
            out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
        }
        let worse = diff.changes.filter { $0.worse && $0.trace != nil }
        if !worse.isEmpty {
            out += "\n<details><summary>Why</summary>\n\n"
            for c in worse {
                guard let trace = c.trace else { continue }
                out += "- **\(cell(title(c)))**: \(cell(diff.after.topology.reasonText(of: trace)))\n"
            }
            out += "\n</details>\n"
        }
        return out
    }

    /// A Markdown table cell: pipes escaped, on one line.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// SARIF 2.1.0 with the new findings only, located at their cause in the AFTER design.
    public static func sarif(_ diff: DesignDiff, version: String, rulesURL: String = SARIFReport.defaultRulesURL) throws -> String {
        let t = diff.after.topology
        let results = diff.changes.filter { $0.worse && ($0.causeInAfter || $0.cause == nil) }.map { c -> SARIFReport.Result in
            let rule = c.kind == .assertion ? "RT008" : c.verdict.map(SARIFReport.ruleID) ?? "RT007"
            let at = c.cause.flatMap { t.location(of: $0) } ?? c.location ?? SourceLocation(file: t.file, line: 0, column: 0)
            let reason = c.trace.map { ": " + t.reasonText(of: $0) } ?? ""
            let message = "\(title(c).prefix(1).uppercased() + title(c).dropFirst()) was \(c.before), is \(c.after)\(reason)"
            let identity = SARIFReport.FindingIdentity(code: "diff-\(c.kind.rawValue)", elements: [c.name, c.after])
            return SARIFReport.result(
                rule, "error", message, at: at, related: c.location.map { $0 == at ? [] : [$0] } ?? [],
                fingerprint: SARIFReport.fingerprint(rule: rule, identity: identity))
        }
        return try SARIFReport.encode(results: results, version: version, rulesURL: rulesURL)
    }
}
