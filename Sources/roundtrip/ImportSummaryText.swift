import RoundTripCore

/// The import summary as printed on standard error after an import.
enum ImportSummaryText {
    /// Counts per type, then each skipped and unknown note with its resource and location.
    static func render(_ summary: ImportSummary) -> String {
        var lines: [String] = []
        let forms = summary.inputs.map { "\($0.file) (\($0.form))" }.joined(separator: ", ")
        let total = summary.read.values.reduce(0, +)
        lines.append("import: \(total) resource\(total == 1 ? "" : "s") read from \(forms.isEmpty ? "the inputs" : forms)")
        for (type, count) in summary.read.sorted(by: { $0.key < $1.key }) { lines.append("  \(count) \(type)") }
        if !summary.skipped.isEmpty {
            lines.append("skipped (\(summary.skipped.count)):")
            for note in summary.skipped { lines.append("  \(note.location): \(note.what) — \(note.reason) [\(note.resource)]") }
        }
        if !summary.unknown.isEmpty {
            lines.append("unknown (\(summary.unknown.count)):")
            for note in summary.unknown { lines.append("  \(note.location): \(note.what) — \(note.reason) [\(note.resource)]") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// With `--strict`: every skipped and unknown note as an error.
    static func strictDiagnostics(_ summary: ImportSummary) -> [Diagnostic] {
        summary.skipped.map { Diagnostic(.error, .importSkipped, at: $0.location, "skipped \($0.what) of \($0.resource): \($0.reason)") }
            + summary.unknown.map {
                Diagnostic(.error, .importUnknown, at: $0.location, "unknown \($0.what) of \($0.resource): \($0.reason)")
            }
    }
}
